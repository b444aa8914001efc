import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from './cli.js';
import { miniBundle, IDS } from '../../test/fixtures/miniBundle.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundleFile = join(dir, 'bundle.yaml');
writeFileSync(bundleFile, stringify(miniBundle()));
const garbageFile = join(dir, 'garbage.yaml');
writeFileSync(garbageFile, 'id: [unclosed\n  - : : :\n');
const dataFile = join(dir, 'data.json');
writeFileSync(
  dataFile,
  JSON.stringify({ babyName: '王小明', babyGender: '2', settleWith: 'MOTHER', motherIdNumber: IDS.woman }),
);

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('onething CLI', () => {
  it('validate: exits 0 for a good bundle', async () => {
    const r = await run('validate', bundleFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 个错误');
  });

  it('validate --json: exits 1 for garbage with code/path/message diagnostics', async () => {
    const r = await run('validate', garbageFile, '--json', '--lang', 'en');
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { ok: boolean; diagnostics: Array<Record<string, unknown>> };
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'SYNTAX_YAML', severity: 'error', path: '' });
    expect(typeof parsed.diagnostics[0]!.message).toBe('string');
    expect(parsed.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it('exits 2 for a missing file and for usage errors, without a stack trace', async () => {
    const missing = await run('validate', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ENOENT');
    expect(missing.err).not.toMatch(/\n\s+at /);
    expect((await run('frobnicate', bundleFile)).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', bundleFile, '--lang', 'fr')).code).toBe(2);
    expect((await run('compile', bundleFile)).code).toBe(2);
  });

  it('split: prints each applicable item payload in department field names', async () => {
    const r = await run('split', bundleFile, '--data', dataFile, '--today', '2026-11-27');
    expect(r.code).toBe(0);
    const payloads = JSON.parse(r.out) as Record<string, Record<string, unknown>>;
    expect(payloads.birthCert).toEqual({ xm: '王小明', xb: 'F', mqsfzh: IDS.woman });
    expect(Object.keys(payloads).sort()).toEqual(['birthCert', 'birthReg']);
  });

  it('split: exits 1 with diagnostics for invalid data', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ babyName: 42, unknownField: 1 }));
    const r = await run('split', bundleFile, '--data', bad, '--json');
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.out) as { diagnostics: Array<{ code: string }> }).diagnostics.map(
      (d) => d.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['DATA_UNKNOWN_FIELD', 'DATA_TYPE']));
  });

  it('compile: writes bundle.js (artifact + CSP-safe validators), the merged schema and item schemas', async () => {
    const out = join(dir, 'out');
    const r = await run('compile', bundleFile, '--out', out);
    expect(r.code).toBe(0);
    const merged = JSON.parse(readFileSync(join(out, 'merged.schema.json'), 'utf8')) as {
      properties: object;
    };
    expect(Object.keys(merged.properties)).toContain('babyName');
    expect(existsSync(join(out, 'items', 'birthReg.schema.json'))).toBe(true);
    const module = readFileSync(join(out, 'bundle.js'), 'utf8');
    expect(module).not.toMatch(/new Function|\beval\(/);
    expect(module).toMatch(/export const artifact = JSON\.parse\(/);
    expect(r.out).toMatch(/distinct field validators/);
  });

  it('typegen: prints TypeScript for the merged data and each item', async () => {
    const r = await run('typegen', bundleFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('export interface MiniApplication');
    expect(r.out).toContain('BirthRegPayload');
  });

  it.runIf(existsSync(new URL('../../dist/node/cli.js', import.meta.url)))('runs as the npx bin', () => {
    const bin = new URL('../../bin/onething.js', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, 'validate', bundleFile, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
  });
});
