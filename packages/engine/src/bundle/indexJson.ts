import { toPointer } from '../diagnostics/jsonPointer.js';
import { MAX_DEPTH } from './sanitizeValue.js';

/** Where each value (and its key) of a JSON text starts, by JSON Pointer, plus duplicate keys found. */
export interface JsonIndex {
  positions: Map<string, { value: number; key?: number }>;
  duplicates: Array<{ key: string; offset: number }>;
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * One linear pass over *valid* JSON text (run it after `JSON.parse` succeeded) recording the offset of
 * every value by JSON Pointer and every duplicate key — JSON.parse silently keeps the last duplicate,
 * and parsing JSON with a YAML parser just for positions is ~50× slower. Containers nested deeper than
 * `maxDepth` are stepped over without recursion (the loader rejects them anyway), so a hostile
 * `[[[[…]]]]` neither overflows the stack nor costs time quadratic in its depth.
 */
export function indexJson(text: string, maxDepth: number = MAX_DEPTH): JsonIndex {
  const positions = new Map<string, { value: number; key?: number }>();
  const duplicates: JsonIndex['duplicates'] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const skipString = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
  };
  const readString = (): string => {
    const start = i;
    skipString();
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipContainer = (): void => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      i++;
    } while (i < text.length && depth > 0);
  };
  const value = (path: Array<string | number>, keyOffset?: number): void => {
    skip();
    const entry: { value: number; key?: number } = { value: i };
    if (keyOffset !== undefined) entry.key = keyOffset;
    positions.set(toPointer(path), entry);
    const c = text[i];
    if ((c === '{' || c === '[') && path.length >= maxDepth) skipContainer();
    else if (c === '{') {
      i++;
      const seen = new Set<string>();
      skip();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skip();
        const at = i;
        const key = readString();
        if (seen.has(key)) duplicates.push({ key, offset: at });
        seen.add(key);
        skip();
        i++; // ':'
        value([...path, key], at);
        skip();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value([...path, n]);
        skip();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') readString();
    else
      while (i < text.length && !WS.has(text[i]!) && text[i] !== ',' && text[i] !== '}' && text[i] !== ']')
        i++;
  };
  value([]);
  return { positions, duplicates };
}
