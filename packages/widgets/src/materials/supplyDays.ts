import { supplyDeadlineDays, type Bundle } from '@onething/engine/runtime';

/**
 * Working days after acceptance within which a 容缺 material must be supplied, as the flow will
 * enforce it (`supplyDeadlineDays`); with several items that need it, the strictest wins.
 */
export function supplyDays(bundle: Bundle, materialId: string, items: string[]): number {
  if (items.length === 0) return supplyDeadlineDays(bundle, '', [materialId]);
  return Math.min(...items.map((item) => supplyDeadlineDays(bundle, item, [materialId])));
}
