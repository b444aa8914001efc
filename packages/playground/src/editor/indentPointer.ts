import { toPointer } from '@onething/engine';
import { flowPointer } from './flowPointer.js';
import type { PointerInfo } from './PointerInfo.js';

/** A block-structure marker of one line: a `key:` or a `- ` sequence entry, at a column. */
interface Entry {
  col: number;
  kind: 'key' | 'dash';
  key: string;
  line: number;
  /** A key with nothing after its colon: its value is on the following lines (maybe a compact `- ` list). */
  open: boolean;
  parent: Entry | undefined;
  index: number;
  dashes: number;
}

interface ParsedLine {
  dashes: number[];
  key?: { col: number; end: number; text: string; quote?: '"' | "'"; open: boolean; valueCol: number };
  /** Column where the content after the dashes (and after `key:`, if any) starts. */
  contentCol: number;
  /** A `|` or `>` block scalar follows. */
  block: boolean;
}

const KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:(?=\s|$)/;

function parseLine(line: string): ParsedLine | undefined {
  const trimmed = line.trim();
  if (
    trimmed === '' ||
    trimmed.startsWith('#') ||
    trimmed === '---' ||
    trimmed === '...' ||
    trimmed.startsWith('%')
  )
    return undefined;
  const dashes: number[] = [];
  let i = line.length - line.trimStart().length;
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const m = KEY.exec(line.slice(i));
  if (!m) return { dashes, contentCol: i, block: false };
  const end = i + m[0].slice(0, -1).trimEnd().length;
  const rest = line.slice(i + m[0].length);
  let valueCol = i + m[0].length;
  while (line[valueCol] === ' ' || line[valueCol] === '\t') valueCol++;
  const value = rest.replace(/(^|\s)#.*$/, '').trim();
  const quote = m[1] !== undefined ? '"' : m[2] !== undefined ? "'" : undefined;
  const text = m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3]!;
  return {
    dashes,
    key: { col: i, end, text, ...(quote ? { quote } : {}), open: value === '', valueCol },
    contentCol: valueCol,
    block: /^[|>][-+0-9]*$/.test(value),
  };
}

/** Walks the lines in order, giving each entry its parent (by indentation) and each `- ` its index. */
class Outline {
  private readonly stack: Entry[] = [];
  readonly entries: Entry[] = [];

  place(col: number, kind: Entry['kind'], key: string, line: number, open: boolean): Entry {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top || top.col < col) break;
      if (top.col === col && kind === 'dash' && top.kind === 'key' && top.open) break;
      this.stack.pop();
    }
    const parent = this.stack[this.stack.length - 1];
    const entry: Entry = { col, kind, key, line, open, parent, index: 0, dashes: 0 };
    if (kind === 'dash') entry.index = parent ? parent.dashes++ : this.rootDashes++;
    this.stack.push(entry);
    this.entries.push(entry);
    return entry;
  }

  private rootDashes = 0;

  addLine(parsed: ParsedLine, line: number): void {
    for (const col of parsed.dashes) this.place(col, 'dash', '', line, false);
    if (parsed.key) this.place(parsed.key.col, 'key', parsed.key.text, line, parsed.key.open);
  }
}

function pathOf(entry: Entry | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let e = entry; e; e = e.parent) path.unshift(e.kind === 'dash' ? e.index : e.key);
  return path;
}

function outlineOf(lines: string[], upTo: number): Outline {
  const outline = new Outline();
  let blockCol = -1;
  for (let n = 0; n < upTo; n++) {
    const line = lines[n]!;
    const indent = line.length - line.trimStart().length;
    if (blockCol >= 0 && (line.trim() === '' || indent > blockCol)) continue;
    blockCol = -1;
    const parsed = parseLine(line);
    if (!parsed) continue;
    outline.addLine(parsed, n);
    if (parsed.block) blockCol = parsed.key?.col ?? parsed.dashes[parsed.dashes.length - 1] ?? indent;
  }
  return outline;
}

/** Keys whose container is `container`, on lines other than `skipLine`. */
function siblingsOf(lines: string[], container: string, skipLine: number): string[] {
  const outline = outlineOf(lines, lines.length);
  return outline.entries
    .filter((e) => e.kind === 'key' && e.line !== skipLine && toPointer(pathOf(e.parent)) === container)
    .map((e) => e.key);
}

