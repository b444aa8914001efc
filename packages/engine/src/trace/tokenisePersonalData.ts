import type { Bundle, PersonalDataKind } from '../bundle/types.js';
import type { MergedForm } from '../compile/types.js';
import { OnethingError } from '../diagnostics/OnethingError.js';
import type { FlowInput } from '../flow/types.js';
import { collectPersonalValues } from './collectPersonalValues.js';
import { createHmacSha256 } from './hmacSha256.js';
import { personalToken, type Draw } from './personalToken.js';

/** Personal values shorter than this are left alone: too likely to equal a code like `"1"`. */
const MIN_LENGTH = 2;
/** Values at least this long are also replaced inside longer strings (messages quoting them). */
const MIN_EMBEDDED_LENGTH = 6;
/** Re-draws avoiding every original value; then only other tokens must be avoided. */
const CLEAN_ATTEMPTS = 64;
const MAX_ATTEMPTS = 4096;
const MAX_DEPTH = 200;

/** The token table of one trace and the function that applies it. */
export interface PersonalDataTokens {
  /** Original value → token. */
  readonly table: ReadonlyMap<string, string>;
  /** A copy of `value` with every personal string replaced by its token (`value` itself when the table is empty). */
  apply<T>(value: T): T;
}

/** A keyed stream of draws for one value and attempt: HMAC blocks, two bytes per draw. */
function keyedDraw(hmac: (message: string) => Uint8Array, seed: string): Draw {
  let block = 0;
  let bytes = hmac(`${seed}\u0000${block}`);
  let offset = 0;
  return (n) => {
    if (offset + 2 > bytes.length) {
      bytes = hmac(`${seed}\u0000${++block}`);
      offset = 0;
    }
    const word = (bytes[offset]! << 8) | bytes[offset + 1]!;
    offset += 2;
    return word % n;
  };
}

/** Every string in the bundle (ids, enum codes, labels): never personal, never a token. */
function bundleStrings(bundle: Bundle | undefined): Set<string> {
  const strings = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (typeof node === 'string') strings.add(node);
    else if (typeof node === 'object' && node !== null && depth < MAX_DEPTH) {
      for (const [key, value] of Object.entries(node)) {
        strings.add(key);
        visit(value, depth + 1);
      }
    }
  };
  visit(bundle, 0);
  return strings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * Tokenise personal data for a trace. The table is built from the personal fields (format
 * `cn-id-card` / `cn-mobile`, or `personal` set; list entries too) of the data in `submit`,
 * `precheck` and `answerCorrection` inputs; `apply` then replaces every string equal to a personal
 * value anywhere (inputs, effects, state), and long values also where a message quotes them, so
 * replaying the tokenised inputs reproduces the tokenised effects.
 *
 * Tokens are format-preserving (an ID number keeps province, birth date, gender and a correct check
 * digit; a mobile its first three digits; a name its length in common Han characters; an address
 * becomes `某地址…`), derived with HMAC-SHA-256 under `key`: equal values give equal tokens, distinct
 * values distinct tokens, and without the key a token cannot be traced back. Strings that occur in
 * the bundle itself (codes, ids, labels) are never treated as personal.
 *
 * @example
 * const tokens = tokenisePersonalData(compiled, inputs, secret);
 * const safeEffects = tokens.apply(decision.effects);
 */
export function tokenisePersonalData(
  compiled: { form: MergedForm; bundle?: Bundle },
  inputs: readonly FlowInput[],
  key: string,
): PersonalDataTokens {
  if (typeof key !== 'string' || key.length === 0) {
    throw new OnethingError('TRACE_KEY_MISSING', 'tokenisePersonalData needs a non-empty secret `key`.');
  }
  const reserved = bundleStrings(compiled.bundle);
  const found = [...collectPersonalValues(compiled.form, inputs)]
    .filter(([value]) => value.length >= MIN_LENGTH && !reserved.has(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const originals = new Set(found.map(([value]) => value));
  const used = new Set<string>();
  const hmac = createHmacSha256(key);
  const table = new Map<string, string>();
  for (const [value, kind] of found) {
    const free = (token: string) => token !== value && !used.has(token) && !reserved.has(token);
    const token = drawToken(value, kind, hmac, free, originals);
    used.add(token);
    table.set(value, token);
  }
  return { table, apply: createApply(table) };
}

function drawToken(
  value: string,
  kind: PersonalDataKind,
  hmac: (message: string) => Uint8Array,
  free: (token: string) => boolean,
  originals: ReadonlySet<string>,
): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const token = personalToken(value, kind, keyedDraw(hmac, `${kind}\u0000${attempt}\u0000${value}`));
    // A token equal to another original value is acceptable only once the clean space looks spent
    // (very short values): the table stays injective either way.
    if (free(token) && (attempt >= CLEAN_ATTEMPTS || !originals.has(token))) return token;
  }
  // The format's whole space is taken (hundreds of one-letter values): fall back to a plain hash.
  let attempt = 0;
  for (;;) {
    const bytes = hmac(`fallback\u0000${attempt++}\u0000${value}`);
    const token = `#${Array.from(bytes.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (free(token)) return token;
  }
}

function createApply(table: ReadonlyMap<string, string>): <T>(value: T) => T {
  const embedded = [...table.keys()]
    .filter((v) => v.length >= MIN_EMBEDDED_LENGTH)
    .sort((a, b) => b.length - a.length);
  const pattern = embedded.length > 0 ? new RegExp(embedded.map(escapeRegExp).join('|'), 'g') : undefined;
  const replaceString = (text: string): string => {
    const exact = table.get(text);
    if (exact !== undefined) return exact;
    return pattern && text.length > MIN_EMBEDDED_LENGTH
      ? text.replace(pattern, (m) => table.get(m) ?? m)
      : text;
  };
  const visit = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return replaceString(node);
    if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return node;
    if (Array.isArray(node)) return node.map((entry) => visit(entry, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // defineProperty: a `__proto__` key from the data must stay a plain key, not a prototype.
      Object.defineProperty(out, key, {
        value: visit(value, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return <T>(value: T) => (table.size === 0 ? value : (visit(value, 0) as T));
}
