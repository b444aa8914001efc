import type { Text } from '@codemirror/state';

/** Where a diagnostic is underlined: character offsets into the document. */
export interface TextRange {
  from: number;
  to: number;
}

const TOKEN_CHAR = /[^\s,:{}[\]#]/u;

/**
 * The range a diagnostic at 1-based `line`/`column` covers in `doc`: the token that starts there (a quoted
 * string up to its closing quote, or a run of non-punctuation), else the rest of the line. Lines past the
 * end go to the last line, columns past the end of a line to the line's text; a diagnostic without a
 * position marks the first line.
 */
export function diagnosticRange(doc: Text, line: number | undefined, column: number | undefined): TextRange {
  const lineNo = Math.min(Math.max(1, Math.floor(line ?? 1)), doc.lines);
  const l = doc.line(lineNo);
  const text = l.text;
  const indent = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end === 0) return { from: l.from, to: l.from };
  let col = line === undefined ? indent : Math.min(Math.max(0, Math.floor(column ?? 1) - 1), text.length);
  if (col >= end || /\s/.test(text[col]!)) {
    // Past the text or on a blank: the rest of the line, or the whole line when nothing is left.
    const next = text.slice(col).search(/\S/);
    if (next < 0 || col + next >= end) return { from: l.from + indent, to: l.from + end };
    col += next;
  }
  const quote = text[col];
  let to = col + 1;
  if (quote === '"' || quote === "'") {
    while (to < end && text[to] !== quote) to += text[to] === '\\' && quote === '"' ? 2 : 1;
    to = Math.min(to + 1, end);
  } else if (TOKEN_CHAR.test(text[col]!)) {
    while (
      to < end &&
      (TOKEN_CHAR.test(text[to]!) || (text[to] === ' ' && TOKEN_CHAR.test(text[to + 1] ?? ' ')))
    )
      to++;
  }
  return { from: l.from + col, to: l.from + to };
}
