import { stableHash } from '../flow/stableHash.js';
import type { FlowState } from '../flow/types.js';
import type { TraceStateSummary } from './types.js';

/**
 * The trace's fingerprint of a flow state: application status, each item's status, the armed timer
 * ids and a digest of the whole state. Statuses and timers make a divergence readable; the digest
 * catches everything else (data, clocks, outputs) without writing the whole state on every line.
 *
 * @example summarizeState(state) // { status: 'inProgress', items: { birthCert: 'inReview' }, timers: [], digest: '…' }
 */
export function summarizeState(state: FlowState): TraceStateSummary {
  const items: TraceStateSummary['items'] = {};
  for (const id of Object.keys(state.items ?? {}).sort()) items[id] = state.items[id]!.status;
  return {
    status: state.status,
    items,
    timers: Object.keys(state.timers ?? {}).sort(),
    digest: stableHash(state),
  };
}
