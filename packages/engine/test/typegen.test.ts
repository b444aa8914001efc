// "Typegen output compiles with `tsc --noEmit`": for each example, the generated types plus a snippet
// that assigns the example's valid data and payloads to them type-check under `strict` with zero
// diagnostics, and deliberate mistakes (`@ts-expect-error`) are caught, so the types are not vacuous.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../src/bundle/loadBundle.js';
import { compileBundle } from '../src/compile/compileBundle.js';
import { validateApplication } from '../src/form/validateApplication.js';
import { itemSchemas } from '../src/merge/itemSchemas.js';
import { generateTypes, pascalCase } from '../src/node/generateTypes.js';
import { typecheck } from './fixtures/typecheck.js';

const examplesDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../examples');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe.each(['newborn', 'business-startup'])('typegen for examples/%s', (name) => {
  const dir = join(examplesDir, name);
  const loaded = loadBundle(readFileSync(join(dir, 'bundle.yaml'), 'utf8'), { fileName: 'bundle.yaml' });
  const compiled = compileBundle(loaded);
  const items = itemSchemas(compiled.bundle);
  const application = `${pascalCase(compiled.bundle.id)}Application`;
  const payloadType = (id: string) => `${pascalCase(id)}Payload`;
  const complete = readJson(join(dir, 'data/valid-complete.json')) as Record<string, unknown>;
  const today = () => '2026-11-27';
  const result = validateApplication(compiled, complete, { today, checkMaterials: false });
  // The minimal data leaves computed fields (出生日期) to the engine: its accepted values fill them in.
  const minimal = validateApplication(compiled, readJson(join(dir, 'data/valid-minimal.json')), {
    today,
    checkMaterials: false,
  });

  it('types the merged data and every item payload', async () => {
    const source = await generateTypes({ merged: compiled.form.schema, items, bundleId: compiled.bundle.id });
    expect(source).toContain(`export interface ${application} {`);
    for (const id of Object.keys(items)) expect(source).toContain(`export interface ${payloadType(id)} {`);
    for (const key of Object.keys(compiled.form.fields)) expect(source).toMatch(new RegExp(`\\b${key}\\??:`));
  });

  it('compiles with strict TypeScript, and accepts the valid data and its payloads', async () => {
    expect(result.ok).toBe(true);
    expect(minimal.ok).toBe(true);
    const source = await generateTypes({ merged: compiled.form.schema, items, bundleId: compiled.bundle.id });
    const properties = compiled.form.schema.properties as Record<string, { type?: unknown }>;
    const stringField = Object.keys(properties).find((key) => properties[key]!.type === 'string');
    expect(stringField).toBeDefined();
    const names = [application, ...Object.keys(items).map(payloadType)];
    // Outputs of earlier items (出生医学证明编号, 统一社会信用代码) are filled in later in the flow.
    const outputs = new Set(compiled.bundle.items.flatMap((item) => item.outputs ?? []));
    const payloadsOf = compiled.bundle.items
      .map(({ id, form }) => {
        const later = Object.entries(form.map)
          .filter(([, to]) => outputs.has(typeof to === 'string' ? to : to.field))
          .map(([property]) => JSON.stringify(property));
        return `${id}?: ${later.length > 0 ? `Omit<${payloadType(id)}, ${later.join(' | ')}>` : payloadType(id)}`;
      })
      .join('; ');
    const usage = `import type { ${names.join(', ')} } from './types.js';

export const complete: ${application} = ${JSON.stringify(complete, null, 2)};
export const minimal: ${application} = ${JSON.stringify(minimal.values, null, 2)};
export const payloads: { ${payloadsOf} } = ${JSON.stringify(result.payloads, null, 2)};

// @ts-expect-error a text field does not take a number
export const wrongType: ${application} = { ...complete, ${stringField}: 42 };
// @ts-expect-error fields outside the merged form are rejected
export const unknownField: ${application} = { ...complete, notAFieldOfTheForm: true };
`;
    expect(typecheck(source, usage)).toEqual([]);
  });
});
