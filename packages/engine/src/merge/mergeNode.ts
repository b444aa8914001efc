import type { FieldShape, FieldType } from '../bundle/types.js';
import type { JsonSchema } from '../compile/types.js';
import { isPlainObject, setOwn } from './isPlainObject.js';

/** One side of a merge: who asked for a constraint and where it is written in the bundle. */
export interface Side {
  /** Item id, or the field's dictionary path (`/fields/<key>`) when the dictionary set it. */
  item: string;
  /** JSON Pointer of the keyword (or property) in the bundle. */
  path: string;
}

/**
 * Working state while one dictionary field (or one of its sub-fields) is merged: the schema
 * being tightened in place plus which side set each keyword, so conflicts can name both sides.
 */
export interface MergeNode {
  /** Readable name for messages: `babyName`, `employees[].name`. */
  label: string;
  /** Dictionary shape of this node. */
  shape: FieldShape;
  /** Dictionary type of this node. */
  type: FieldType;
  /** The merged schema, mutated by the keyword combiners. */
  schema: JsonSchema;
  /** The dictionary definition of this node, as a side. */
  dictionary: Side;
  /** Keyword (or logical bound: `lower`, `upper`) → side that set the current value. */
  origins: Map<string, Side>;
  /** Every distinct pattern the value must match; written to the schema when finalized. */
  patterns: Array<{ pattern: string; side: Side }>;
  /** Entry node of an array field. */
  entries?: MergeNode;
  /** Sub-field nodes of an object field (or of an array entry object). */
  children?: Map<string, MergeNode>;
}

const DICTIONARY_KEYWORDS = ['type', 'format', 'enum', 'minLength', 'maxLength', 'minItems', 'maxItems'];

/** A side for one keyword of a schema located at `at`. */
export function keywordSide(at: Side, keyword: string): Side {
  return { item: at.item, path: `${at.path}/${keyword}` };
}

/**
 * Build the merge tree of a dictionary shape over its (already converted) schema. Child nodes
 * share the nested schema objects, so tightening a child tightens the whole field's schema.
 */
export function createMergeNode(
  shape: FieldShape,
  schema: JsonSchema,
  dictionary: Side,
  label: string,
): MergeNode {
  const node: MergeNode = {
    label,
    shape,
    type: shape.type,
    schema,
    dictionary,
    origins: new Map(),
    patterns: [],
  };
  for (const keyword of DICTIONARY_KEYWORDS) {
    if (schema[keyword] !== undefined) {
      // A date field's format comes from its type; an enum may come from `options`.
      const source =
        keyword === 'format' && shape.format === undefined
          ? 'type'
          : keyword === 'enum' && shape.enum === undefined
            ? 'options'
            : keyword;
      node.origins.set(keyword, keywordSide(dictionary, source));
    }
  }
  if (schema.minimum !== undefined) node.origins.set('lower', keywordSide(dictionary, 'minimum'));
  if (schema.maximum !== undefined) node.origins.set('upper', keywordSide(dictionary, 'maximum'));
  if (typeof schema.pattern === 'string') {
    node.patterns.push({ pattern: schema.pattern, side: keywordSide(dictionary, 'pattern') });
    delete schema.pattern;
  }
  if (isPlainObject(shape.items) && isPlainObject(schema.items)) {
    node.entries = createMergeNode(shape.items, schema.items, keywordSide(dictionary, 'items'), `${label}[]`);
  }
  if (isPlainObject(shape.properties) && isPlainObject(schema.properties)) {
    node.children = new Map();
    for (const [name, sub] of Object.entries(shape.properties)) {
      const subSchema = schema.properties[name];
      if (!isPlainObject(sub) || !isPlainObject(subSchema)) continue;
      const side = { item: dictionary.item, path: `${dictionary.path}/properties/${escape(name)}` };
      node.children.set(name, createMergeNode(sub, subSchema, side, `${label}.${name}`));
    }
  }
  return node;
}

/**
 * A deep copy of a merge node and its schema, so keyword combiners can run on it without touching
 * the merged field (used to check a conditional item's constraints).
 */
export function cloneMergeNode(node: MergeNode, schema: JsonSchema = copyJson(node.schema)): MergeNode {
  const copy: MergeNode = {
    label: node.label,
    shape: node.shape,
    type: node.type,
    schema,
    dictionary: node.dictionary,
    origins: new Map(node.origins),
    patterns: [...node.patterns],
  };
  // Child nodes share the nested schema objects, as in `createMergeNode`.
  if (node.entries && isPlainObject(schema.items)) copy.entries = cloneMergeNode(node.entries, schema.items);
  if (node.children && isPlainObject(schema.properties)) {
    const properties = schema.properties;
    copy.children = new Map();
    for (const [name, child] of node.children) {
      const sub = properties[name];
      if (isPlainObject(sub)) copy.children.set(name, cloneMergeNode(child, sub));
    }
  }
  return copy;
}

function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) setOwn(out, key, copyJson(entry));
  return out as T;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
