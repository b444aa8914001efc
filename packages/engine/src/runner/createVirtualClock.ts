import { parseInstant } from '../flow/instants.js';
import { OnethingError } from '../diagnostics/OnethingError.js';
import type { Clock } from './types.js';

/** A clock that moves only when told: for tests, simulations and the playground. */
export interface VirtualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/**
 * A virtual clock starting at an ISO instant. It never moves backwards unless `set` says so, which
 * is how tests check the decider's handling of a clock that jumps back.
 *
 * @example
 * const clock = createVirtualClock('2025-03-17T09:00:00+08:00');
 * clock.advance(3_600_000);
 */
export function createVirtualClock(start: string): VirtualClock {
  let now = parseInstant(start);
  if (now === undefined) {
    throw new OnethingError(
      'FLOW_BAD_INPUT',
      `The clock's start "${start}" is not an ISO instant with an offset.`,
    );
  }
  return {
    now: () => now!,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now = now! + ms;
    },
  };
}
