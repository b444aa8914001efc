import type { Bundle } from './types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/**
 * Report each cycle in the items' `dependsOn` graph once, at the `dependsOn` entry that closes it.
 * Unknown ids are ignored here (checkReferences reports them).
 */
export function checkDependencyCycles(bundle: Bundle): Diagnostic[] {
  const index = new Map(bundle.items.map((item, i) => [item.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const diagnostics: Diagnostic[] = [];

  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    const i = index.get(id)!;
    (bundle.items[i]!.dependsOn ?? []).forEach((dep, d) => {
      if (!index.has(dep)) return;
      const s = state.get(dep);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        diagnostics.push(
          createDiagnostic('DEPENDENCY_CYCLE', {
            path: `/items/${i}/dependsOn/${d}`,
            params: { cycle: cycle.join(' → ') },
          }),
        );
      } else if (s === undefined) visit(dep);
    });
    stack.pop();
    state.set(id, 'done');
  };

  for (const item of bundle.items) if (!state.has(item.id)) visit(item.id);
  return diagnostics;
}

/** All transitive prerequisites of each item (cycle-safe). */
export function transitiveDependencies(bundle: Bundle): Map<string, Set<string>> {
  const direct = new Map(bundle.items.map((item) => [item.id, item.dependsOn ?? []]));
  const result = new Map<string, Set<string>>();
  for (const item of bundle.items) {
    const seen = new Set<string>();
    const todo = [...(direct.get(item.id) ?? [])];
    while (todo.length) {
      const next = todo.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(direct.get(next) ?? []));
    }
    seen.delete(item.id);
    result.set(item.id, seen);
  }
  return result;
}
