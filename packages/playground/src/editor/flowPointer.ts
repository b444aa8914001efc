import { toPointer } from '@onething/engine';
import type { PointerInfo } from './PointerInfo.js';

interface Frame {
  kind: 'obj' | 'arr';
  key: string | undefined;
  index: number;
  expectKey: boolean;
  keys: string[];
}

interface Token {
  kind: 'punct' | 'string' | 'plain';
  start: number;
  end: number;
  /** The token's value: punctuation character, unquoted string or trimmed plain scalar. */
  text: string;
  quote?: '"' | "'";
}

const FLOW_INDICATORS = ',[]{}';

/** Reads the next token at or after `i`, skipping blanks and `#` comments; undefined at the end. */
function nextToken(text: string, i: number): Token | undefined {
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else break;
  }
  if (i >= text.length) return undefined;
  const c = text[i]!;
  if (FLOW_INDICATORS.includes(c) || c === ':') return { kind: 'punct', start: i, end: i + 1, text: c };
  if (c === '"' || c === "'") {
    let j = i + 1;
    let value = '';
    while (j < text.length && text[j] !== c && text[j] !== '\n') {
      if (c === '"' && text[j] === '\\' && j + 1 < text.length) j++;
      value += text[j];
      j++;
    }
    const closed = text[j] === c;
    return { kind: 'string', start: i, end: closed ? j + 1 : j, text: value, quote: c };
  }
  let j = i;
  while (j < text.length && text[j] !== '\n' && !FLOW_INDICATORS.includes(text[j]!)) {
    if (text[j] === ':' && (j + 1 >= text.length || /[\s,[\]{}]/.test(text[j + 1]!))) break;
    if (text[j] === '#' && /\s/.test(text[j - 1] ?? '')) break;
    j++;
  }
  const raw = text.slice(i, j);
  const trimmed = raw.trimEnd();
  return { kind: 'plain', start: i, end: i + trimmed.length, text: trimmed };
}

function framePath(base: readonly (string | number)[], frames: Frame[]): (string | number)[] {
  const path = [...base];
  for (const f of frames) path.push(f.kind === 'arr' ? f.index : (f.key ?? ''));
  return path;
}

/**
 * Pointer at `offset` inside JSON or a YAML flow collection (`{ a: b, c: [d] }`) that starts at `start`;
 * `base` holds the segments of the collection itself. A forgiving scanner rather than a parser, so
 * half-typed text (an unclosed brace, a key without a value) still gives an answer.
 */
export function flowPointer(
  text: string,
  start: number,
  offset: number,
  base: readonly (string | number)[] = [],
): PointerInfo {
  const frames: Frame[] = [];
  let i = start;
  let at: { token: Token | undefined; depth: number; info: PointerInfo } | undefined;
  for (;;) {
    const token = nextToken(text, i);
    if (!at && (!token || token.start >= offset || (token.kind !== 'punct' && token.end >= offset))) {
      const inside = token && token.kind !== 'punct' && token.start < offset ? token : undefined;
      at = { token: inside, depth: frames.length, info: resolve(base, frames, inside, offset) };
    }
    if (!token) break;
    const top = frames[frames.length - 1];
    if (token.kind === 'punct') {
      if (token.text === '{' || token.text === '[') {
        frames.push({
          kind: token.text === '{' ? 'obj' : 'arr',
          key: undefined,
          index: 0,
          expectKey: true,
          keys: [],
        });
      } else if (token.text === '}' || token.text === ']') {
        if (at && frames.length === at.depth) break;
        frames.pop();
      } else if (token.text === ',' && top) {
        if (top.kind === 'arr') top.index++;
        else {
          top.expectKey = true;
          top.key = undefined;
        }
      } else if (token.text === ':' && top?.kind === 'obj') top.expectKey = false;
    } else if (top?.kind === 'obj' && top.expectKey) {
      top.key = token.text;
      if (token !== at?.token) top.keys.push(token.text);
    } else if (frames.length === 0 && at) break;
    i = token.end;
    if (i <= token.start) i = token.start + 1;
  }
  const holder = frames[(at?.depth ?? 1) - 1];
  const info = at!.info;
  if (holder?.kind === 'obj') info.siblings = holder.keys;
  return info;
}

function resolve(
  base: readonly (string | number)[],
  frames: Frame[],
  token: Token | undefined,
  offset: number,
): PointerInfo {
  const top = frames[frames.length - 1];
  const outer = framePath(base, frames.slice(0, -1));
  const from = token?.start ?? offset;
  const to = token?.end ?? offset;
  const prefix = token ? token.text.slice(0, offset - token.start - (token.quote ? 1 : 0)) : '';
  const common = {
    from,
    to,
    prefix,
    siblings: [],
    source: 'flow' as const,
    ...(token?.quote ? { quote: token.quote } : {}),
  };
  if (!top) return { pointer: toPointer(base), onKey: false, ...common };
  if (top.kind === 'arr') return { pointer: toPointer([...outer, top.index]), onKey: false, ...common };
  if (top.expectKey) return { pointer: toPointer([...outer, token?.text ?? '']), onKey: true, ...common };
  return { pointer: toPointer([...outer, top.key ?? '']), onKey: false, ...common };
}
