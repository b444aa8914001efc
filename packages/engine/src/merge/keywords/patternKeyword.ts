import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { isUnsafePattern } from '../../validate/isUnsafePattern.js';
import { keywordSide } from '../mergeNode.js';
import { STRING_TYPES, type KeywordCombiner } from './keywordCombiner.js';

/**
 * `pattern`: no two patterns can be intersected into one, so every distinct pattern is kept and
 * the value must match them all (written as `pattern` plus `allOf: [{ pattern }]` when finalized).
 * A pattern that is not a valid regular expression, or could backtrack for exponential time on
 * applicant data, is reported and left out of the merged form.
 */
export const patternKeyword: KeywordCombiner = {
  keywords: ['pattern'],
  combine(node, department, at, ctx) {
    const pattern = department.pattern;
    if (typeof pattern !== 'string' || !STRING_TYPES.has(node.type)) return;
    const side = keywordSide(at, 'pattern');
    if (!ctx.regex(pattern)) {
      ctx.diagnostics.push(
        createDiagnostic('PATTERN_INVALID', { path: side.path, params: { detail: pattern } }),
      );
      return;
    }
    if (isUnsafePattern(pattern)) {
      ctx.diagnostics.push(createDiagnostic('PATTERN_UNSAFE', { path: side.path, params: { pattern } }));
      return;
    }
    if (!node.patterns.some((p) => p.pattern === pattern)) node.patterns.push({ pattern, side });
  },
};
