import type { Bundle } from '../bundle/types.js';
import { isPlainObject } from './isPlainObject.js';

/**
 * Display order of the merged fields: the layout sections' fields first (each key once, unknown
 * keys skipped), then every remaining key in dictionary order.
 */
export function layoutOrder(bundle: Bundle, keys: readonly string[]): string[] {
  const known = new Set(keys);
  const order: string[] = [];
  const placed = new Set<string>();
  const sections =
    isPlainObject(bundle.layout) && Array.isArray(bundle.layout.sections) ? bundle.layout.sections : [];
  for (const section of sections) {
    if (!isPlainObject(section) || !Array.isArray(section.fields)) continue;
    for (const key of section.fields) {
      if (typeof key !== 'string' || !known.has(key) || placed.has(key)) continue;
      placed.add(key);
      order.push(key);
    }
  }
  for (const key of keys) if (!placed.has(key)) order.push(key);
  return order;
}
