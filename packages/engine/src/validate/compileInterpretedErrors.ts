import type { ErrorObject } from 'ajv/dist/2020.js';
import { deepCompareStrict, type OutputUnit } from '@cfworker/json-schema';
import { toPointer } from '../diagnostics/jsonPointer.js';
import {
  fragment,
  keyIndex,
  locate,
  own,
  rankOf,
  segmentsOf,
  typeRank,
  type SchemaNode,
} from './compileInterpretedLocate.js';

/** The pair of equal items ajv's `uniqueItems` reports (it scans from the end), if any. */
function duplicatePair(holder: SchemaNode, data: unknown[]): { i: number; j: number } | undefined {
  const items = holder.items;
  const types = ([] as unknown[]).concat(own(items, 'type') ?? []).map(String);
  if (types.length > 0 && !types.some((t) => t === 'object' || t === 'array')) {
    // ajv's fast path: items of other types are skipped, items keyed by their string form.
    const indices: Record<string, unknown> = {};
    for (let i = data.length; i--;) {
      let item = data[i];
      if (!types.some((t) => isType(t, item))) continue;
      if (types.length > 1 && typeof item === 'string') item += '_';
      const j = indices[String(item)];
      if (typeof j === 'number') return { i, j };
      indices[String(item)] = i;
    }
    return undefined;
  }
  for (let i = data.length; i--;) {
    for (let j = i; j--;) if (deepCompareStrict(data[i], data[j])) return { i, j };
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
  // Units ajv never reaches (see `oneOfSkip`); a `oneOf` unit comes before those of its branches.
  const skipped: Array<(unit: OutputUnit) => boolean> = [];
  units.forEach((unit, n) => {
    if (skipped.some((skip) => skip(unit))) return;
    const at = locate(root, data, unit);
    if (!at) return;
    const add = (
      key: number[],
      keyword: string,
      path: string[],
      params: Record<string, unknown>,
      message: string,
      instancePath = at.instancePath,
    ) => {
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
        add(
          [],
          via.keyword,
          schemaPath,
          { [param]: property },
          `must NOT have ${what} properties`,
          parentPath,
        );
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
        return add(
          [rank],
          'enum',
          path,
          { allowedValues: value },
          'must be equal to one of the allowed values',
        );
      case 'not':
        return add([rank], 'not', path, {}, 'must NOT be valid');
      case 'anyOf':
        return add([rank, Infinity], 'anyOf', path, {}, 'must match a schema in anyOf');
      case 'oneOf': {
        const passing = passingBranches(units, n, (value as unknown[]).length);
        const passingSchemas = passing.length > 1 ? passing.slice(0, 2) : null;
        if (passingSchemas) skipped.push(oneOfSkip(unit, passingSchemas[1]!));
        return add(
          [rank, Infinity],
          'oneOf',
          path,
          { passingSchemas },
          'must match exactly one schema in oneOf',
        );
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
        return add(
          [rank, keyIndex(at.data, propertyName), Infinity],
          'propertyNames',
          path,
          { propertyName },
          'property name must be valid',
        );
      }
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum': {
        const comparison = COMPARISON[keyword]!;
        return add(
          [rank],
          keyword,
          path,
          { comparison, limit: value },
          `must be ${comparison} ${String(value)}`,
        );
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
        return add(
          [rank],
          keyword,
          path,
          pair,
          `must NOT have duplicate items (items ## ${pair.j} and ${pair.i} are identical)`,
        );
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
            add(
              [rank, i],
              keyword,
              path,
              { missingProperty },
              `must have required property '${missingProperty}'`,
            );
        });
        return;
      case 'dependentRequired':
      case 'dependencies':
        // `dependencies` units are also wrappers of schema dependencies: only property lists count.
        Object.entries(value as Record<string, unknown>).forEach(([property, deps], p) => {
          if (!Array.isArray(deps) || deps.length === 0 || !Object.hasOwn(at.data as object, property))
            return;
          const list = (deps as string[]).join(', ');
          const message = `must have ${deps.length === 1 ? 'property' : 'properties'} ${list} when property ${property} is present`;
          (deps as string[]).forEach((missingProperty, d) => {
            if (!Object.hasOwn(at.data as object, missingProperty))
              add(
                [rank, p, d],
                keyword,
                path,
                { property, missingProperty, depsCount: deps.length, deps: list },
                message,
              );
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

/** The branches of the `oneOf` unit `units[n]` that passed: those with no unit under them (they follow it). */
function passingBranches(units: readonly OutputUnit[], n: number, count: number): number[] {
  const unit = units[n]!;
  const depth = segmentsOf(unit.keywordLocation).length;
  const failing = new Set<string>();
  for (
    let m = n + 1;
    m < units.length && units[m]!.keywordLocation.startsWith(unit.keywordLocation + '/');
    m++
  )
    failing.add(segmentsOf(units[m]!.keywordLocation)[depth]!);
  return Array.from({ length: count }, (_, i) => i).filter((i) => !failing.has(String(i)));
}

/**
 * ajv stops checking `oneOf` branches at the second that passes, so it reports no errors of later
 * branches; @cfworker checks them all. Is a unit under a branch after `second` of this `oneOf` unit?
 */
function oneOfSkip(unit: OutputUnit, second: number): (unit: OutputUnit) => boolean {
  const { keywordLocation: where, instanceLocation: data } = unit;
  const depth = segmentsOf(where).length;
  return (u) =>
    u.keywordLocation.startsWith(where + '/') &&
    Number(segmentsOf(u.keywordLocation)[depth]) > second &&
    (u.instanceLocation === data || u.instanceLocation.startsWith(data + '/'));
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
