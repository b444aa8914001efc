import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './cli.js';

const root = new URL('../../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'onething-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(root, 'examples/newborn/bundle.yaml');
const data = join(root, 'examples/newborn/data/valid-complete.json');
const scenario = (name: string) => join(root, `examples/newborn/scenarios/${name}.json`);

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

// Issue #3: `onething simulate` shows the 容缺 and 告知承诺 paths.
describe('onething simulate', () => {
  it('shows a 容缺 material deferred, then supplied, and the licence issued after it', async () => {
    const { code, out } = await run(
      'simulate',
      bundle,
      '--data',
      data,
      '--script',
      scenario('rongque-supplied'),
    );
    expect(code).toBe(0);
    const supplied = out.indexOf('补交 m_hukouBook');
    expect(supplied).toBeGreaterThan(0);
    expect(out.indexOf('出生登记（户口登记） 已出证')).toBeGreaterThan(supplied);
    expect(out).toMatch(/结果：completed/);
  });

  it('shows a 容缺 deadline passing: suspended, then terminated, dependants blocked', async () => {
    const { out } = await run(
      'simulate',
      bundle,
      '--data',
      data,
      '--script',
      scenario('rongque-expired'),
      '--lang',
      'en',
    );
    expect(out).toMatch(/容缺 material overdue .*m_hukouBook/);
    expect(out).toMatch(/Household registration of the newborn terminated/);
    expect(out).toMatch(/blocked/);
    expect(out).toMatch(/final: partiallyCompleted/);
  });

  it('shows a 告知承诺 verification task, a breach, the credit record and the revocation', async () => {
    const { out } = await run(
      'simulate',
      bundle,
      '--data',
      data,
      '--script',
      scenario('commitment-breached'),
      '--lang',
      'en',
    );
    expect(out).toMatch(/verification task .*m_noHouseCommit/);
    expect(out).toMatch(/credit record .*m_noHouseCommit/);
    expect(out).toMatch(/revoked/);
    expect(out).toMatch(/final: partiallyCompleted/);
  });

  it('prints the final state per item with --json', async () => {
    const { code, out } = await run(
      'simulate',
      bundle,
      '--data',
      data,
      '--script',
      scenario('commitment-verified'),
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      status: string;
      items: Record<string, { status: string; verifications: unknown[] }>;
    };
    expect(result.status).toBe('completed');
    expect(result.items.birthReg!.verifications).toEqual([
      expect.objectContaining({ material: 'm_noHouseCommit', status: 'verified' }),
    ]);
  });

  it('records a trace that replays', async () => {
    const trace = join(dir, 'run.jsonl');
    expect(
      (
        await run(
          'simulate',
          bundle,
          '--data',
          data,
          '--script',
          scenario('correction-round'),
          '--record',
          trace,
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(trace, 'utf8')).not.toContain('陈雅婷'); // the mother's name is tokenised
    const { code, out } = await run('replay', trace, '--bundle', bundle);
    expect(code).toBe(0);
    expect(out).toMatch(/全部重现/);
  });

  it('prints the one-time notice and exits 1 when the application is refused', async () => {
    const invalid = join(root, 'examples/newborn/data/invalid-missing-required.json');
    const { code, out } = await run('simulate', bundle, '--data', invalid, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toMatch(/One-time notice \(not submitted\):/);
    expect(out).toMatch(/^ {4}- .+: /m);
  });

  it('reports a wrong script with its JSON pointer and exits 1; unreadable files exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ horizonDay: 3, applicant: { supply: [{ afterDays: 1 }] } }));
    const { code, err } = await run('simulate', bundle, '--data', data, '--script', bad);
    expect(code).toBe(1);
    expect(err).toMatch(/\/horizonDay/);
    expect(err).toMatch(/\/applicant\/supply\/0\/material/);
    expect((await run('simulate', bundle, '--data', join(dir, 'missing.json'))).code).toBe(2);
    expect((await run('simulate', bundle)).code).toBe(2);
  });
});
