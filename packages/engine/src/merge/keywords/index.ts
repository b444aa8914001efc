import { boundsKeyword } from './boundsKeyword.js';
import { itemCountKeywords, lengthKeywords } from './countKeywords.js';
import { enumKeyword } from './enumKeyword.js';
import { formatKeyword } from './formatKeyword.js';
import type { KeywordCombiner } from './keywordCombiner.js';
import { patternKeyword } from './patternKeyword.js';
import { typeKeyword } from './typeKeyword.js';

/** Every keyword combiner, in the order they run; `type` first so an incompatible property stops early. */
export const KEYWORD_COMBINERS: readonly KeywordCombiner[] = [
  typeKeyword,
  formatKeyword,
  enumKeyword,
  boundsKeyword,
  lengthKeywords,
  itemCountKeywords,
  patternKeyword,
];
