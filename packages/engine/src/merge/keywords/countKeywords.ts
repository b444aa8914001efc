import { reportConflict } from '../mergeContext.js';
import { keywordSide, type MergeNode } from '../mergeNode.js';
import type { MergeContext } from '../mergeContext.js';
import { isCount, STRING_TYPES, type KeywordCombiner } from './keywordCombiner.js';

/**
 * A min/max pair of counts (`minLength`/`maxLength`, `minItems`/`maxItems`): the larger minimum
 * and the smaller maximum win; a minimum above the maximum is MERGE_CONSTRAINT_EMPTY.
 */
function countPair(min: string, max: string, applies: (type: string) => boolean): KeywordCombiner {
  return {
    keywords: [min, max],
    combine(node, department, at) {
      if (!applies(node.type)) return;
      const incomingMin = department[min];
      const currentMin = node.schema[min];
      if (isCount(incomingMin) && (!isCount(currentMin) || incomingMin > currentMin)) {
        node.schema[min] = incomingMin;
        node.origins.set(min, keywordSide(at, min));
      }
      const incomingMax = department[max];
      const currentMax = node.schema[max];
      if (isCount(incomingMax) && (!isCount(currentMax) || incomingMax < currentMax)) {
        node.schema[max] = incomingMax;
        node.origins.set(max, keywordSide(at, max));
      }
    },
    check(node: MergeNode, ctx: MergeContext) {
      const low = node.schema[min];
      const high = node.schema[max];
      if (!isCount(low) || !isCount(high) || low <= high) return;
      reportConflict(
        ctx,
        'MERGE_CONSTRAINT_EMPTY',
        node,
        { side: node.origins.get(min) ?? keywordSide(node.dictionary, min), value: `${min} ${low}` },
        { side: node.origins.get(max) ?? keywordSide(node.dictionary, max), value: `${max} ${high}` },
      );
    },
  };
}

/** `minLength` / `maxLength` on string-valued fields. */
export const lengthKeywords: KeywordCombiner = countPair('minLength', 'maxLength', (type) =>
  STRING_TYPES.has(type),
);

/** `minItems` / `maxItems` on array fields. */
export const itemCountKeywords: KeywordCombiner = countPair(
  'minItems',
  'maxItems',
  (type) => type === 'array',
);
