import type { Bundle } from '@onething/engine';

/**
 * Working days after acceptance within which a 容缺 material must be supplied: its own
 * `supplyWithinDays`, at most the promised limit of each item that needs it, and at least one day for
 * an item done on the spot (即办). The same reckoning as the flow runtime's, so the card promises what
 * the flow will enforce; with several items the strictest wins.
 */
export function supplyDays(bundle: Bundle, materialId: string, items: string[]): number {
  const own = bundle.materials?.[materialId]?.acceptMissing?.supplyWithinDays;
  let days = Number.POSITIVE_INFINITY;
  for (const id of items) {
    const limit = bundle.items.find((item) => item.id === id)?.promisedLimitDays ?? 0;
    let forItem = own ?? limit;
    if (limit > 0) forItem = Math.min(forItem, limit);
    days = Math.min(days, Math.max(forItem, limit === 0 ? 1 : 0));
  }
  return Number.isFinite(days) ? days : Math.max(own ?? 1, 1);
}
