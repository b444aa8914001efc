import type { ErrorObject } from 'ajv/dist/2020.js';
import { deepCompareStrict, type OutputUnit } from '@cfworker/json-schema';
import { fromPointer, toPointer } from '../diagnostics/jsonPointer.js';

type SchemaNode = Record<string, unknown>;

/**
 * Keywords in the order ajv (draft 2020-12) checks them: its rule groups for any type, numbers,
 * strings, arrays and objects (`createAjv().RULES`; a test keeps the two in step). `format` is
 * listed with strings, the only data @cfworker checks formats of.
 */
export const AJV_KEYWORD_ORDER = [
  '$ref',
  'const',
  'enum',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'maxItems',
  'minItems',
  'prefixItems',
  'items',
  'contains',
  'uniqueItems',
  'maxContains',
  'minContains',
  'unevaluatedItems',
  'maxProperties',
  'minProperties',
  'required',
  'propertyNames',
  'additionalProperties',
  'dependencies',
  'properties',
  'patternProperties',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
] as const;

const RANK = new Map<string, number>(AJV_KEYWORD_ORDER.map((keyword, i) => [keyword, i]));
RANK.set('then', RANK.get('if')!).set('else', RANK.get('if')!);
const rankOf = (keyword: string) => RANK.get(keyword) ?? AJV_KEYWORD_ORDER.length;

/** The keywords of each of ajv's type groups (a one-type schema reports its type error there). */
const GROUPS: Record<string, readonly string[]> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: AJV_KEYWORD_ORDER.slice(RANK.get('maxItems'), RANK.get('maxProperties')),
  object: AJV_KEYWORD_ORDER.slice(RANK.get('maxProperties')),
};

/**
 * Where ajv puts a type error: first, unless the schema has one type with keywords of that type's
 * group (`{ type: 'string', maxLength: 5 }`): then it is reported in that group's place.
 */
function typeRank(holder: SchemaNode): number {
  const types = ([] as unknown[]).concat(holder.type);
  const group = types.length === 1 ? GROUPS[String(types[0])] : undefined;
  return group?.some((k) => holder[k] !== undefined) ? rankOf(group[0]!) - 0.5 : -1;
}

/** Segments of a @cfworker location (`#/a/b%20c` — JSON Pointer, then `encodeURI`). */
function segmentsOf(location: string): string[] {
  return fromPointer(location.slice(1)).map(decodeURIComponent);
}

/** A segment of ajv's `schemaPath` (a URI fragment). */
function fragment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
const keyIndex = (data: unknown, key: string) => Object.keys(data as object).indexOf(key);

/** Where an output unit sits: its keyword's schema object and data, in ajv's terms. */
interface Located {
  holder: SchemaNode | boolean;
  /** The keyword the holder was reached through (`properties`, `items`…), for `false` schemas. */
  via?: { parent: SchemaNode; keyword: string };
  schemaPath: string[];
  instancePath: string[];
  data: unknown;
  propertyName?: string;
  /** Sort key: ajv's evaluation order down to the holder. */
  key: number[];
}

