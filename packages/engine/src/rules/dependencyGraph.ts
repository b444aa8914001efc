import type { CompiledRule, CompiledRules } from '../compile/types.js';

type AffectedIndex = Map<string, readonly CompiledRule[]>;

const cache = new WeakMap<CompiledRules, AffectedIndex>();

/** For every read key: the rules to re-run when it changes, computed ones first in order. */
function buildIndex(compiled: CompiledRules): AffectedIndex {
  const byId = new Map(compiled.rules.map((r) => [r.id, r] as const));
  const rank = new Map<string, number>(
    compiled.computedOrder.map((key, i) => [`computed:${key}`, i] as const),
  );
  const position = new Map(compiled.rules.map((r, i) => [r.id, i] as const));
  const index: AffectedIndex = new Map();
  for (const key of Object.keys(compiled.readersOf)) {
    const found = new Set<string>();
    const queue = [key];
    const queued = new Set(queue);
    while (queue.length > 0) {
      for (const id of compiled.readersOf[queue.pop()!] ?? []) {
        if (found.has(id)) continue;
        found.add(id);
        const rule = byId.get(id);
        // A computed field's new value changes what its own readers see.
        if (rule?.kind === 'computed' && !queued.has(rule.target)) {
          queued.add(rule.target);
          queue.push(rule.target);
        }
      }
    }
    const rules = [...found].map((id) => byId.get(id)!).filter(Boolean);
    rules.sort((a, b) => {
      const ra = rank.get(a.id) ?? Infinity;
      const rb = rank.get(b.id) ?? Infinity;
      return ra !== rb ? ra - rb : position.get(a.id)! - position.get(b.id)!;
    });
    index.set(key, Object.freeze(rules));
  }
  return index;
}

/**
 * The rules to re-evaluate when one field changes: its direct readers and, transitively, the
 * readers of every computed field they recompute; computed rules come first, in `computedOrder`.
 * The index is built once per CompiledRules, so each call costs O(affected); the returned
 * array is shared between calls and must not be mutated.
 *
 * @example
 * for (const rule of affectedRules(compiled, 'motherIdNumber')) rule.evaluate(context);
 */
export function affectedRules(compiled: CompiledRules, changedField: string): readonly CompiledRule[] {
  let index = cache.get(compiled);
  if (!index) cache.set(compiled, (index = buildIndex(compiled)));
  return index.get(changedField) ?? [];
}
