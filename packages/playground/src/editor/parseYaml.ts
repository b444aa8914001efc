import { LineCounter, parseDocument, type Document } from 'yaml';

let last: { text: string; doc: Document; lines: LineCounter } | undefined;

/**
 * `yaml`'s syntax tree of a text, with its line counter, remembered for the last text: parsing a
 * 1,500-line bundle takes about 100 ms, and completion reads the same text twice (pointer, then the
 * bundle's own keys), hover once more.
 */
export function parseYaml(text: string): { doc: Document; lines: LineCounter } {
  if (last?.text !== text) {
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      keepSourceTokens: true,
      lineCounter: lines,
      logLevel: 'silent',
      uniqueKeys: false,
    });
    last = { text, doc, lines };
  }
  return last;
}
