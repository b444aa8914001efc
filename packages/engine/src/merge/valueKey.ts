/**
 * A string that is equal for two JSON values exactly when JSON Schema calls them equal
 * (enum/const comparison): `1` and `"1"` differ, objects compare by content.
 */
export function valueKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return `${typeof value}:${String(value)}`;
  try {
    return `json:${JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    )}`;
  } catch {
    return `object:${String(value)}`;
  }
}
