/**
 * A stable 64-bit FNV-1a hash of a JSON value's canonical form (object keys sorted), as 16 hex digits.
 * Dependency-free and isomorphic: used to fingerprint bundles and flow states, not for security.
 */
export function stableHash(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}

/** JSON with object keys sorted at every level; `undefined` properties are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }) ?? 'null'
  );
}

function fnv1a64(text: string): string {
  // Two 32-bit halves of the 64-bit FNV state: JavaScript numbers are exact only to 2^53.
  let h1 = 0xcbf29ce4;
  let h0 = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    h0 = (h0 ^ text.charCodeAt(i)) >>> 0;
    // Multiply by the FNV prime 2^40 + 0x1b3, split across the halves.
    const l = h0 * 0x1b3;
    const h = h1 * 0x1b3 + h0 * 0x100;
    h0 = l >>> 0;
    h1 = (h + Math.floor(l / 0x100000000)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h0.toString(16).padStart(8, '0');
}