/** Follow a unit's keyword location through the original schema and its instance location through the data. */
function locate(root: unknown, rootData: unknown, unit: OutputUnit): Located | undefined {
  const s = segmentsOf(unit.keywordLocation);
  const inst = segmentsOf(unit.instanceLocation);
  const at: Located = { holder: root as SchemaNode, schemaPath: [], instancePath: [], data: rootData, key: [] };
  let ii = 0;
  for (let si = 0; si < s.length - 1; ) {
    const parent = at.holder;
    if (typeof parent !== 'object') return undefined;
    const keyword = s[si]!;
    const value = parent[keyword];
    const rank = rankOf(keyword);
    let child: unknown;
    switch (keyword) {
      case 'properties':
      case 'patternProperties':
      case 'dependentSchemas':
      case 'dependencies': {
        const name = s[si + 1]!;
        at.key.push(rank, Object.keys(value as object).indexOf(name));
        child = own(value, name);
        at.schemaPath.push(keyword, name);
        si += 2;
        if (keyword === 'properties' || keyword === 'patternProperties') {
          const property = inst[ii++]!;
          if (keyword === 'patternProperties') at.key.push(keyIndex(at.data, property));
          at.data = own(at.data, property);
          at.instancePath.push(property);
        }
        break;
      }
      case 'additionalProperties':
      case 'unevaluatedProperties':
      case 'propertyNames': {
        const property = inst[ii++]!;
        at.key.push(rank, keyIndex(at.data, property));
        child = value;
        at.schemaPath.push(keyword);
        si += 1;
        if (keyword === 'propertyNames') {
          // ajv checks the name as data but reports errors at the object, with `propertyName`.
          at.data = property;
          at.propertyName = property;
        } else {
          at.data = own(at.data, property);
          at.instancePath.push(property);
        }
        break;
      }
      case 'items':
      case 'additionalItems':
      case 'unevaluatedItems':
      case 'contains': {
        const index = inst[ii++]!;
        at.key.push(rank, Number(index));
        child = value;
        at.schemaPath.push(keyword);
        at.data = (at.data as unknown[])[Number(index)];
        at.instancePath.push(index);
        si += 1;
        break;
      }
      case 'prefixItems':
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        const index = s[si + 1]!;
        at.key.push(rank, Number(index));
        child = (value as unknown[])[Number(index)];
        at.schemaPath.push(keyword, index);
        si += 2;
        if (keyword === 'prefixItems') {
          at.data = (at.data as unknown[])[Number(index)];
          at.instancePath.push(inst[ii++]!);
        }
        break;
      }
      case 'then':
      case 'else':
        at.key.push(rank, 0);
        child = value;
        at.schemaPath.push(keyword);
        si += 1;
        break;
      case '$ref': {
        // Local references only; ajv reports errors under the reference (`#/$defs/name/type`).
        const ref = String(value);
        if (!ref.startsWith('#')) return undefined;
        at.key.push(rank);
        at.schemaPath = segmentsOf(ref);
        child = at.schemaPath.reduce<unknown>(own, root);
        si += 1;
        break;
      }
      default:
        // `not` and `if` sub-errors: ajv reports none of them.
        return undefined;
    }
    at.via = { parent, keyword };
    at.holder = child as SchemaNode | boolean;
  }
  return at;
}

