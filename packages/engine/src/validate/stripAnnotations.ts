/** Keywords that annotate and never change what validates. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'errorMessage',
]);
/** Keywords whose value is one subschema. */
const ONE = new Set([
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);
/** Keywords whose value maps names to subschemas. */
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a list of subschemas. */
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/**
 * A schema without its annotations (titles, descriptions, `x-*`, `errorMessage`…), at every level,
 * leaving data (`enum`, `const`) and property names untouched. Two fields whose stripped schemas are
 * equal validate alike, so one precompiled function serves both.
 *
 * @example
 * stripAnnotations({ type: 'string', title: '姓名', 'x-dept': 'gaj' }) // { type: 'string' }
 */
export function stripAnnotations(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (ONE.has(key)) out[key] = stripAnnotations(value);
    else if (LIST.has(key) && Array.isArray(value)) out[key] = value.map(stripAnnotations);
    else if (MAP.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, stripAnnotations(sub)]),
      );
    else out[key] = value;
  }
  return out;
}
