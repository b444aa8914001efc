import { isPlainObject } from './isPlainObject.js';
import { valueKey } from './valueKey.js';

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return true; // an unknown type name constrains nothing we can check
  }
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * The first keyword of `schema` a single value breaks, or `undefined` when it passes. Checks only
 * what decides whether a value is allowed at all (type, enum/const, bounds, lengths, patterns,
 * `allOf` of those); formats and unknown keywords are not checked. Used to map enums across
 * `values` maps and to drop enum values the other constraints already exclude.
 */
export function scalarViolation(
  schema: Record<string, unknown>,
  value: unknown,
  regex: (pattern: string) => RegExp | undefined,
): string | undefined {
  const { type } = schema;
  if (typeof type === 'string' && !hasType(value, type)) return 'type';
  if (Array.isArray(type) && type.length > 0 && !type.some((t) => hasType(value, t))) return 'type';
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => valueKey(v) === valueKey(value))) return 'enum';
  if (Object.hasOwn(schema, 'const') && valueKey(schema.const) !== valueKey(value)) return 'const';
  if (typeof value === 'number') {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if (num(minimum) !== undefined && value < (minimum as number)) return 'minimum';
    if (num(maximum) !== undefined && value > (maximum as number)) return 'maximum';
    if (num(exclusiveMinimum) !== undefined && value <= (exclusiveMinimum as number))
      return 'exclusiveMinimum';
    if (num(exclusiveMaximum) !== undefined && value >= (exclusiveMaximum as number))
      return 'exclusiveMaximum';
  }
  if (typeof value === 'string') {
    // JSON Schema counts code points, not UTF-16 units (ajv's ucs2length).
    const length = [...value].length;
    if (num(schema.minLength) !== undefined && length < (schema.minLength as number)) return 'minLength';
    if (num(schema.maxLength) !== undefined && length > (schema.maxLength as number)) return 'maxLength';
    if (typeof schema.pattern === 'string' && regex(schema.pattern)?.test(value) === false) return 'pattern';
  }
  if (Array.isArray(schema.allOf)) {
    for (const sub of schema.allOf) {
      if (!isPlainObject(sub)) continue;
      const broken = scalarViolation(sub, value, regex);
      if (broken) return `allOf/${broken}`;
    }
  }
  return undefined;
}