/**
 * Pointer at `offset` in block YAML read from indentation alone: for half-typed documents whose syntax
 * tree is broken (a key without its colon, a dangling `- `), and for blank positions where a key will go.
 */
export function indentPointer(text: string, offset: number): PointerInfo {
  const lines = text.split('\n');
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineNo = text.slice(0, lineStart).split('\n').length - 1;
  const line = lines[lineNo] ?? '';
  const col = offset - lineStart;
  const outline = outlineOf(lines, lineNo);
  const parsed = parseLine(line) ?? { dashes: [], contentCol: line.length, block: false };
  for (const d of parsed.dashes) if (d < col) outline.place(d, 'dash', '', lineNo, false);
  const lastDash = parsed.dashes.filter((d) => d < col).pop();
  const base = { siblings: [] as string[], source: 'indent' as const };

  if (parsed.key && col >= parsed.key.col) {
    const k = parsed.key;
    const entry = outline.place(k.col, 'key', k.text, lineNo, k.open);
    const path = pathOf(entry);
    if (col <= k.end) {
      const container = toPointer(path.slice(0, -1));
      const prefix = k.text.slice(0, Math.max(0, col - k.col - (k.quote ? 1 : 0)));
      const siblings = siblingsOf(lines, container, lineNo);
      return {
        ...base,
        pointer: toPointer(path),
        onKey: true,
        from: lineStart + k.col,
        to: lineStart + k.end,
        prefix,
        siblings,
        ...quoted(k.quote),
      };
    }
    return valueAt(text, lineStart, line, k.valueCol, offset, path);
  }
  const contentCol = Math.min(parsed.contentCol, col);
  const content = line
    .slice(parsed.contentCol)
    .replace(/(^|\s)#.*$/, '')
    .trimEnd();
  if (lastDash !== undefined && col >= parsed.contentCol) {
    const dash = outline.entries[outline.entries.length - 1]!;
    if (/^[[{]/.test(content)) return valueAt(text, lineStart, line, parsed.contentCol, offset, pathOf(dash));
    const info = valueAt(text, lineStart, line, parsed.contentCol, offset, pathOf(dash));
    return { ...info, maybeKey: true, siblings: siblingsOf(lines, info.pointer, lineNo) };
  }
  const parent = outline.place(contentCol, 'key', '', lineNo, true).parent;
  const word = col >= parsed.contentCol ? content : '';
  const container = toPointer(pathOf(parent));
  return {
    ...base,
    pointer: toPointer([...pathOf(parent), word]),
    onKey: true,
    from: lineStart + (col >= parsed.contentCol ? parsed.contentCol : col),
    to: lineStart + (col >= parsed.contentCol ? parsed.contentCol + content.length : col),
    prefix: word.slice(0, Math.max(0, col - parsed.contentCol)),
    siblings: siblingsOf(lines, container, lineNo),
  };
}

function quoted(quote: '"' | "'" | undefined): { quote?: '"' | "'" } {
  return quote ? { quote } : {};
}

/** The scalar (or flow collection) value that starts at `valueCol` on the cursor's line. */
function valueAt(
  text: string,
  lineStart: number,
  line: string,
  valueCol: number,
  offset: number,
  path: (string | number)[],
): PointerInfo {
  const first = line[valueCol];
  if (first === '{' || first === '[') return flowPointer(text, lineStart + valueCol, offset, path);
  const value = line
    .slice(valueCol)
    .replace(/(^|\s)#.*$/, '')
    .trimEnd();
  const quote = first === '"' || first === "'" ? first : undefined;
  const col = offset - lineStart;
  const inner = value.slice(quote ? 1 : 0);
  return {
    pointer: toPointer(path),
    onKey: false,
    from: lineStart + valueCol,
    to: lineStart + valueCol + value.length,
    prefix: inner.slice(0, Math.max(0, col - valueCol - (quote ? 1 : 0))),
    siblings: [],
    source: 'indent',
    ...quoted(quote),
  };
}
