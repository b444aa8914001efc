import type { MergeContext } from './mergeContext.js';
import { keywordSide, type MergeNode, type Side } from './mergeNode.js';
import { allowedValues, narrowEnum } from './keywords/enumKeyword.js';
import { canonicalFromKey, toDepartmentValue } from './mapValue.js';
import { scalarViolation } from './scalarViolation.js';
import { valueKey } from './valueKey.js';

/**
 * Merge a scalar department property that has a `values` map. Its constraints speak about
 * department values (`"M"`), not canonical ones (`"1"`), so instead of combining keywords the
 * merged enum keeps exactly the canonical values whose mapped value the department accepts.
 */
export function mergeValueMapped(
  node: MergeNode,
  department: Record<string, unknown>,
  values: Record<string, unknown>,
  at: Side,
  ctx: MergeContext,
): void {
  const accepts = (canonical: unknown) =>
    scalarViolation(department, toDepartmentValue(canonical, values), (p) => ctx.regex(p)) === undefined;
  const keyword = Array.isArray(department.enum)
    ? 'enum'
    : Object.hasOwn(department, 'const')
      ? 'const'
      : undefined;
  const side = keyword ? keywordSide(at, keyword) : at;
  const current = node.schema.enum;
  if (Array.isArray(current)) {
    narrowEnum(node, current.filter(accepts), side, ctx, allowedValues(department) ?? Object.values(values));
    return;
  }
  const departmentAllowed = allowedValues(department);
  // Without any enum the canonical domain is open; only an explicit department enum narrows it.
  if (!departmentAllowed) return;
  const candidates: unknown[] = [];
  const mappedKeys = new Set(Object.keys(values));
  for (const allowed of departmentAllowed) {
    const wanted = valueKey(allowed);
    let translated = false;
    for (const [key, mapped] of Object.entries(values)) {
      if (valueKey(mapped) !== wanted) continue;
      candidates.push(canonicalFromKey(key, node.shape));
      translated = true;
    }
    // A value the map does not translate passes through unchanged, so it is allowed as itself;
    // a value the map produces (`SALE → 买卖`) reads back as its key, so it is not a canonical value.
    if ((allowed === null || typeof allowed !== 'object') && !translated && !mappedKeys.has(String(allowed)))
      candidates.push(allowed);
  }
  narrowEnum(node, candidates.filter(accepts), side, ctx, departmentAllowed);
}
