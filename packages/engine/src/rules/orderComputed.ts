import type { CompiledRule } from '../compile/types.js';

/** Computed fields in dependency order, and the cycles that have no order. */
export interface ComputedOrder {
  /** Each key after the computed keys it reads; keys on a cycle are left out. */
  order: string[];
  /** Each cycle as its keys, starting from the first in document order. */
  cycles: string[][];
}

/**
 * Order computed fields so each is computed after the computed fields it reads
 * (Tarjan's strongly connected components, which come out in reverse topological order).
 */
export function orderComputed(computed: readonly CompiledRule[]): ComputedOrder {
  const readsOf = new Map(computed.map((r) => [r.target, r.reads] as const));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const order: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (key: string): void => {
    index.set(key, counter);
    low.set(key, counter++);
    stack.push(key);
    onStack.add(key);
    for (const dep of readsOf.get(key) ?? []) {
      if (!readsOf.has(dep)) continue;
      if (!index.has(dep)) {
        visit(dep);
        low.set(key, Math.min(low.get(key)!, low.get(dep)!));
      } else if (onStack.has(dep)) low.set(key, Math.min(low.get(key)!, index.get(dep)!));
    }
    if (low.get(key) !== index.get(key)) return;
    const component: string[] = [];
    let top: string;
    do {
      top = stack.pop()!;
      onStack.delete(top);
      component.push(top);
    } while (top !== key);
    const selfLoop = component.length === 1 && (readsOf.get(key) ?? []).includes(key);
    if (component.length > 1 || selfLoop) cycles.push(component);
    else order.push(key);
  };

  for (const rule of computed) if (!index.has(rule.target)) visit(rule.target);
  const position = new Map(computed.map((r, i) => [r.target, i] as const));
  for (const cycle of cycles) cycle.sort((a, b) => position.get(a)! - position.get(b)!);
  return { order, cycles };
}
