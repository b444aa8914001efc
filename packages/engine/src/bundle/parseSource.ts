import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { fromPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { indexJson } from './indexJson.js';
import { MAX_DEPTH } from './sanitizeValue.js';

/** Largest source the loader accepts; anything bigger is almost certainly not a bundle. */
export const MAX_SOURCE_BYTES = 5_000_000;

/** After this many parser errors the rest are cascades of the first ones (an unclosed `[` yields one per line). */
const MAX_SYNTAX_DIAGNOSTICS = 20;

export interface SourcePosition {
  line: number;
  column: number;
  /** 0-based character offset. */
  offset: number;
}

/** Maps JSON Pointers of the parsed value back to positions in the text. */
export interface SourceLocator {
  /** Position of the value at `pointer` (or of its key with `key: true`); the deepest existing ancestor otherwise. */
  locate(pointer: string, options?: { key?: boolean }): SourcePosition | undefined;
  /** The raw text of the scalar at `pointer`, with its start offset (for positions inside CEL expressions). */
  scalarSource(pointer: string): { text: string; offset: number } | undefined;
  /** Position of a character offset. */
  position(offset: number): SourcePosition;
}

export interface ParsedSource {
  value: unknown;
  format: 'json' | 'yaml';
  diagnostics: Diagnostic[];
  locator?: SourceLocator;
}

function detectFormat(text: string, fileName?: string): 'json' | 'yaml' {
  if (fileName) {
    if (/\.json$/i.test(fileName)) return 'json';
    if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  }
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function createLocator(doc: Document, lines: LineCounter, text: string): SourceLocator {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col, offset };
  };
  const find = (pointer: string): { node: Node | null; key: Node | null } => {
    let node = doc.contents as Node | null;
    let key: Node | null = null;
    for (const segment of fromPointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        key = pair.key as Node;
        node = (pair.value as Node | null) ?? key;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!item || !/^\d+$/.test(segment)) break;
        key = null;
        node = item as Node;
      } else break;
    }
    return { node, key };
  };
  return {
    position,
    locate(pointer, options) {
      const { node, key } = find(pointer);
      const target = options?.key && key ? key : node;
      const start = target?.range?.[0];
      return start === undefined ? undefined : position(start);
    },
    scalarSource(pointer) {
      const { node } = find(pointer);
      if (!isScalar(node) || !node.range) return undefined;
      return { text: text.slice(node.range[0], node.range[1]), offset: node.range[0] };
    },
  };
}

/**
 * Parse bundle text (JSON or YAML) into a plain value plus a locator for line/column lookups.
 * Never throws: syntax problems come back as diagnostics with positions.
 */
