import type { ItemStatus } from './types.js';

/** Statuses after which an item can no longer produce a licence. */
export const FAILED_STATUSES: ReadonlySet<ItemStatus> = new Set([
  'refused',
  'denied',
  'terminated',
  'revoked',
  'blocked',
  'withdrawn',
]);

/** Statuses of items that take nothing more (no material, no supplement): failed or not applicable. */
export const ENDED_STATUSES: ReadonlySet<ItemStatus> = new Set([...FAILED_STATUSES, 'skipped']);

/** Statuses in which an item needs nothing more from the flow: ended or issued. */
export const SETTLED_STATUSES: ReadonlySet<ItemStatus> = new Set([...ENDED_STATUSES, 'issued']);
