import type { ItemFlowState, ItemStatus, Lang } from '@onething/engine/runtime';
import { ts, type StatusMessageKey } from '../i18n/statusMessages.js';

/** How a status reads at a glance; the stylesheet colours each tone. */
export type StatusTone = 'done' | 'active' | 'attention' | 'error' | 'quiet';

const TEXTS: Record<ItemStatus, StatusMessageKey> = {
  skipped: 'itemSkipped',
  waiting: 'itemWaiting',
  dispatching: 'itemDispatching',
  retryWait: 'itemRetryWait',
  failed: 'itemFailed',
  refused: 'itemRefused',
  inReview: 'itemInReview',
  correction: 'itemCorrection',
  approved: 'itemApproved',
  suspended: 'itemSuspended',
  issued: 'itemIssued',
  denied: 'itemDenied',
  terminated: 'itemTerminated',
  revoked: 'itemRevoked',
  blocked: 'itemBlocked',
  withdrawn: 'itemWithdrawn',
};

const TONES: Record<ItemStatus, StatusTone> = {
  skipped: 'quiet',
  waiting: 'active',
  dispatching: 'active',
  retryWait: 'attention',
  failed: 'attention',
  refused: 'error',
  inReview: 'active',
  correction: 'attention',
  approved: 'active',
  suspended: 'attention',
  issued: 'done',
  denied: 'error',
  terminated: 'error',
  revoked: 'error',
  blocked: 'error',
  withdrawn: 'quiet',
};

/**
 * The status of one item in words. Under 容缺 (materials still `outstanding`) a review reads
 * 容缺受理（待补交）and an approval says the licence waits for them.
 */
export function itemStatusText(item: Pick<ItemFlowState, 'status' | 'outstanding'>, lang: Lang): string {
  const missing = (item.outstanding ?? []).length > 0;
  if (missing && item.status === 'inReview') return ts(lang, 'itemAcceptedWithMissing');
  if (missing && item.status === 'approved') return ts(lang, 'itemApprovedWithMissing');
  // A polled snapshot is untyped JSON: show a status this version does not know as it is.
  const key = Object.hasOwn(TEXTS, item.status) ? TEXTS[item.status] : undefined;
  return key ? ts(lang, key) : String(item.status);
}

/** The tone of an item status (unknown statuses are `active`). */
export function itemTone(status: ItemStatus): StatusTone {
  return Object.hasOwn(TONES, status) ? TONES[status] : 'active';
}
