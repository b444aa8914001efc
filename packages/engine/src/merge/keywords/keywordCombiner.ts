import type { MergeContext } from '../mergeContext.js';
import type { MergeNode, Side } from '../mergeNode.js';

/**
 * How one family of JSON Schema keywords is merged (one file per family, like ajv's vocabularies).
 * `combine` folds a department property's schema into the merged node; `check` runs once after
 * every department is in and reports combinations no value can satisfy.
 */
export interface KeywordCombiner {
  keywords: readonly string[];
  /** Return `false` to stop merging this property (e.g. its type is incompatible). */
  combine(node: MergeNode, department: Record<string, unknown>, at: Side, ctx: MergeContext): boolean | void;
  check?(node: MergeNode, ctx: MergeContext): void;
}

/** Dictionary types whose values are JSON strings. */
export const STRING_TYPES: ReadonlySet<string> = new Set(['string', 'date', 'datetime']);
/** Dictionary types whose values are JSON numbers. */
export const NUMBER_TYPES: ReadonlySet<string> = new Set(['integer', 'number']);

/** A non-negative integer, as count keywords (`minLength`, `maxItems`…) require. */
export function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
