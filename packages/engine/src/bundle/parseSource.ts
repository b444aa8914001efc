import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { fromPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** Largest source the loader accepts; anything bigger is almost certainly not a bundle. */
export const MAX_SOURCE_BYTES = 5_000_000;

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
      diagnostics: [createDiagnostic('SOURCE_TOO_LARGE', { params: { size: text.length, limit: MAX_SOURCE_BYTES } })],
    };
  }
  if (text.trim() === '') {
    return { value: undefined, format, diagnostics: [createDiagnostic('SOURCE_EMPTY', { line: 1, column: 1 })] };
  }
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    return {
      value: undefined,
      format,
      diagnostics: [createDiagnostic(format === 'json' ? 'SYNTAX_JSON' : 'SYNTAX_YAML', { params: { detail: describe(error) } })],
    };
  }
  const locator = createLocator(doc, lines, text);
  if (format === 'json') diagnostics.push(...jsonSyntax(text, locator));
  for (const error of doc.errors) {
    const at = locator.position(error.pos[0]);
    const code = error.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : format === 'json' ? 'SYNTAX_JSON' : 'SYNTAX_YAML';
    const key = code === 'DUPLICATE_KEY' ? text.slice(error.pos[0], error.pos[1]).replace(/^["']|["']$/g, '') : undefined;
    const params = code === 'DUPLICATE_KEY' ? { key } : { detail: firstLine(error.message) };
    // JSON.parse already reported a syntax error with a precise message; avoid a second one for the same spot.
    if (code === 'SYNTAX_JSON' && diagnostics.some((d) => d.code === 'SYNTAX_JSON')) continue;
    diagnostics.push(createDiagnostic(code, { params, line: at.line, column: at.column }));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { value: undefined, format, diagnostics, locator };
  try {
    const value = doc.toJS({ maxAliasCount: 100 });
    return { value, format, diagnostics, locator };
  } catch (error) {
    diagnostics.push(createDiagnostic(format === 'json' ? 'SYNTAX_JSON' : 'SYNTAX_YAML', { params: { detail: describe(error) } }));
    return { value: undefined, format, diagnostics, locator };
  }
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
  if (error instanceof RangeError) return 'nesting too deep';
  return error instanceof Error ? firstLine(error.message) : String(error);
}
