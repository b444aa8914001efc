import type { CompiledBundle } from '@onething/engine';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A resident ID number (GB 11643) born on `date` (YYYY-MM-DD), with a valid check character. */
function sampleIdNumber(date: string, serial: number): string {
  const first17 = `110101${date.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return first17 + CHECK[sum % 11]!;
}

/**
 * Values for the outputs an item declares (出生医学证明编号, 公民身份号码…), so that later items'
 * payloads and 免提交 materials receive something when the simulated department issues. String
 * values are `MemoryScript` patterns (`{seq:6}` is the department's running number); an ID-number
 * output is a valid ID number born on `date`.
 *
 * @example
 * sampleOutputs(compiled, 'birthReg', '2025-03-17'); // { babyIdNumber: '11010120250317001X' }
 */
export function sampleOutputs(
  compiled: CompiledBundle,
  itemId: string,
  date: string,
): Record<string, unknown> | undefined {
  const item = compiled.bundle.items.find((i) => i.id === itemId);
  if (!item?.outputs?.length) return undefined;
  const outputs: Record<string, unknown> = {};
  item.outputs.forEach((field, index) => {
    const definition = compiled.bundle.fields[field];
    if (definition?.format === 'cn-id-card') outputs[field] = sampleIdNumber(date, index + 1);
    else if (definition?.type === 'integer' || definition?.type === 'number') outputs[field] = index + 1;
    else outputs[field] = `${field.slice(0, 4).toUpperCase()}{seq:6}`;
  });
  return outputs;
}
