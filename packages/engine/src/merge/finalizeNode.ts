import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { isUnsafePattern } from '../validate/isUnsafePattern.js';
import { reportConflict, type MergeContext } from './mergeContext.js';
import { keywordSide, type MergeNode, type Side } from './mergeNode.js';
import { KEYWORD_COMBINERS } from './keywords/index.js';
import { scalarViolation } from './scalarViolation.js';

/**
 * Finish a merged node once every department is in: write the kept patterns, drop enum values
 * the other constraints exclude, and report combinations no value satisfies. Recurses.
 */
export function finalizeNode(node: MergeNode, ctx: MergeContext): void {
  writePatterns(node, ctx);
  filterEnum(node, ctx);
  for (const combiner of KEYWORD_COMBINERS) combiner.check?.(node, ctx);
  if (node.entries) finalizeNode(node.entries, ctx);
  for (const child of node.children?.values() ?? []) finalizeNode(child, ctx);
}

/** One pattern stays `pattern`; the others go to `allOf`, since a schema object holds only one. */
function writePatterns(node: MergeNode, ctx: MergeContext): void {
  node.patterns = node.patterns.filter(({ pattern, side }) => {
    // Department patterns were checked on the way in; this catches the dictionary's own.
    if (!ctx.regex(pattern)) {
      ctx.diagnostics.push(
        createDiagnostic('PATTERN_INVALID', { path: side.path, params: { detail: pattern } }),
      );
      return false;
    }
    if (isUnsafePattern(pattern)) {
      ctx.diagnostics.push(createDiagnostic('PATTERN_UNSAFE', { path: side.path, params: { pattern } }));
      return false;
    }
    return true;
  });
  const [first, ...rest] = node.patterns;
  if (first) node.schema.pattern = first.pattern;
  if (rest.length > 0) node.schema.allOf = rest.map(({ pattern }) => ({ pattern }));
}

function filterEnum(node: MergeNode, ctx: MergeContext): void {
  const values = node.schema.enum;
  if (!Array.isArray(values) || values.length === 0) return;
  const { enum: _enum, ...others } = node.schema;
  const regex = (pattern: string) => ctx.regex(pattern);
  const kept = values.filter((value) => scalarViolation(others, value, regex) === undefined);
  if (kept.length === values.length) return;
  if (kept.length > 0) {
    node.schema.enum = kept;
    return;
  }
  const broken = scalarViolation(others, values[0], regex)!;
  reportConflict(
    ctx,
    'MERGE_CONSTRAINT_EMPTY',
    node,
    { side: node.origins.get('enum') ?? keywordSide(node.dictionary, 'enum'), value: values },
    {
      side: sideOf(node, broken, values[0], ctx),
      value: `${broken.replace(/^allOf\//, '')} ${describe(others, broken)}`,
    },
  );
}

const BOUND_ORIGIN: Record<string, string> = {
  minimum: 'lower',
  exclusiveMinimum: 'lower',
  maximum: 'upper',
  exclusiveMaximum: 'upper',
};

/** The side that set the keyword a value breaks. */
function sideOf(node: MergeNode, keyword: string, value: unknown, ctx: MergeContext): Side {
  if (keyword === 'pattern' || keyword === 'allOf/pattern') {
    const failing = node.patterns.find(
      ({ pattern }) => typeof value === 'string' && ctx.regex(pattern)?.test(value) === false,
    );
    if (failing) return failing.side;
  }
  return node.origins.get(BOUND_ORIGIN[keyword] ?? keyword) ?? keywordSide(node.dictionary, keyword);
}

function describe(schema: Record<string, unknown>, keyword: string): string {
  if (keyword.startsWith('allOf')) return '';
  const value = schema[keyword];
  return value === undefined ? '' : JSON.stringify(value);
}
