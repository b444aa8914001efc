import { fnv1a64 } from '../flow/stableHash.js';

/**
 * A digest of a JSON value built like a Merkle tree: each object or array is hashed from its sorted
 * keys and its children's digests, never from its whole text. With a `memo` shared across a run of
 * states, objects already digested are not walked again, so a replay digests only what each decision
 * changed (the decider copies on write; states must not change afterwards).
 *
 * @example
 * const memo = new WeakMap();
 * const a = stateDigest(state1, memo), b = stateDigest(state2, memo); // state2 reuses state1's parts
 */
export function stateDigest(value: unknown, memo?: WeakMap<object, string>): string {
  return nodeDigest(value, memo ?? new WeakMap()).slice(1);
}

function nodeDigest(value: unknown, memo: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const known = memo.get(value);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(value)) {
    // Lists of scalars (the seen event ids) are written in one native call.
    if (value.every((v) => v === null || typeof v !== 'object')) text = JSON.stringify(value);
    else {
      text = '[';
      for (let i = 0; i < value.length; i++) text += `${i > 0 ? ',' : ''}${nodeDigest(value[i], memo)}`;
    }
  } else {
    const record = value as Record<string, unknown>;
    text = '{';
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      text += `${JSON.stringify(key)}:${nodeDigest(record[key], memo)},`;
    }
  }
  // `#` marks a digest among the JSON texts of scalars, so a string can never pass for an object.
  const digest = `#${fnv1a64(text)}`;
  memo.set(value, digest);
  return digest;
}
