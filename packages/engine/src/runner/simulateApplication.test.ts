import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newbornFlow } from '../../test/fixtures/flowFixture.js';
import type { FlowState } from '../flow/types.js';
import { newbornData } from '../../test/fixtures/newbornRun.js';
import { simulateApplication } from './simulateApplication.js';
import type { SimulationScript } from './SimulationScript.js';

const flow = newbornFlow();
const script = JSON.parse(
  readFileSync(new URL('../../../../examples/newborn/scenarios/happy-path.json', import.meta.url), 'utf8'),
) as SimulationScript;

const unordered = (state: FlowState) => ({ ...state, seen: [...state.seen].sort() });

/** Idempotency keys that took effect more than once at any department. */
function twice(result: Awaited<ReturnType<typeof simulateApplication>>): string[] {
  const keys = Object.values(result.departments).flatMap((d) =>
    d.calls.filter((c) => c.effective && c.idempotencyKey !== undefined).map((c) => c.idempotencyKey!),
  );
  return keys.filter((key, i) => keys.indexOf(key) !== i);
}

describe('simulateApplication', () => {
  it('restarts after injected crashes and ends where an uncrashed run ends', async () => {
    const reference = await simulateApplication(flow, { data: newbornData(), script });
    expect(reference.restarts).toBe(0);
    expect(reference.state.status).toBe('completed');

    const crashed = await simulateApplication(flow, {
      data: newbornData(),
      script,
      crashes: [
        { afterStep: 2, when: 'beforeEffects' },
        { afterStep: 5, when: 'afterEffects' },
      ],
    });
    expect(crashed.restarts).toBe(2);
    // The same state, except that answers resumed after a restart may arrive in another order.
    expect(unordered(crashed.state)).toEqual(unordered(reference.state));
    expect(crashed.state.seen).toHaveLength(reference.state.seen.length);
    expect((await crashed.store.load('SIM-1'))!.state).toEqual(crashed.state);
    expect(twice(crashed)).toEqual([]);
    expect(twice(reference)).toEqual([]);
  });
});
