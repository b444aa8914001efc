import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { toPointer } from '@onething/engine';
import { flowPointer } from './flowPointer.js';
import { indentPointer } from './indentPointer.js';
import { parseYaml } from './parseYaml.js';
import type { PointerInfo } from './PointerInfo.js';

export type { PointerInfo } from './PointerInfo.js';

/**
 * The JSON Pointer of the node at a cursor offset, and whether the cursor is on a key. Never throws.
 *
 * YAML is read with `yaml`'s syntax tree when the cursor is inside a scalar of a line without syntax
 * errors, and from indentation otherwise (half-typed keys, blank lines where a key will go). JSON is read
 * with a forgiving scanner, so an unclosed brace or a key without its value still gives an answer.
 *
 * @example
 * With `fast`, YAML is read from indentation only (no full parse), for completion while typing in a
 * large document.
 *
 * @example
 * pointerAt('fields:\n  age:\n    ty', 22, 'yaml'); // { pointer: '/fields/age/ty', onKey: true, prefix: 'ty', … }
 */
export function pointerAt(
  text: string,
  offset: number,
  format: 'yaml' | 'json',
  options: { fast?: boolean } = {},
): PointerInfo {
  const at = Math.max(0, Math.min(offset, text.length));
  if (format === 'json') return flowPointer(text, 0, at);
  // `fast`: indentation only — a full parse of a large bundle on every keystroke would hold up typing.
  return (options.fast ? undefined : astPointer(text, at)) ?? indentPointer(text, at);
}

function astPointer(text: string, offset: number): PointerInfo | undefined {
  const { doc, lines } = parseYaml(text);
  const cursorLine = lines.linePos(offset).line;
  if (
    doc.errors.some(
      (e) => lines.linePos(e.pos[0]).line === cursorLine || lines.linePos(e.pos[1]).line === cursorLine,
    )
  )
    return undefined;
  return visit(doc.contents as Node | null, [], offset, text);
}

function contains(node: Node | null | undefined, offset: number): node is Node {
  const range = node?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

function scalarInfo(
  node: Node,
  path: (string | number)[],
  onKey: boolean,
  offset: number,
  siblings: string[],
): PointerInfo {
  const [from, to] = node.range!;
  const quote = isScalar(node)
    ? node.type === 'QUOTE_DOUBLE'
      ? '"'
      : node.type === 'QUOTE_SINGLE'
        ? "'"
        : undefined
    : undefined;
  const source =
    isScalar(node) && typeof node.source === 'string'
      ? node.source
      : String((node as { value?: unknown }).value ?? '');
  return {
    pointer: toPointer(path),
    onKey,
    from,
    to,
    prefix: source.slice(0, Math.max(0, offset - from - (quote ? 1 : 0))),
    ...(quote ? { quote } : {}),
    siblings,
    source: 'ast',
  };
}

function keyEnd(key: unknown): number {
  return (key as Node | null)?.range?.[1] ?? 0;
}

function visit(
  node: Node | null,
  path: (string | number)[],
  offset: number,
  text: string,
): PointerInfo | undefined {
  if (isMap(node)) {
    const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k !== '');
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (contains(pair.key as Node, offset) && isScalar(pair.key)) {
        return scalarInfo(
          pair.key,
          [...path, key],
          true,
          offset,
          keys.filter((k) => k !== key),
        );
      }
      const value = pair.value as Node | null;
      if (contains(value, offset)) {
        // A plain value on a line below its key is a half-typed key (`age:⏎  ty`): indentation knows better.
        if (isScalar(value) && value.type === 'PLAIN' && keyEnd(pair.key) < value.range![0]) {
          if (text.slice(keyEnd(pair.key), value.range![0]).includes('\n')) return undefined;
        }
        if (isScalar(value) && value.value === null && text.slice(keyEnd(pair.key), offset).includes('\n'))
          return undefined;
        const found = visit(value, [...path, key], offset, text);
        if (found) return found;
        if (isScalar(value)) return scalarInfo(value, [...path, key], false, offset, []);
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (!contains(item as Node, offset)) continue;
      const found = visit(item as Node, [...path, i], offset, text);
      // `- nam` in a block list may be the first key of an object entry being typed.
      if (found && isScalar(item) && item.type === 'PLAIN' && !node.flow) return { ...found, maybeKey: true };
      return found;
    }
    return undefined;
  }
  if (isScalar(node) && contains(node, offset)) return scalarInfo(node, path, false, offset, []);
  return undefined;
}
