/**
 * A stable 64-bit FNV-1a hash of a JSON value's canonical form (object keys sorted), as 16 hex digits.
 * Dependency-free and isomorphic: used to fingerprint bundles and flow states, not for security.
 */
export function stableHash(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}

/**
 * JSON with object keys sorted at every level; `undefined` properties are left out and `undefined`
 * array entries become `null`, as JSON.stringify does. Written out directly: a `JSON.stringify`
 * replacer that builds sorted copies costs several times more, and replays hash every state.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined; // undefined, functions and symbols are left out, as JSON.stringify does
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON());
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i]) ?? 'null');
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    out = '{';
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const text = write(record[key]);
      if (text === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
      first = false;
    }
    out += '}';
  }
  return out;
}

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits. */
export function fnv1a64(text: string): string {
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
