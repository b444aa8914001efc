import type { FieldType } from '../../bundle/types.js';
import { reportConflict } from '../mergeContext.js';
import { keywordSide } from '../mergeNode.js';
import type { KeywordCombiner } from './keywordCombiner.js';

/** Department `type`s that can carry a value of each dictionary type. */
const COMPATIBLE: Record<FieldType, readonly string[]> = {
  string: ['string'],
  date: ['string'],
  datetime: ['string'],
  integer: ['integer', 'number'],
  number: ['number', 'integer'],
  boolean: ['boolean'],
  array: ['array'],
  object: ['object'],
};

/**
 * `type`: the department's type must be able to hold the dictionary type's values. A department
 * asking for `integer` on a `number` field tightens the merged field to integers.
 */
export const typeKeyword: KeywordCombiner = {
  keywords: ['type'],
  combine(node, department, at, ctx) {
    const raw = department.type;
    const declared =
      typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t) => typeof t === 'string') : [];
    const compatible = Object.hasOwn(COMPATIBLE, node.type) ? COMPATIBLE[node.type] : undefined;
    if (declared.length === 0 || !compatible) return true;
    const usable = declared.filter((t) => compatible.includes(t));
    if (usable.length === 0) {
      reportConflict(
        ctx,
        'MERGE_TYPE_CONFLICT',
        node,
        { side: keywordSide(node.dictionary, 'type'), value: node.type },
        { side: keywordSide(at, 'type'), value: raw },
      );
      return false;
    }
    if (node.schema.type === 'number' && !usable.includes('number')) {
      node.schema.type = 'integer';
      node.origins.set('type', keywordSide(at, 'type'));
    }
    return true;
  },
};
