import type { FieldShape, ServiceItem } from '../bundle/types.js';
import type { MergedForm } from '../compile/types.js';
import { isEmptyValue } from './isEmptyValue.js';
import { isPlainObject, ownValue, setOwn } from './isPlainObject.js';
import { normalizeMapping, type NormalizedMapping } from './normalizeMapping.js';
import { translateValue } from './translateValue.js';

/** Builds one item's payload from canonical values read through `read`. */
export type PayloadBuilder = (
  read: (key: string) => unknown,
  isVisible?: (key: string) => boolean,
) => Record<string, unknown>;

/**
 * Prepare, once per item, how its department payload is built: which department property takes
 * which canonical field through which mapping. Building a payload is then one pass over the item's
 * own properties, which matters when a flow dispatches many applications.
 *
 * @example
 * const build = createPayloadBuilder(compiled.form, compiled.bundle.items[0]);
 * build((key) => data[key]); // { xm: '王小明', xb: 'M' }
 */
export function createPayloadBuilder(form: MergedForm, item: ServiceItem): PayloadBuilder {
  const map = ownValue(item.form, 'map');
  const declared = ownValue(ownValue(item.form, 'schema'), 'properties');
  const properties = isPlainObject(declared) ? declared : {};
  const plan: Array<{
    property: string;
    field: string;
    mapping: NormalizedMapping;
    schema: unknown;
    shape: FieldShape;
  }> = [];
  for (const property of Object.keys(properties)) {
    const mapping = normalizeMapping(ownValue(map, property));
    if ('error' in mapping || !Object.hasOwn(form.fields, mapping.field)) continue;
    plan.push({
      property,
      field: mapping.field,
      mapping,
      schema: properties[property],
      shape: form.fields[mapping.field]!.definition,
    });
  }
  return (read, isVisible) => {
    const payload: Record<string, unknown> = {};
    for (const { property, field, mapping, schema, shape } of plan) {
      if (isVisible && !isVisible(field)) continue;
      const value = read(field);
      if (isEmptyValue(value)) continue;
      const translated = translateValue(value, mapping, schema, shape, 'toDepartment');
      // `__proto__` would set the prototype through plain assignment.
      if (property === '__proto__') setOwn(payload, property, translated);
      else payload[property] = translated;
    }
    return payload;
  };
}
