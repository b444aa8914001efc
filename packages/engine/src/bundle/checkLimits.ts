import type { Bundle } from './types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/**
 * 限时办结 sanity: a promised limit may not exceed the legal one, a 容缺 supply deadline may not exceed
 * the promised limit of an item that needs the material, and the bundle's overall promise should
 * cover its longest chain of dependent items (items of one chain run one after another).
 */
export function checkLimits(bundle: Bundle): Diagnostic[] {
  const out: Diagnostic[] = [];
  bundle.items.forEach((item, i) => {
    if (item.legalLimitDays !== undefined && item.promisedLimitDays > item.legalLimitDays) {
      out.push(
        createDiagnostic('LIMIT_EXCEEDS_LEGAL', {
          path: `/items/${i}/promisedLimitDays`,
          params: { item: item.id, promised: item.promisedLimitDays, legal: item.legalLimitDays },
        }),
      );
    }
    for (const id of item.materials ?? []) {
      const supply = bundle.materials?.[id]?.acceptMissing?.supplyWithinDays;
      if (supply === undefined || supply <= item.promisedLimitDays) continue;
      out.push(
        createDiagnostic('LIMIT_SUPPLY_EXCEEDS_PROMISED', {
          path: `/materials/${id}/acceptMissing/supplyWithinDays`,
          params: { material: id, supply, item: item.id, promised: item.promisedLimitDays },
        }),
      );
    }
  });
  const byId = new Map(bundle.items.map((item) => [item.id, item]));
  const memo = new Map<string, { days: number; chain: string[] }>();
  const longest = (id: string, guard: Set<string>): { days: number; chain: string[] } => {
    const cached = memo.get(id);
    if (cached) return cached;
    const item = byId.get(id)!;
    let best = { days: 0, chain: [] as string[] };
    guard.add(id);
    for (const dep of item.dependsOn ?? []) {
      if (!byId.has(dep) || guard.has(dep)) continue; // unknown ids and cycles are reported elsewhere
      const sub = longest(dep, guard);
      if (sub.days > best.days || (sub.days === best.days && sub.chain.length > best.chain.length))
        best = sub;
    }
    guard.delete(id);
    const result = { days: best.days + item.promisedLimitDays, chain: [...best.chain, id] };
    memo.set(id, result);
    return result;
  };
  let worst = { days: 0, chain: [] as string[] };
  for (const item of bundle.items) {
    const chain = longest(item.id, new Set());
    if (chain.days > worst.days) worst = chain;
  }
  if (worst.days > bundle.promisedDays) {
    out.push(
      createDiagnostic('LIMIT_BUNDLE_TOO_SHORT', {
        path: '/promisedDays',
        params: { promised: bundle.promisedDays, chain: worst.chain.join(' → '), needed: worst.days },
      }),
    );
  }
  return out;
}
