import type { OutputUnit } from '@cfworker/json-schema';
import { fromPointer } from '../diagnostics/jsonPointer.js';

export type SchemaNode = Record<string, unknown>;

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
export const rankOf = (keyword: string) => RANK.get(keyword) ?? AJV_KEYWORD_ORDER.length;

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
export function typeRank(holder: SchemaNode): number {
  const types = ([] as unknown[]).concat(holder.type);
  const group = types.length === 1 ? GROUPS[String(types[0])] : undefined;
  return group?.some((k) => holder[k] !== undefined) ? rankOf(group[0]!) - 0.5 : -1;
}

/** Segments of a @cfworker location (`#/a/b%20c` — JSON Pointer, then `encodeURI`). */
export function segmentsOf(location: string): string[] {
  return fromPointer(location.slice(1)).map(decodeURIComponent);
}

/** A segment of ajv's `schemaPath` (a URI fragment). */
export function fragment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

export const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
export const keyIndex = (data: unknown, key: string) => Object.keys(data as object).indexOf(key);

/** Where an output unit sits: its keyword's schema object and data, in ajv's terms. */
export interface Located {
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
export function locate(root: unknown, rootData: unknown, unit: OutputUnit): Located | undefined {
  const s = segmentsOf(unit.keywordLocation);
  const inst = segmentsOf(unit.instanceLocation);
  const at: Located = {
    holder: root as SchemaNode,
    schemaPath: [],
    instancePath: [],
    data: rootData,
    key: [],
  };
  let ii = 0;
  for (let si = 0; si < s.length - 1;) {
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
