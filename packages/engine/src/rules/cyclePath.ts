/**
 * A closed walk through a strongly connected component for a readable message,
 * e.g. `['a', 'b', 'c', 'a']`: depth-first from the component's first key back to it.
 */
export function cyclePath(
  component: readonly string[],
  readsOf: ReadonlyMap<string, readonly string[]>,
): string[] {
  const start = component[0]!;
  const members = new Set(component);
  const seen = new Set<string>();
  const walk = (key: string, path: string[]): string[] | undefined => {
    for (const next of readsOf.get(key) ?? []) {
      if (next === start) return [...path, start];
      if (!members.has(next) || seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]) ?? [...component, start];
}
