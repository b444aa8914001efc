import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadBundle } from './loadBundle.js';
import { miniBundle } from '../../test/fixtures/miniBundle.js';
import type { Bundle } from './types.js';

const codes = (input: unknown, fileName?: string) =>
  loadBundle(input, fileName ? { fileName } : {})
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);

function mutate(change: (b: Bundle) => void): Bundle {
  const b = miniBundle();
  change(b);
  return b;
}

describe('loadBundle', () => {
  it('loads the mini bundle from an object, YAML and JSON alike', () => {
    for (const [input, fileName] of [
      [miniBundle(), undefined],
      [stringify(miniBundle()), 'b.yaml'],
      [JSON.stringify(miniBundle(), null, 2), 'b.json'],
    ] as const) {
      const loaded = loadBundle(input, fileName ? { fileName } : {});
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(loaded.ok).toBe(true);
      expect(loaded.form?.fields.babyName?.sources.map((s) => s.item)).toEqual(['birthCert', 'birthReg']);
    }
  });

  it('reports YAML syntax errors with line and column', () => {
    const { ok, diagnostics } = loadBundle('id: x\nitems: [1, 2\nversion: 1\n', { fileName: 'b.yaml' });
    expect(ok).toBe(false);
    expect(diagnostics[0]).toMatchObject({ code: 'SYNTAX_YAML', severity: 'error' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports JSON syntax errors at the right line', () => {
    const { diagnostics } = loadBundle('{\n  "id": "x",\n  "version": 1,,\n}', { fileName: 'b.json' });
    expect(diagnostics[0]).toMatchObject({ code: 'SYNTAX_JSON', line: 3 });
  });

  it('reports duplicate YAML keys', () => {
    expect(codes('id: a\nid: b\n', 'b.yaml')).toContain('DUPLICATE_KEY');
  });

  it('treats empty, huge and non-object input as diagnostics', () => {
    expect(codes('', 'b.yaml')).toEqual(['SOURCE_EMPTY']);
    expect(codes('x'.repeat(5_000_001))).toEqual(['SOURCE_TOO_LARGE']);
    expect(codes('42', 'b.yaml')).toContain('SCHEMA_VIOLATION');
    expect(codes(null)).toContain('SCHEMA_VIOLATION');
  });

  it('points schema violations at the offending key, with a did-you-mean hint', () => {
    const text = stringify(mutate((b) => Object.assign(b.items[0]!, { promisedLimitDay: 1 })));
    const loaded = loadBundle(text, { fileName: 'b.yaml' });
    const d = loaded.diagnostics.find((x) => x.path === '/items/0/promisedLimitDay');
    expect(d).toBeDefined();
    expect(d!.messages.en).toContain('promisedLimitDays?');
    const line = text.split('\n').findIndex((l) => l.includes('promisedLimitDay:')) + 1;
    expect(d!.line).toBe(line);
  });

  it('rejects keys that clash with Object.prototype without polluting it', () => {
    const loaded = loadBundle('{"__proto__": {"polluted": 1}, "constructor": 1}', { fileName: 'b.json' });
    expect(loaded.diagnostics.map((d) => d.code)).toContain('FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds duplicate ids and unknown references', () => {
    const b = mutate((x) => {
      x.items[1]!.id = 'birthCert';
      x.items[2]!.dependsOn = ['birthCrt'];
      x.items[0]!.materials = ['m_nope'];
      x.items[0]!.department = 'tax';
    });
    const d = loadBundle(b).diagnostics;
    expect(d.find((x) => x.code === 'DUPLICATE_ID')?.path).toBe('/items/1/id');
    const unknown = d.filter((x) => x.code === 'UNKNOWN_REFERENCE').map((x) => x.path);
    expect(unknown).toEqual(
      expect.arrayContaining(['/items/2/dependsOn/0', '/items/0/materials/0', '/items/0/department']),
    );
    expect(d.find((x) => x.path === '/items/2/dependsOn/0')?.messages.en).toContain('birthCert?');
  });

  it('finds dependency cycles', () => {
    const b = mutate((x) => {
      x.items[0]!.dependsOn = ['benefit'];
    });
    const cycle = loadBundle(b).diagnostics.find((d) => d.code === 'DEPENDENCY_CYCLE');
    expect(cycle?.messages.en).toMatch(/birthCert → benefit → birthCert|benefit → birthCert → benefit/);
  });

  it('finds outputs consumed before they can exist', () => {
    const b = mutate((x) => {
      x.items[1]!.dependsOn = [];
    });
    const d = loadBundle(b).diagnostics.filter((x) => x.code === 'OUTPUT_BEFORE_AVAILABLE');
    expect(d.map((x) => x.path)).toEqual(
      expect.arrayContaining(['/items/1/form/map/csyxzmbh', '/items/1/materials/2']),
    );
  });

  it('flags promised limits above legal ones', () => {
    const b = mutate((x) => {
      x.items[1]!.promisedLimitDays = 30;
    });
    expect(codes(b)).toContain('LIMIT_EXCEEDS_LEGAL');
  });

  it('names both items and both paths in a merge conflict', () => {
    const b = mutate((x) => {
      x.items[1]!.form.schema.properties!.name = { type: 'integer' };
    });
    const d = loadBundle(stringify(b), { fileName: 'b.yaml' }).diagnostics.find(
      (x) => x.code === 'MERGE_TYPE_CONFLICT',
    );
    expect(d).toBeDefined();
    expect(d!.messages.en).toContain('birthReg');
    expect(d!.messages.en).toMatch(/birthCert|\/fields\/babyName/);
    expect(d!.line).toBeGreaterThan(0);
  });

  it('reports CEL syntax and type errors at the expression', () => {
    const b = mutate((x) => {
      x.fields.householderName!.visibleIf = 'settleWith == ';
      x.fields.bankAccountNo!.requiredIf = 'applyBenefit + 1';
    });
    const text = stringify(b);
    const d = loadBundle(text, { fileName: 'b.yaml' }).diagnostics;
    const syntax = d.find((x) => x.code === 'CEL_SYNTAX');
    expect(syntax?.path).toBe('/fields/householderName/visibleIf');
    expect(syntax?.line).toBe(text.split('\n').findIndex((l) => l.includes('settleWith == ')) + 1);
    expect(d.some((x) => x.code === 'CEL_TYPE' && x.path === '/fields/bankAccountNo/requiredIf')).toBe(true);
  });

  it('reports rules that read unknown fields', () => {
    const b = mutate((x) => {
      x.rules![0]!.expr = 'idGender(motherIdNumbr) == "2"';
    });
    expect(
      loadBundle(b).diagnostics.some((d) => d.code === 'UNKNOWN_REFERENCE' || d.code === 'CEL_TYPE'),
    ).toBe(true);
  });

  it('renders messages in English on request and keeps both texts', () => {
    const d = loadBundle('', { fileName: 'b.yaml', lang: 'en' }).diagnostics[0]!;
    expect(d.message).toBe('The file is empty.');
    expect(d.messages['zh-CN']).toBe('文件为空。');
  });

  it('explains a number field compared with an integer literal', () => {
    const b = mutate((x) => {
      x.fields.weight = { type: 'number', label: { 'zh-CN': '体重', en: 'Weight' } };
      x.fields.bankAccountNo!.requiredIf = 'weight == 3';
    });
    const d = loadBundle(b).diagnostics.find((x) => x.code === 'CEL_TYPE');
    expect(d?.messages.en).toContain('write 100.0');
  });
});
