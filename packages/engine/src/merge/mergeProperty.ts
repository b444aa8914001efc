import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { hintFor } from '../bundle/didYouMean.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { MergeContext } from './mergeContext.js';
import type { MergeNode, Side } from './mergeNode.js';
import { KEYWORD_COMBINERS } from './keywords/index.js';
import { isPlainObject } from './isPlainObject.js';
import { mergeValueMapped } from './mergeValueMapped.js';
import { normalizeMapping, subMapping, type NormalizedMapping } from './normalizeMapping.js';

/** Where a department property is: its schema and its mapping entry, both as JSON Pointers. */
export interface PropertyPlace extends Side {
  /** JSON Pointer of the mapping entry (`/items/1/form/map/xm`). */
  mapPath: string;
}

/**
 * Fold one department property schema into the merged node it maps to, then recurse into array
 * entries and object sub-fields. Scalars with a `values` map are merged in canonical value space.
 */
export function mergeProperty(
  node: MergeNode,
  department: unknown,
  mapping: NormalizedMapping,
  at: PropertyPlace,
  ctx: MergeContext,
): void {
  // `true`/`false` schemas and junk constrain nothing we can merge; split validation still sees them.
  if (!isPlainObject(department)) return;
  const scalar = !node.entries && !node.children;
  if (scalar && mapping.values) {
    mergeValueMapped(node, department, mapping.values, at, ctx);
    return;
  }
  for (const combiner of KEYWORD_COMBINERS) {
    if (combiner.combine(node, department, at, ctx) === false) return;
  }
  if (node.entries && isPlainObject(department.items)) {
    const entryPlace = { item: at.item, path: `${at.path}/items`, mapPath: at.mapPath };
    // An array's `values` map translates each entry; its `items` map names the entry's sub-fields.
    mergeProperty(node.entries, department.items, mapping, entryPlace, ctx);
  }
  if (node.children && isPlainObject(department.properties)) {
    mergeChildren(node, department, mapping, at, ctx);
  }
}

/** Merge the sub-fields of an object (or array entry) property through the mapping's `items` map. */
function mergeChildren(
  node: MergeNode,
  department: Record<string, unknown>,
  mapping: NormalizedMapping,
  at: PropertyPlace,
  ctx: MergeContext,
): void {
  const children = node.children!;
  const properties = department.properties as Record<string, unknown>;
  const required = Array.isArray(department.required) ? department.required : [];
  for (const name of Object.keys(properties)) {
    const place: PropertyPlace = {
      item: at.item,
      path: `${at.path}/properties${toPointer([name])}`,
      mapPath: `${at.mapPath}/items${toPointer([name])}`,
    };
    const resolved = resolveMapping(
      subMapping(mapping, name, (n) => children.has(n)),
      name,
      place,
      ctx,
    );
    if (!resolved) continue;
    const child = children.get(resolved.field);
    if (!child) {
      ctx.diagnostics.push(unknownField(resolved.field, place.mapPath, children.keys()));
      continue;
    }
    mergeProperty(child, properties[name], resolved, place, ctx);
    // Sub-fields a department requires are required in every entry: the merged form asks for them too.
    if (required.includes(name)) addRequired(node, resolved.field);
  }
  if (mapping.items) reportStrayMappings(mapping.items, properties, `${at.mapPath}/items`, ctx);
}

function addRequired(node: MergeNode, name: string): void {
  const list = Array.isArray(node.schema.required) ? (node.schema.required as unknown[]) : [];
  if (!list.includes(name)) node.schema.required = [...list, name];
}

/**
 * Normalize a department property's mapping, reporting MAPPING_MISSING / MAPPING_INVALID.
 * Returns `undefined` when the property cannot be merged.
 */
export function resolveMapping(
  raw: unknown,
  property: string,
  place: PropertyPlace,
  ctx: MergeContext,
): NormalizedMapping | undefined {
  if (raw === undefined) {
    ctx.diagnostics.push(
      createDiagnostic('MAPPING_MISSING', { path: place.path, params: { prop: property, item: place.item } }),
    );
    return undefined;
  }
  const mapping = normalizeMapping(raw);
  if ('error' in mapping) {
    ctx.diagnostics.push(
      mappingInvalid(
        place.mapPath,
        `“${property}”：${mapping.error['zh-CN']}`,
        `"${property}": ${mapping.error.en ?? ''}`,
      ),
    );
    return undefined;
  }
  return mapping;
}

/** MAPPING_INVALID with a detail written in each language. */
function mappingInvalid(path: string, zh: string, en: string): Diagnostic {
  return createDiagnostic('MAPPING_INVALID', { path, params: { detail: { 'zh-CN': zh, en } } });
}

/** UNKNOWN_REFERENCE for a mapping that names a field the dictionary does not have. */
export function unknownField(field: string, path: string, candidates: Iterable<string>): Diagnostic {
  const hint = hintFor(field, candidates);
  return createDiagnostic('UNKNOWN_REFERENCE', {
    path,
    params: { kind: { 'zh-CN': '字段', en: 'field' }, ref: field, hint },
  });
}

/** MAPPING_INVALID for map entries whose department property does not exist in the schema. */
export function reportStrayMappings(
  map: Record<string, unknown>,
  properties: Record<string, unknown>,
  mapPath: string,
  ctx: MergeContext,
): void {
  for (const name of Object.keys(map)) {
    if (Object.hasOwn(properties, name)) continue;
    ctx.diagnostics.push(
      mappingInvalid(
        `${mapPath}${toPointer([name])}`,
        `部门表单中没有字段“${name}”`,
        `"${name}" is not a property of the department form`,
      ),
    );
  }
}