/** The pair of equal items ajv's `uniqueItems` reports (it scans from the end), if any. */
function duplicatePair(holder: SchemaNode, data: unknown[]): { i: number; j: number } | undefined {
  const items = holder.items;
  const types = ([] as unknown[]).concat(own(items, 'type') ?? []).map(String);
  if (types.length > 0 && !types.some((t) => t === 'object' || t === 'array')) {
    // ajv's fast path: items of other types are skipped, items keyed by their string form.
    const indices: Record<string, unknown> = {};
    for (let i = data.length; i--; ) {
      let item = data[i];
      if (!types.some((t) => isType(t, item))) continue;
      if (types.length > 1 && typeof item === 'string') item += '_';
      const j = indices[String(item)];
      if (typeof j === 'number') return { i, j };
      indices[String(item)] = i;
    }
    return undefined;
  }
  for (let i = data.length; i--; ) {
    for (let j = i; j--; ) if (deepCompareStrict(data[i], data[j])) return { i, j };
  }
  return undefined;
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

const COMPARISON: Record<string, string> = {
  maximum: '<=',
  minimum: '>=',
  exclusiveMaximum: '<',
  exclusiveMinimum: '>',
};

/**
 * Turn @cfworker's output units into the errors ajv (draft 2020-12, `allErrors`) reports for the
 * same schema and data: same keyword, `instancePath`, `schemaPath`, `params` and English message,
 * in ajv's order. Params come from the schema object at the keyword and the data, never from
 * @cfworker's English text. Wrapper units (`properties`, `items`, `allOf`…) are dropped: ajv has
 * none; the errors ajv has and @cfworker has not (`required` once per property, `if`,
 * `propertyNames`) are made from the schema and data.
 */
export function toAjvErrors(units: readonly OutputUnit[], root: unknown, data: unknown): ErrorObject[] {
  const out: Array<{ key: number[]; error: ErrorObject }> = [];
  const seen = new Set<string>();
  units.forEach((unit, n) => {
    const at = locate(root, data, unit);
    if (!at) return;
    const add = (key: number[], keyword: string, path: string[], params: Record<string, unknown>, message: string, instancePath = at.instancePath) => {
      const error: ErrorObject = {
        instancePath: toPointer(instancePath),
        // ajv escapes names, not keywords: `false schema` keeps its space.
        schemaPath: '#' + path.map((s) => '/' + (s === 'false schema' ? s : fragment(s))).join(''),
        keyword,
        params,
        message,
        ...(at.propertyName !== undefined ? { propertyName: at.propertyName } : {}),
      };
      const id = JSON.stringify([error.keyword, error.schemaPath, error.instancePath, params]);
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ key: [...at.key, ...key], error });
    };
    const { holder, via, schemaPath } = at;
    if (holder === false || holder === true) {
      // A `false` subschema (given to @cfworker as `{ not: {} }`).
      const property = at.instancePath.at(-1)!;
      const parentPath = at.instancePath.slice(0, -1);
      if (via?.keyword === 'additionalProperties' || via?.keyword === 'unevaluatedProperties') {
        const param = via.keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty';
        const what = via.keyword === 'additionalProperties' ? 'additional' : 'unevaluated';
        add([], via.keyword, schemaPath, { [param]: property }, `must NOT have ${what} properties`, parentPath);
      } else if (via?.keyword === 'items' && Array.isArray(via.parent.prefixItems)) {
        const limit = via.parent.prefixItems.length;
        add([], 'items', schemaPath, { limit }, `must NOT have more than ${limit} items`, parentPath);
      } else add([], 'false schema', [...schemaPath, 'false schema'], {}, 'boolean schema is false');
      return;
    }
    const keyword = unit.keyword;
    // Where this keyword sits in @cfworker's location, to read the branch of the units after it.
    const depth = segmentsOf(unit.keywordLocation).length;
    const path = [...schemaPath, keyword];
    const rank = rankOf(keyword);
    const value = holder[keyword];
    const countable = (what: string) => {
      const limit = value;
      const more = keyword.startsWith('max') ? 'more' : 'fewer';
      add([rank], keyword, path, { limit }, `must NOT have ${more} than ${String(limit)} ${what}`);
    };
    switch (keyword) {
      case 'type':
        return add([typeRank(holder)], 'type', path, { type: value }, `must be ${String(value)}`);
      case 'const':
        return add([rank], 'const', path, { allowedValue: value }, 'must be equal to constant');
      case 'enum':
        return add([rank], 'enum', path, { allowedValues: value }, 'must be equal to one of the allowed values');
      case 'not':
        return add([rank], 'not', path, {}, 'must NOT be valid');
      case 'anyOf':
        return add([rank, Infinity], 'anyOf', path, {}, 'must match a schema in anyOf');
      case 'oneOf': {
        // The branches that passed are those with no unit under them (they follow this one).
        const failing = new Set<string>();
        for (let m = n + 1; m < units.length && units[m]!.keywordLocation.startsWith(unit.keywordLocation + '/'); m++)
          failing.add(segmentsOf(units[m]!.keywordLocation)[depth]!);
        const passing = (value as unknown[]).map((_, i) => i).filter((i) => !failing.has(String(i)));
        const passingSchemas = passing.length > 1 ? passing.slice(0, 2) : null;
        return add([rank, Infinity], 'oneOf', path, { passingSchemas }, 'must match exactly one schema in oneOf');
      }
      case 'if': {
        // The `then` or `else` units follow this one.
        const next = units[n + 1] ? segmentsOf(units[n + 1]!.keywordLocation)[depth - 1] : undefined;
        const failingKeyword = next === 'else' ? 'else' : 'then';
        return add([rank, 1], 'if', path, { failingKeyword }, `must match "${failingKeyword}" schema`);
      }
      case 'propertyNames': {
        const next = units[n + 1];
        if (!next) return;
        const propertyName = segmentsOf(next.instanceLocation).at(-1)!;
        return add([rank, keyIndex(at.data, propertyName), Infinity], 'propertyNames', path, { propertyName }, 'property name must be valid');
      }
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum': {
        const comparison = COMPARISON[keyword]!;
        return add([rank], keyword, path, { comparison, limit: value }, `must be ${comparison} ${String(value)}`);
      }
      case 'multipleOf':
        return add([rank], keyword, path, { multipleOf: value }, `must be multiple of ${String(value)}`);
      case 'maxLength':
      case 'minLength':
        return countable('characters');
      case 'maxItems':
      case 'minItems':
        return countable('items');
      case 'maxProperties':
      case 'minProperties':
        return countable('properties');
      case 'pattern':
        return add([rank], keyword, path, { pattern: value }, `must match pattern "${String(value)}"`);
      case 'format':
        return add([rank], keyword, path, { format: value }, `must match format "${String(value)}"`);
      case 'uniqueItems': {
        const pair = duplicatePair(holder, at.data as unknown[]);
        if (!pair) return;
        return add([rank], keyword, path, pair, `must NOT have duplicate items (items ## ${pair.j} and ${pair.i} are identical)`);
      }
      case 'contains':
      case 'minContains':
      case 'maxContains': {
        const min = holder.minContains ?? 1;
        const max = holder.maxContains;
        const params = max === undefined ? { minContains: min } : { minContains: min, maxContains: max };
        const message =
          max === undefined
            ? `must contain at least ${String(min)} valid item(s)`
            : `must contain at least ${String(min)} and no more than ${String(max)} valid item(s)`;
        // After the errors of the items (ajv keeps them when `contains` fails).
        return add([rankOf('contains'), Infinity], 'contains', [...schemaPath, 'contains'], params, message);
      }
      case 'required':
        (value as string[]).forEach((missingProperty, i) => {
          if (!Object.hasOwn(at.data as object, missingProperty))
            add([rank, i], keyword, path, { missingProperty }, `must have required property '${missingProperty}'`);
        });
        return;
      case 'dependentRequired':
      case 'dependencies':
        // `dependencies` units are also wrappers of schema dependencies: only property lists count.
        Object.entries(value as Record<string, unknown>).forEach(([property, deps], p) => {
          if (!Array.isArray(deps) || deps.length === 0 || !Object.hasOwn(at.data as object, property)) return;
          const list = (deps as string[]).join(', ');
          const message = `must have ${deps.length === 1 ? 'property' : 'properties'} ${list} when property ${property} is present`;
          (deps as string[]).forEach((missingProperty, d) => {
            if (!Object.hasOwn(at.data as object, missingProperty))
              add([rank, p, d], keyword, path, { property, missingProperty, depsCount: deps.length, deps: list }, message);
          });
        });
        return;
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
      case 'unevaluatedProperties':
      case 'prefixItems':
      case 'items':
      case 'additionalItems':
      case 'unevaluatedItems':
      case 'allOf':
      case 'dependentSchemas':
      case '$ref':
        return; // wrappers: their sub-errors are reported
      default:
        // A keyword not translated here: keep @cfworker's own text rather than lose the error.
        return add([rank], keyword, path, {}, unit.error);
    }
  });
  // Stable: equal keys keep @cfworker's order.
  out.sort((a, b) => compareKeys(a.key, b.key));
  return out.map((entry) => entry.error);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
