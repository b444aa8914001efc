import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { reportConflict } from '../mergeContext.js';
import { keywordSide, type MergeNode, type Side } from '../mergeNode.js';
import type { MergeContext } from '../mergeContext.js';
import { valueKey } from '../valueKey.js';
import type { KeywordCombiner } from './keywordCombiner.js';

/** The values a department schema allows through `enum` and/or `const`, or `undefined` for "any". */
export function allowedValues(department: Record<string, unknown>): unknown[] | undefined {
  let allowed = Array.isArray(department.enum) ? department.enum : undefined;
  if (Object.hasOwn(department, 'const')) {
    const key = valueKey(department.const);
    allowed = allowed ? allowed.filter((v) => valueKey(v) === key) : [department.const];
  }
  return allowed;
}

/**
 * Intersect the node's enum with `allowed` (already in canonical value space). An empty result is
 * MERGE_ENUM_EMPTY naming both sides; a strict narrowing of existing options is reported as info.
 */
export function narrowEnum(
  node: MergeNode,
  allowed: readonly unknown[],
  side: Side,
  ctx: MergeContext,
  shown: unknown = allowed,
): void {
  // A boolean has two values without any enum: a department that accepts only one (`const: true`,
  // a consent box) narrows it, and the author should hear about it like any other narrowing.
  const current =
    node.schema.enum ??
    (node.type === 'boolean' && allowed.length > 0 && allowed.every(isBoolean) ? [true, false] : undefined);
  if (!Array.isArray(current) && allowed.length === 0) {
    reportConflict(
      ctx,
      'MERGE_ENUM_EMPTY',
      node,
      { side: keywordSide(node.dictionary, 'type'), value: node.type },
      { side, value: shown },
    );
    return;
  }
  if (!Array.isArray(current)) {
    node.schema.enum = dedupe(allowed);
    node.origins.set('enum', side);
    return;
  }
  const keys = new Set(allowed.map(valueKey));
  const kept = current.filter((v) => keys.has(valueKey(v)));
  if (kept.length === 0) {
    reportConflict(
      ctx,
      'MERGE_ENUM_EMPTY',
      node,
      { side: node.origins.get('enum') ?? keywordSide(node.dictionary, 'enum'), value: current },
      { side, value: shown },
    );
    return;
  }
  if (kept.length < current.length) {
    node.schema.enum = kept;
    node.origins.set('enum', side);
    ctx.diagnostics.push(
      createDiagnostic('MERGE_ENUM_NARROWED', {
        path: side.path,
        params: { field: node.label, item: side.item, values: kept },
      }),
    );
  }
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function dedupe(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = valueKey(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `enum` / `const` of a department without a `values` map: plain intersection. */
export const enumKeyword: KeywordCombiner = {
  keywords: ['enum', 'const'],
  combine(node, department, at, ctx) {
    const allowed = allowedValues(department);
    if (!allowed) return;
    const keyword = Array.isArray(department.enum) ? 'enum' : 'const';
    narrowEnum(node, allowed, keywordSide(at, keyword), ctx);
  },
};
