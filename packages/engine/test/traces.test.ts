/**
 * Every recorded example trace replays through the decider (issue #3): one line per trace, found on
 * disk, so a new trace is covered without touching this file. Each trace is also re-simulated from its
 * scenario, so a trace that no longer matches what its scenario produces is caught, and the CLI's
 * `onething replay` names the step of a tampered trace.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBundle } from '../src/compile/compileBundle.js';
import { createFlow } from '../src/flow/createFlow.js';
import { main } from '../src/node/cli.js';
import { readBundleFile } from '../src/node/readBundleFile.js';
import { simulateApplication } from '../src/runner/simulateApplication.js';
import { parseTrace } from '../src/trace/parseTrace.js';
import type { TraceStep } from '../src/trace/types.js';
import { expectTraceReplays } from './fixtures/expectTraceReplays.js';

const root = new URL('../../../', import.meta.url).pathname;
const examples = readdirSync(join(root, 'examples')).filter((name) =>
  existsSync(join(root, 'examples', name, 'traces')),
);
const traces = examples.flatMap((example) =>
  readdirSync(join(root, 'examples', example, 'traces'))
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => `examples/${example}/traces/${file}`),
);

/** The paths every flow example must show (issue #3, "Examples"). */
const REQUIRED = [
  'happy-path',
  'rongque-supplied',
  'rongque-expired',
  'commitment-verified',
  'commitment-breached',
  'correction-round',
  'outage-recovered',
  'sla-overdue',
];

describe('example traces', () => {
  it.each(['newborn', 'business-startup'])('%s has a trace for every required path', (example) => {
    for (const name of REQUIRED) {
      expect(
        existsSync(join(root, 'examples', example, 'traces', `${name}.jsonl`)),
        `${example}/${name}`,
      ).toBe(true);
    }
  });

  it('home-transfer has traces', () => {
    expect(traces.filter((t) => t.startsWith('examples/home-transfer/')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(traces)('%s replays', async (trace) => {
    const result = await expectTraceReplays(trace);
    expect(result.steps).toBeGreaterThan(5);
  });

  it.each(traces)('%s is what its scenario produces today', async (trace) => {
    const [, example, , file] = trace.split('/');
    const scenario = join(root, 'examples', example!, 'scenarios', file!.replace(/\.jsonl$/, '.json'));
    if (!existsSync(scenario)) return;
    const loaded = await readBundleFile(join(root, 'examples', example!, 'bundle.yaml'));
    const flow = createFlow(compileBundle(loaded));
    const data = JSON.parse(
      readFileSync(join(root, 'examples', example!, 'data', 'valid-complete.json'), 'utf8'),
    );
    const script = JSON.parse(readFileSync(scenario, 'utf8'));
    const parsed = parseTrace(readFileSync(join(root, trace), 'utf8'));
    const result = await simulateApplication(flow, {
      data,
      script,
      applicationId: parsed.header!.applicationId,
    });
    const recorded = parsed.steps.map((s: TraceStep) => [
      s.input.at,
      s.input.event.type,
      s.state.status,
      s.state.items,
    ]);
    const simulated = result.steps.map((s) => [
      s.input.at,
      s.input.event.type,
      s.decision.state.status,
      Object.fromEntries(Object.entries(s.decision.state.items).map(([id, item]) => [id, item.status])),
    ]);
    expect(simulated).toEqual(recorded);
  });
});

describe('onething replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onething-replay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
    return { code, out, err };
  };
  const source = 'examples/newborn/traces/rongque-supplied.jsonl';
  const bundle = join(root, 'examples/newborn/bundle.yaml');

  it('exits 0 when every trace reproduces', async () => {
    const { code, out } = await run(
      'replay',
      join(root, source),
      join(root, 'examples/newborn/traces/happy-path.jsonl'),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/rongque-supplied\.jsonl/);
  });

  it('exits 1 on a tampered trace and names the step', async () => {
    const lines = readFileSync(join(root, source), 'utf8').split('\n');
    // Step 2 is the first department answer: claim it was refused instead of accepted.
    const index = lines.findIndex((l) => l.includes('"n":2,'));
    const step = JSON.parse(lines[index]!) as TraceStep;
    const event = step.input.event as { type: string; result?: unknown };
    expect(event.type).toBe('adapterResult');
    event.result = { status: 'refused', reasons: [{ 'zh-CN': '篡改', en: 'tampered' }] };
    lines[index] = JSON.stringify(step);
    const file = join(dir, 'tampered.jsonl');
    writeFileSync(file, lines.join('\n'));
    const { code, err } = await run('replay', file, '--bundle', bundle, '--lang', 'en');
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`tampered\\.jsonl:${index + 1}: step 2 diverges`));
  });

  it('exits 2 on a truncated or malformed trace', async () => {
    const text = readFileSync(join(root, source), 'utf8');
    const truncated = join(dir, 'truncated.jsonl');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
    expect((await run('replay', truncated, '--bundle', bundle)).code).toBe(2);
    const garbage = join(dir, 'garbage.jsonl');
    writeFileSync(garbage, '\u0000\u0001 not json\n{"kind":"step"}\n');
    expect((await run('replay', garbage, '--bundle', bundle)).code).toBe(2);
    expect((await run('replay', join(dir, 'missing.jsonl'), '--bundle', bundle)).code).toBe(2);
  });

  it('refuses a trace of another bundle version with exit 2', async () => {
    const lines = readFileSync(join(root, source), 'utf8').split('\n');
    const header = JSON.parse(lines[0]!) as { bundle: { version: string } };
    header.bundle.version = '0.9.0';
    lines[0] = JSON.stringify(header);
    const file = join(dir, 'other-version.jsonl');
    writeFileSync(file, lines.join('\n'));
    const { code, err } = await run('replay', file, '--bundle', bundle);
    expect(code).toBe(2);
    expect(err).toMatch(/TRACE_BUNDLE_MISMATCH/);
  });
});
