// Golden tests over every bundle in examples/: the merged schema and the diagnostics of each data file
// are compared with examples/<name>/__expected__/. After an intended change: UPDATE_GOLDEN=1 npm test.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../src/bundle/loadBundle.js';
import { compileBundle } from '../src/compile/compileBundle.js';
import { validateApplication } from '../src/form/validateApplication.js';
import { createAjv } from '../src/validate/createAjv.js';
import { itemSchemas } from '../src/merge/itemSchemas.js';

const root = new URL('../../../examples/', import.meta.url).pathname;
const update = process.env.UPDATE_GOLDEN === '1';
const today = () => '2026-11-27';

function golden(dir: string, name: string, value: unknown) {
  const file = join(dir, '__expected__', name);
  const text = JSON.stringify(value, null, 2) + '\n';
  if (update || !existsSync(file)) {
    mkdirSync(join(dir, '__expected__'), { recursive: true });
    writeFileSync(file, text);
    if (!update && process.env.CI)
      throw new Error(`missing golden file ${file}: run UPDATE_GOLDEN=1 npm test and commit it`);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const examples = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((name) => ['bundle.yaml', 'bundle.json'].some((f) => existsSync(join(root, name, f))));

it('has the two reference examples', () => {
  expect(examples).toEqual(expect.arrayContaining(['newborn', 'business-startup']));
});

describe.each(examples)('examples/%s', (name) => {
  const dir = join(root, name);
  const file = ['bundle.yaml', 'bundle.json'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
  const loaded = loadBundle(readFileSync(file, 'utf8'), { fileName: file });
  const dataDir = join(dir, 'data');
  const dataFiles = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];

  it('loads without errors or warnings', () => {
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('merges into clearly fewer fields than its department forms', () => {
    const departmentFields = loaded.bundle!.items.reduce(
      (n, i) => n + Object.keys(i.form.schema.properties ?? {}).length,
      0,
    );
    const merged = Object.values(loaded.form!.fields).filter((f) => f.sources.length > 0).length;
    expect(merged).toBeLessThan(departmentFields * 0.75);
  });

  it('matches the golden merged schema', () => {
    golden(dir, 'merged.schema.json', loaded.form!.schema);
  });

  it('has valid and invalid data files', () => {
    expect(dataFiles.some((f) => f.startsWith('valid'))).toBe(true);
    expect(dataFiles.some((f) => f.startsWith('invalid'))).toBe(true);
  });

  describe.each(dataFiles)('data/%s', (dataFile) => {
    const data: unknown = JSON.parse(readFileSync(join(dataDir, dataFile), 'utf8'));
    const compiled = compileBundle(loaded);
    const result = validateApplication(compiled, data, { today, checkMaterials: false });

    if (dataFile.startsWith('valid')) {
      it('is valid, and every payload validates against its department schema', () => {
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const ajv = createAjv();
        const schemas = itemSchemas(compiled.bundle);
        for (const [item, payload] of Object.entries(result.payloads)) {
          const outputs = new Set(compiled.bundle.items.flatMap((i) => i.outputs ?? []));
          // Outputs of earlier items (出生医学证明编号, 统一社会信用代码) arrive later in the flow.
          const schema = {
            ...schemas[item]!,
            required: ((schemas[item]!.required as string[]) ?? []).filter((p) => {
              const mapping = compiled.bundle.items.find((i) => i.id === item)!.form.map[p];
              const key = typeof mapping === 'string' ? mapping : mapping?.field;
              return !key || !outputs.has(key);
            }),
          };
          const validate = ajv.compile(schema);
          expect({ item, ok: validate(payload), errors: validate.errors }).toMatchObject({ item, ok: true });
        }
      });
    } else {
      it('is invalid with the golden diagnostics', () => {
        expect(result.ok).toBe(false);
        golden(
          dir,
          `${dataFile.replace(/\.json$/, '')}.diagnostics.json`,
          result.diagnostics.map(({ code, severity, path, messages }) => ({
            code,
            severity,
            path,
            messages,
          })),
        );
      });
    }
  });
});
