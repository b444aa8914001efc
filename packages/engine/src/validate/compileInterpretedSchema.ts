import { format as cfworkerFormats } from '@cfworker/json-schema';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { formats } from './formats.js';

/**
 * Prefix of the format names `compileInterpreted` registers with @cfworker/json-schema. Its format
 * table is one shared object; namespaced names add the engine's checks (ajv-formats' and `cn-*`)
 * without changing what `date` or `email` mean to anyone else using the library on the page.
 */
const PREFIX = 'onething:';

/** Keywords whose value is one subschema. */
const ONE = new Set([
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'items',
  'additionalItems',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
]);
/** Keywords whose value is a list of subschemas. */
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas (`dependencies` also holds property lists). */
const MAP = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

let registered = false;

/** The check of one format as ajv-formats / the engine define it, for strings only. */
function stringCheck(name: string): ((value: string) => boolean) | undefined {
  if (Object.hasOwn(formats, name)) return formats[name as keyof typeof formats].validate;
  if (!Object.hasOwn(fullFormats, name)) return undefined;
  const definition = fullFormats[name as keyof typeof fullFormats] as unknown;
  if (definition === true) return () => true;
  if (definition instanceof RegExp) return (value) => definition.test(value);
  if (typeof definition === 'function') return definition as (value: string) => boolean;
  const { type, validate } = definition as { type?: string; validate: RegExp | ((v: string) => boolean) };
  // ajv skips a number format (int32, float…) for strings; @cfworker checks formats of strings only.
  if (type !== undefined && type !== 'string') return () => true;
  return validate instanceof RegExp ? (value) => validate.test(value) : validate;
}

/** Add the namespaced formats to @cfworker's table, once, on first compile (never at import). */
function registerFormats(): void {
  if (registered) return;
  for (const name of [...Object.keys(fullFormats), ...Object.keys(formats)]) {
    cfworkerFormats[PREFIX + name] = stringCheck(name)!;
  }
  registered = true;
}

/**
 * The schema as @cfworker/json-schema should see it: the same shape (so keyword locations are the
 * same in both), with `false` subschemas written `{ not: {} }` (@cfworker reports a `false` schema at
 * a wrong location; `not` gets a right one) and format names namespaced. Data (`enum`, `const`) and
 * annotations are copied as they are. Throws, as ajv's strict mode does, for an unknown format.
 */
export function toInterpretable(schema: unknown, path = '#'): unknown {
  registerFormats();
  if (schema === false) return { not: {} };
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    const at = `${path}/${key}`;
    if (key === 'format' && typeof value === 'string') {
      if (!stringCheck(value))
        throw new Error(`unknown format "${value}" ignored in schema at path "${path}"`);
      put(out, key, PREFIX + value);
    } else if (ONE.has(key))
      put(
        out,
        key,
        Array.isArray(value)
          ? value.map((v, i) => toInterpretable(v, `${at}/${i}`))
          : toInterpretable(value, at),
      );
    else if (LIST.has(key) && Array.isArray(value))
      put(
        out,
        key,
        value.map((v, i) => toInterpretable(v, `${at}/${i}`)),
      );
    else if (MAP.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value))
      put(
        out,
        key,
        Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [
            name,
            Array.isArray(sub) ? sub : toInterpretable(sub, `${at}/${name}`),
          ]),
        ),
      );
    else put(out, key, value);
  }
  return out;
}

/**
 * Data as ajv sees it, for a validator that only knows JSON: a property whose value is `undefined`
 * is absent (ajv's `properties` and `required` skip it), an `undefined` array element is `null`
 * (both fail the same type checks). Returns `value` itself when there is nothing to change.
 */
export function withoutUndefined(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || !hasUndefined(value, new Set())) return value;
  if (Array.isArray(value)) return value.map(withoutUndefined);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== undefined) put(out, key, withoutUndefined(entry));
  }
  return out;
}

function hasUndefined(value: object, seen: Set<object>): boolean {
  if (seen.has(value)) return false;
  seen.add(value);
  for (const entry of Object.values(value)) {
    if (entry === undefined) return true;
    if (typeof entry === 'object' && entry !== null && hasUndefined(entry, seen)) return true;
  }
  return false;
}

/** `out[key] = value`, also for a key named `__proto__` (JSON.parse makes such own properties). */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}
