import type { FieldShape } from '../bundle/types.js';
import type { JsonSchema } from '../compile/types.js';
import { isPlainObject } from './isPlainObject.js';

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The JSON Schema `type` and implied `format` of a dictionary field type. */
function typeKeywords(type: string): JsonSchema {
  if (type === 'date') return { type: 'string', format: 'date' };
  if (type === 'datetime') return { type: 'string', format: 'date-time' };
  return { type };
}

/**
 * Convert a field-dictionary shape into a draft 2020-12 JSON Schema: `date`/`datetime` become
 * strings with a format, `options` become `enum`, nested `items`/`properties`/`required` recurse.
 * Only standard keywords are emitted, plus `x-onething: { widget }` when a widget hint is given.
 *
 * @example
 * fieldShapeToSchema({ type: 'date', label: { 'zh-CN': '出生日期' } });
 * // → { type: 'string', format: 'date', title: '出生日期' }
 */
export function fieldShapeToSchema(shape: FieldShape): JsonSchema {
  const schema: JsonSchema = typeKeywords(String(shape.type));
  const title = shape.label?.['zh-CN'];
  if (typeof title === 'string') schema.title = title;
  const help = shape.help?.['zh-CN'];
  if (typeof help === 'string') schema.description = help;
  // A dictionary format on a date field is redundant at best; the type decides it.
  if (typeof shape.format === 'string' && schema.format === undefined) schema.format = shape.format;

  const allowed = Array.isArray(shape.enum)
    ? shape.enum
    : Array.isArray(shape.options)
      ? shape.options.filter(isPlainObject).map((option) => option.value)
      : undefined;
  if (allowed) schema.enum = [...allowed];

  for (const keyword of ['minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
    if (isCount(shape[keyword])) schema[keyword] = shape[keyword];
  }
  if (isFiniteNumber(shape.minimum)) schema.minimum = shape.minimum;
  if (isFiniteNumber(shape.maximum)) schema.maximum = shape.maximum;
  if (typeof shape.pattern === 'string') schema.pattern = shape.pattern;

  if (isPlainObject(shape.items)) schema.items = fieldShapeToSchema(shape.items);
  if (isPlainObject(shape.properties)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, sub] of Object.entries(shape.properties)) {
      if (isPlainObject(sub)) properties[name] = fieldShapeToSchema(sub);
    }
    schema.properties = properties;
    // Every sub-field a department may send is in the dictionary, so anything else is a mistake.
    schema.additionalProperties = false;
    if (Array.isArray(shape.required)) {
      const required = shape.required.filter(
        (name) => typeof name === 'string' && Object.hasOwn(properties, name),
      );
      if (required.length > 0) schema.required = [...new Set(required)];
    }
  }
  if (shape.default !== undefined) schema.default = shape.default;
  if (typeof shape.widget === 'string') schema['x-onething'] = { widget: shape.widget };
  return schema;
}
