const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bytes → base64url without padding (RFC 4648 §5), the alphabet safe in a URL fragment. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * base64url (padding optional) → bytes; or the index of the first character that cannot be one
 * (a length of 1 mod 4 cannot come from any bytes: reported at its end).
 */
export function fromBase64url(text: string): Uint8Array | { invalidAt: number } {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return { invalidAt: body.length };
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    const v = VALUES.get(body[i]!);
    if (v === undefined) return { invalidAt: i };
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