export function parseSource(text: string, options: { fileName?: string } = {}): ParsedSource {
  const format = detectFormat(text, options.fileName);
  if (text.length > MAX_SOURCE_BYTES) {
    return {
      value: undefined,
      format,
      diagnostics: [
        createDiagnostic('SOURCE_TOO_LARGE', { params: { size: text.length, limit: MAX_SOURCE_BYTES } }),
      ],
    };
  }
  if (text.trim() === '') {
    return {
      value: undefined,
      format,
      diagnostics: [createDiagnostic('SOURCE_EMPTY', { line: 1, column: 1 })],
    };
  }
  if (format === 'json') {
    const fast = parseJson(text);
    if (fast) return fast;
  }
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let doc: Document;
  try {
    // logLevel 'error': yaml would otherwise print warnings (e.g. on complex keys) to the host's console.
    doc = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      logLevel: 'error',
    });
  } catch (error) {
    return { value: undefined, format, diagnostics: [syntaxDiagnostic(format, error)] };
  }
  const locator = createLocator(doc, lines, text);
  if (format === 'json') diagnostics.push(...jsonSyntax(text, locator));
  for (const error of doc.errors.slice(0, MAX_SYNTAX_DIAGNOSTICS)) {
    const at = locator.position(error.pos[0]);
    if (isStackOverflow(error.message)) {
      // One per document is enough: the parser reports the overflow again for each enclosing node.
      if (!diagnostics.some((d) => d.code === 'NESTING_TOO_DEEP'))
        diagnostics.push(syntaxDiagnostic(format, new RangeError(error.message), at));
      continue;
    }
    const code =
      error.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : format === 'json' ? 'SYNTAX_JSON' : 'SYNTAX_YAML';
    const key =
      code === 'DUPLICATE_KEY'
        ? text.slice(error.pos[0], error.pos[1]).replace(/^["']|["']$/g, '')
        : undefined;
    const params = code === 'DUPLICATE_KEY' ? { key } : { detail: firstLine(error.message) };
    // JSON.parse already reported a syntax error with a precise message; avoid a second one for the same spot.
    if (code === 'SYNTAX_JSON' && diagnostics.some((d) => d.code === 'SYNTAX_JSON')) continue;
    diagnostics.push(createDiagnostic(code, { params, line: at.line, column: at.column }));
  }
  if (diagnostics.some((d) => d.severity === 'error'))
    return { value: undefined, format, diagnostics, locator };
  try {
    const value = doc.toJS({ maxAliasCount: 100 });
    return { value, format, diagnostics, locator };
  } catch (error) {
    diagnostics.push(syntaxDiagnostic(format, error));
    return { value: undefined, format, diagnostics, locator };
  }
}

/** The parser's stack overflowed: the text nests far past anything a bundle needs. */
function isStackOverflow(message: string): boolean {
  return /call stack|too much recursion/i.test(message);
}

/** A diagnostic for an exception thrown while parsing: a stack overflow is reported as NESTING_TOO_DEEP. */
function syntaxDiagnostic(format: 'json' | 'yaml', error: unknown, at?: SourcePosition): Diagnostic {
  const position = at ? { line: at.line, column: at.column } : {};
  if (error instanceof RangeError || (error instanceof Error && isStackOverflow(error.message)))
    return createDiagnostic('NESTING_TOO_DEEP', { params: { limit: MAX_DEPTH }, ...position });
  return createDiagnostic(format === 'json' ? 'SYNTAX_JSON' : 'SYNTAX_YAML', {
    params: { detail: describe(error) },
    ...position,
  });
}

/** Offsets → 1-based line/column, by binary search over line starts. */
function positionFinder(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  };
}

/**
 * Valid JSON takes a fast path: JSON.parse plus one indexing pass for positions and duplicate keys.
 * Returns undefined for invalid JSON, which then goes through the YAML parser for its diagnostics.
 */
function parseJson(text: string): ParsedSource | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { positions, duplicates } = indexJson(text);
  const position = positionFinder(text);
  const find = (pointer: string) => {
    let current = pointer;
    for (;;) {
      const found = positions.get(current);
      if (found || current === '') return { found, exact: current === pointer };
      current = current.slice(0, current.lastIndexOf('/'));
    }
  };
  const locator: SourceLocator = {
    position,
    locate(pointer, options) {
      const { found, exact } = find(pointer);
      if (!found) return undefined;
      return position(options?.key && exact && found.key !== undefined ? found.key : found.value);
    },
    scalarSource(pointer) {
      const found = positions.get(pointer);
      if (!found || text[found.value] !== '"') return undefined;
      let end = found.value + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      return { text: text.slice(found.value, end + 1), offset: found.value };
    },
  };
  const diagnostics = duplicates.map(({ key, offset }) => {
    const at = position(offset);
    return createDiagnostic('DUPLICATE_KEY', { params: { key }, line: at.line, column: at.column });
  });
  return { value: diagnostics.length > 0 ? undefined : value, format: 'json', diagnostics, locator };
}

/** JSON is checked with JSON.parse too: YAML accepts things JSON does not (comments, single quotes, trailing commas). */
function jsonSyntax(text: string, locator: SourceLocator): Diagnostic[] {
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    const message = describe(error);
    const match = /position (\d+)/.exec(message);
    const at = match ? locator.position(Math.min(Number(match[1]), text.length)) : undefined;
    return [
      createDiagnostic('SYNTAX_JSON', {
        params: { detail: message.replace(/^JSON\.parse: /, '') },
        ...(at ? { line: at.line, column: at.column } : {}),
      }),
    ];
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function describe(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}
