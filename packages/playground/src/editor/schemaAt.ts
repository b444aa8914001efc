/** A JSON Schema object (draft 2020-12), read loosely: only the keywords the editor needs are typed. */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: boolean | JsonSchema;
  prefixItems?: JsonSchema[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

const MAX_EXPANSION = 64;

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/**
 * A schema and everything it stands for: the targets of its `$ref` and the branches of `allOf`, `anyOf`
 * and `oneOf`, recursively, the schema itself first (so a property's own `description` comes before the
 * one of the definition it refers to).
 */
export function expandSchema(root: JsonSchema, schema: JsonSchema | boolean | undefined): JsonSchema[] {
  const out: JsonSchema[] = [];
  const seen = new Set<JsonSchema>();
  const visit = (s: JsonSchema | boolean | undefined): void => {
    if (!s || typeof s !== 'object' || seen.has(s) || out.length >= MAX_EXPANSION) return;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') visit(resolveRef(root, s.$ref));
    for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(branch);
  };
  visit(schema);
  return out;
}

function matches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

/** The subschemas one step down, at property or index `segment`. */
function childSchemas(schema: JsonSchema, segment: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  const property = schema.properties?.[segment];
  if (property) out.push(property);
  for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
    if (matches(pattern, segment)) out.push(sub);
  }
  if (out.length === 0 && typeof schema.additionalProperties === 'object')
    out.push(schema.additionalProperties);
  if (/^\d+$/.test(segment)) {
    const prefix = schema.prefixItems?.[Number(segment)];
    if (prefix) out.push(prefix);
    else if (typeof schema.items === 'object') out.push(schema.items);
  }
  return out;
}

/**
 * The candidate subschemas that describe the value at `pointer`, resolving `$ref`/`$defs`, `properties`,
 * `patternProperties`, `additionalProperties`, `items`/`prefixItems` and `allOf`/`anyOf`/`oneOf`.
 * Empty when the pointer leads nowhere the schema describes.
 *
 * @example
 * schemaAt(bundleSchema, '/items/0/itemType')[0]?.enum; // ['licensing', 'confirmation', …]
 */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema[] {
  let candidates = expandSchema(root, root);
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: JsonSchema[] = [];
    for (const c of candidates)
      for (const child of childSchemas(c, segment)) next.push(...expandSchema(root, child));
    candidates = [...new Set(next)];
    if (candidates.length === 0) break;
  }
  return candidates;
}
