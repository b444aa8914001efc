import type { Bundle, FieldShape } from '../bundle/types.js';
import { isEmptyValue } from './isEmptyValue.js';
import { isPlainObject, ownValue, setOwn } from './isPlainObject.js';
import { normalizeMapping } from './normalizeMapping.js';
import { translateValue } from './translateValue.js';

/**
 * Turn one department's payload (its own field names and values) back into canonical merged
 * data: the inverse of `splitPayloads` for one item. Useful to pre-fill the form from an item's
 * outputs or from data the department already holds. Unmapped properties are left out.
 *
 * @example
 * joinPayload(bundle, 'birthReg', { xm: '王小明', xb: 'M' }); // → { babyName: '王小明', babyGender: '1' }
 */
export function joinPayload(
  bundle: Bundle,
  itemId: string,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const item = (Array.isArray(bundle.items) ? bundle.items : []).find(
    (i) => isPlainObject(i) && i.id === itemId,
  );
  const out: Record<string, unknown> = {};
  if (!item || !isPlainObject(payload)) return out;
  const map = ownValue(item.form, 'map');
  const properties = ownValue(ownValue(item.form, 'schema'), 'properties');
  for (const property of Object.keys(payload)) {
    const value = payload[property];
    if (isEmptyValue(value)) continue;
    const mapping = normalizeMapping(ownValue(map, property));
    if ('error' in mapping) continue;
    const shape = ownValue(bundle.fields, mapping.field);
    if (!isPlainObject(shape)) continue;
    setOwn(
      out,
      mapping.field,
      translateValue(
        value,
        mapping,
        ownValue(properties, property),
        shape as unknown as FieldShape,
        'toCanonical',
      ),
    );
  }
  return out;
}
