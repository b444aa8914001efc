import type { Bundle } from '../bundle/types.js';

/**
 * Working days after (provisional) acceptance within which an item's 容缺 materials must be
 * supplied: the shortest `supplyWithinDays` of them (a material without one gets the item's promised
 * limit), never more than the promised limit, and at least one day for an item done on the spot
 * (即办, limit 0). The flow enforces it; the materials panel shows it.
 *
 * @example
 * supplyDeadlineDays(bundle, 'birthReg', ['m_hukouBook']); // 3
 */
export function supplyDeadlineDays(bundle: Bundle, itemId: string, materials: readonly string[]): number {
  const limit = bundle.items.find((item) => item.id === itemId)?.promisedLimitDays ?? 0;
  let days = Number.POSITIVE_INFINITY;
  for (const m of materials) {
    const own = bundle.materials?.[m]?.acceptMissing?.supplyWithinDays;
    days = Math.min(days, own ?? limit);
  }
  if (limit > 0) days = Math.min(days, limit);
  return Number.isFinite(days) ? Math.max(days, limit === 0 ? 1 : 0) : Math.max(limit, 1);
}
