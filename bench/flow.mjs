// `npm run bench`, flow part (issue #3): decider throughput against bare xstate, persisted record
// size, and trace replay time, each next to a baseline measured in the same run.
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import {
  compileBundle,
  createFlow,
  createTraceRecorder,
  loadBundle,
  replayTrace,
  simulateApplication,
  validateApplication,
} from '@onething/engine';
import { createBareFlow } from './bareXstateFlow.mjs';
import { driveApplication } from './driveApplication.mjs';

const root = new URL('../examples/', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const compiled = compileBundle(loadBundle(read('newborn/bundle.yaml')));
const data = JSON.parse(read('newborn/data/valid-complete.json'));
const happy = JSON.parse(read('newborn/scenarios/happy-path.json'));
const materials = happy.materials;
const outputs = {
  birthCert: { birthCertNo: 'N350000001' },
  birthReg: { babyIdNumber: '350203202503140027' },
  medInsReg: { medInsPersonNo: 'YB3500000001' },
};
const start = '2025-03-17T09:00:00+08:00';

/** Applications per second over `ms` of wall time, median of `rounds` rounds. */
function throughput(run, { ms = 1000, rounds = 5 } = {}) {
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < ms) run(n++);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

// 1. Throughput. The decider as a server runs it: the API has just validated the submission (the
//    same `validateApplication`) and the flow reuses that result; then with the check run again at
//    submit; and bare xstate doing the same routing through its public pure API.
const checked = new WeakMap();
const reuse = (c, d, o) => {
  let result = checked.get(d);
  if (!result) {
    result = validateApplication(c, d, o);
    void result.values;
    void result.materials;
    checked.set(d, result);
  }
  return result;
};
const decider = createFlow(compiled, { validateApplication: reuse });
const full = createFlow(compiled);
const probe = driveApplication(decider, { id: 'probe', data, materials, start, outputs });
if (probe.state.status !== 'completed') throw new Error(`the bench application ends ${probe.state.status}`);
const bare = createBareFlow(compiled.bundle);
const drive = (flow) => (n) => driveApplication(flow, { id: `A${n}`, data, materials, start, outputs });
// Warm up all three before measuring.
throughput(drive(decider), { ms: 300, rounds: 1 });
throughput(drive(full), { ms: 300, rounds: 1 });
throughput(bare, { ms: 300, rounds: 1 });
const rates = {
  decider: throughput(drive(decider)),
  full: throughput(drive(full)),
  bare: throughput(bare),
};

// 2. Persisted record size: every state a newborn application passes through in every scenario,
//    as the store keeps it ({ revision, state } JSON, UTF-8).
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const sizes = [];
for (const name of [
  'happy-path',
  'rongque-supplied',
  'commitment-verified',
  'correction-round',
  'outage-recovered',
]) {
  const script = JSON.parse(read(`newborn/scenarios/${name}.json`));
  const result = await simulateApplication(full, { data, script });
  result.steps.forEach((step, i) => {
    if (step.decision.state.status === 'inProgress') {
      sizes.push(bytes(JSON.stringify({ revision: i + 2, state: step.decision.state })));
    }
  });
}

// 3. Replay of a 200-step trace: a newborn application where every item fails once, pauses for a
//    special step, goes through three correction rounds and reports progress twelve times; the first
//    200 decisions are recorded.
// The driver starts the application one second after `start`.
const startedAt = new Date(Date.parse(start) + 1000).toISOString();
const recorder = createTraceRecorder({ flow: full, applicationId: 'R1', startedAt, key: 'bench' });
let recorded = 0;
const long = driveApplication(full, {
  id: 'R1',
  data,
  materials,
  start,
  outputs,
  detours: 3,
  progress: 12,
  onStep: (input, decision) => {
    if (recorded < 200) recorder.record(input, decision);
    recorded += 1;
  },
});
const trace = recorder.toJsonl();
const steps = trace.split('\n').filter((l) => l.includes('"kind":"step"'));
const inputs = steps.map((l) => JSON.parse(l).input);
const replayCheck = replayTrace(compiled, trace);
if (!replayCheck.ok)
  throw new Error(
    `the bench trace does not replay: ${JSON.stringify(replayCheck.diagnostics.slice(0, 2))} ${replayCheck.divergence?.diff ?? ''}`,
  );
const time = (fn, runs) => {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
};
const replayMs = time(() => replayTrace(compiled, trace), 40);
const decideMs = time(() => {
  const flow = createFlow(compiled);
  let state = flow.start({ applicationId: 'R1', at: startedAt });
  for (const input of inputs) state = flow.decide(state, input).state;
}, 40);

// 4. One submission as the server's POST runs it: `decide(start, submit)` with the check inside the
//    decider (validateApplication, then the dispatch effects of every applicable item), per application;
//    next to the same decision when the check's result is reused (the decider's own work only).
const submitAt = new Date(Date.parse(start) + 1000).toISOString();
const submitInput = { at: submitAt, event: { type: 'submit', data, materials } };
const fresh = full.start({ applicationId: 'S1', at: start });
const perCall = (fn, batch) => {
  for (let i = 0; i < batch; i++) fn(); // warm up
  return (
    time(() => {
      for (let i = 0; i < batch; i++) fn();
    }, 40) / batch
  );
};
const checkOptions = { materials, today: () => '2025-03-17' };
const validateMs = perCall(() => {
  const result = validateApplication(compiled, data, checkOptions);
  void result.values;
  void result.materials;
}, 200);
const submitMs = perCall(() => full.decide(fresh, submitInput), 200);
const submitReusedMs = perCall(() => decider.decide(fresh, submitInput), 200);

console.log('\n## Flow (issue #3)\n');
console.log('| figure | result | baseline (same run) | ratio | target |');
console.log('| --- | --- | --- | --- | --- |');
console.log(
  `| newborn applications driven to completion, decider (submission validated by the API, result reused) | ${rates.decider.toFixed(0)}/s | bare xstate ${rates.bare.toFixed(0)}/s | ${(rates.decider / rates.bare).toFixed(1)}× | ≥ 5,000/s |`,
);
console.log(
  `| the same with \`validateApplication\` run again at submit | ${rates.full.toFixed(0)}/s | bare xstate ${rates.bare.toFixed(0)}/s | ${(rates.full / rates.bare).toFixed(1)}× | — |`,
);
console.log(
  `| persisted record per in-flight newborn application (${sizes.length} states of 5 scenarios) | max ${(Math.max(...sizes) / 1024).toFixed(1)} KB, median ${(median(sizes) / 1024).toFixed(1)} KB | — | — | ≤ 8 KB |`,
);
console.log(
  `| replay of a ${steps.length}-step trace (${long.steps} decisions in the run) | ${replayMs.toFixed(1)} ms | deciding the same inputs without checks ${decideMs.toFixed(1)} ms | ${(replayMs / decideMs).toFixed(2)}× | ≤ 20 ms |`,
);
console.log(
  `| submit validation + decide per newborn application (\`decide(submit)\`, \`validateApplication\` inside; ${(1000 / submitMs).toFixed(0)}/s on one core) | ${(submitMs * 1000).toFixed(0)} µs | the same decision, the API's check reused ${(submitReusedMs * 1000).toFixed(0)} µs | ${(submitMs / submitReusedMs).toFixed(1)}× | — |`,
);
console.log(
  `| \`validateApplication\` alone on the same submission (values and materials read) | ${(validateMs * 1000).toFixed(0)} µs | — | — | — |`,
);
console.log(
  `\n(${probe.steps} decisions per newborn application; bare xstate routes the same 9 items with 36 transitions.)`,
);
