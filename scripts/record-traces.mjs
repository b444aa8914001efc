#!/usr/bin/env node
// Re-record the example flow traces: every examples/<name>/scenarios/<scenario>.json is simulated
// with examples/<name>/data/valid-complete.json and written to examples/<name>/traces/<scenario>.jsonl
// (personal data tokenised). Run after a deliberate change of the flow's behaviour, review the diff,
// commit. Usage: node scripts/record-traces.mjs [example...]   (uses the build: `npm run build` first)
//        or ONETHING_SRC=1 npx tsx scripts/record-traces.mjs [example...]   (straight from the sources)
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const engine = process.env.ONETHING_SRC
  ? await import('../packages/engine/src/index.ts')
  : await import('../packages/engine/dist/index.js');
const {
  checkSimulationScript,
  compileBundle,
  createFlow,
  createTraceRecorder,
  loadBundle,
  simulateApplication,
} = engine;

const root = new URL('../examples/', import.meta.url).pathname;
const wanted = process.argv.slice(2);
let failed = false;
for (const example of (await readdir(root)).sort()) {
  if (wanted.length > 0 && !wanted.includes(example)) continue;
  const dir = join(root, example);
  let scenarios;
  try {
    scenarios = (await readdir(join(dir, 'scenarios'))).filter((f) => f.endsWith('.json')).sort();
  } catch {
    continue;
  }
  const flow = createFlow(compileBundle(loadBundle(await readFile(join(dir, 'bundle.yaml'), 'utf8'))));
  const data = JSON.parse(await readFile(join(dir, 'data', 'valid-complete.json'), 'utf8'));
  await mkdir(join(dir, 'traces'), { recursive: true });
  for (const file of scenarios) {
    const name = file.replace(/\.json$/, '');
    const script = JSON.parse(await readFile(join(dir, 'scenarios', file), 'utf8'));
    const problems = checkSimulationScript(script).filter((d) => d.severity === 'error');
    if (problems.length > 0) {
      console.error(`${example}/${file}: ${problems.map((d) => `${d.path} ${d.message}`).join('; ')}`);
      failed = true;
      continue;
    }
    const result = await simulateApplication(flow, { data, script, applicationId: `${example}-${name}` });
    const recorder = createTraceRecorder({
      flow,
      applicationId: result.state.applicationId,
      startedAt: result.state.createdAt,
      key: process.env.ONETHING_TRACE_KEY ?? randomUUID(),
      createdBy: `scripts/record-traces.mjs (${example}/scenarios/${file})`,
    });
    for (const step of result.steps) recorder.record(step.input, step.decision);
    await writeFile(join(dir, 'traces', `${name}.jsonl`), recorder.toJsonl());
    console.log(`${example}/traces/${name}.jsonl  ${result.steps.length} steps  ${result.state.status}`);
  }
}
process.exit(failed ? 1 : 0);
