/**
 * Crash-restore at every step (issue #3, "Bad input and faults"): each example scenario is run once
 * without faults, then once per decision with the runner killed right after that decision — both
 * before its effects are performed and after the department calls have left but before their answers
 * are recorded — and a new runner restored from the store. Every run must reach the same end state,
 * and no department may see any idempotency key take effect twice.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle } from '../src/compile/compileBundle.js';
import { createFlow } from '../src/flow/createFlow.js';
import type { FlowState } from '../src/flow/types.js';
import { readBundleFile } from '../src/node/readBundleFile.js';
import { simulateApplication, type SimulationResult } from '../src/runner/simulateApplication.js';

const root = new URL('../../../', import.meta.url).pathname;

function outcome(state: FlowState) {
  return {
    status: state.status,
    outputs: state.outputs,
    items: Object.fromEntries(
      Object.entries(state.items).map(([id, item]) => [
        id,
        {
          status: item.status,
          receiptNo: item.receiptNo,
          licence: item.licence,
          outstanding: item.outstanding,
          verifications: item.verifications.map((v) => `${v.material}:${v.status}`),
        },
      ]),
    ),
  };
}

function duplicateEffects(result: SimulationResult): string[] {
  const counts = new Map<string, number>();
  for (const department of Object.values(result.departments)) {
    for (const call of department.calls) {
      if (!call.effective || call.idempotencyKey === undefined) continue;
      counts.set(call.idempotencyKey, (counts.get(call.idempotencyKey) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

const cases = ['newborn', 'business-startup', 'home-transfer'].flatMap((example) => {
  const dir = join(root, 'examples', example, 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ example, scenario: file.replace(/\.json$/, '') }));
});

describe('crash and restore at every step', () => {
  it.each(cases)('$example / $scenario', async ({ example, scenario }) => {
    const loaded = await readBundleFile(join(root, 'examples', example, 'bundle.yaml'));
    const flow = createFlow(compileBundle(loaded));
    const data = JSON.parse(
      readFileSync(join(root, 'examples', example, 'data', 'valid-complete.json'), 'utf8'),
    );
    const script = JSON.parse(
      readFileSync(join(root, 'examples', example, 'scenarios', `${scenario}.json`), 'utf8'),
    );
    const reference = await simulateApplication(flow, { data, script });
    expect(duplicateEffects(reference)).toEqual([]);
    const expected = outcome(reference.state);
    const steps = reference.steps.length;
    expect(steps).toBeGreaterThan(5);
    for (let afterStep = 1; afterStep <= steps; afterStep++) {
      for (const when of ['beforeEffects', 'afterEffects'] as const) {
        const run = await simulateApplication(flow, { data, script, crashes: [{ afterStep, when }] });
        const label = `crash ${when} after step ${afterStep} of ${steps}`;
        expect(run.restarts, label).toBe(1);
        expect(outcome(run.state), label).toEqual(expected);
        expect(duplicateEffects(run), label).toEqual([]);
        // The store holds exactly what the last runner had: nothing was lost on the way.
        expect((await run.store.load(run.state.applicationId))?.state, label).toEqual(run.state);
      }
    }
  });
});
