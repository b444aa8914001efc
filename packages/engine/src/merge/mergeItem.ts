import type { ServiceItem } from '../bundle/types.js';
import type { MergedField } from '../compile/types.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { MergeContext } from './mergeContext.js';
import type { MergeNode } from './mergeNode.js';
import type { ConditionalProperty } from './checkConditionalProperty.js';
import { isPlainObject } from './isPlainObject.js';
import { mergeProperty, reportStrayMappings, resolveMapping, unknownField } from './mergeProperty.js';

/** The merge state of every dictionary field, by canonical key. */
export interface MergeTargets {
  nodes: Map<string, MergeNode>;
  fields: Map<string, MergedField>;
  /** Properties of conditional items, checked against the merged fields once every item is in. */
  conditional: ConditionalProperty[];
}

/**
 * Fold one item's department form into the merged fields: resolve each property's mapping,
 * record provenance and requiredness, and merge its schema. Tolerates any department schema.
 * The constraints of an item with `applicableIf` bind only while it applies (the form state checks
 * them then), so its properties do not narrow the merged schema: they are only checked for
 * conflicts, after the last item (see `checkConditionalProperty`).
 */
export function mergeItem(item: ServiceItem, index: number, targets: MergeTargets, ctx: MergeContext): void {
  const form: unknown = isPlainObject(item) ? item.form : undefined;
  if (!isPlainObject(form)) return;
  const schema = isPlainObject(form.schema) ? form.schema : {};
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const map = isPlainObject(form.map) ? form.map : {};
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [],
  );
  const itemId = String(item.id);
  const base = `/items/${index}/form`;
  const conditional = item.applicableIf !== undefined;

  for (const property of Object.keys(properties)) {
    const place = {
      item: itemId,
      path: `${base}/schema/properties${toPointer([property])}`,
      mapPath: `${base}/map${toPointer([property])}`,
    };
    const mapping = resolveMapping(
      Object.hasOwn(map, property) ? map[property] : undefined,
      property,
      place,
      ctx,
    );
    if (!mapping) continue;
    const node = targets.nodes.get(mapping.field);
    const field = targets.fields.get(mapping.field);
    if (!node || !field) {
      ctx.diagnostics.push(unknownField(mapping.field, place.mapPath, targets.fields.keys()));
      continue;
    }
    const isRequired = required.has(property);
    field.sources.push({
      item: itemId,
      department: String(item.department),
      property,
      path: place.path,
      required: isRequired,
    });
    if (isRequired && !field.requiredBy.includes(itemId)) field.requiredBy.push(itemId);
    if (conditional)
      targets.conditional.push({
        node,
        schema: properties[property],
        mapping,
        place,
        item: `/items/${index}`,
      });
    else mergeProperty(node, properties[property], mapping, place, ctx);
  }
  reportStrayMappings(map, properties, `${base}/map`, ctx);
}
