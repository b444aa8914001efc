import { stateDigest } from './stateDigest.js';
import type { FlowState } from '../flow/types.js';
import type { TraceStateSummary } from './types.js';

/**
 * The trace's fingerprint of a flow state: application status, each item's status, the armed timer
 * ids and a digest of the whole state. Statuses and timers make a divergence readable; the digest
 * catches everything else (data, clocks, outputs) without writing the whole state on every line.
 *
 * Pass one `memo` for a run of states (a recording, a replay): consecutive states share most of their
 * objects, and the text of an object already hashed is reused. States must not change afterwards.
 *
 * @example summarizeState(state) // { status: 'inProgress', items: { birthCert: 'inReview' }, timers: [], digest: '…' }
 */
export function summarizeState(state: FlowState, memo?: WeakMap<object, string>): TraceStateSummary {
  const items: TraceStateSummary['items'] = {};
  for (const id of Object.keys(state.items ?? {}).sort()) items[id] = state.items[id]!.status;
  return {
    status: state.status,
    items,
    timers: Object.keys(state.timers ?? {}).sort(),
    digest: stateDigest(state, memo),
  };
}
