import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import type { Extension } from '@codemirror/state';
import {
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { schemaCompletion } from './schemaCompletion.js';
import { schemaHover } from './schemaHover.js';
import type { JsonSchema } from './schemaAt.js';

/** The syntax highlighting for a format (the editor swaps it in a compartment). */
export function languageFor(format: 'yaml' | 'json'): Extension {
  return format === 'json' ? json() : yaml();
}

/**
 * Everything the bundle editor has besides its document, language and labels: line numbers, history,
 * search, bracket matching, folding, lint gutter, schema completion and hover. Tab indents; Escape then
 * Tab moves focus out (CodeMirror's tab focus mode).
 */
export function editorExtensions(
  schema: JsonSchema,
  settings: () => { format: 'yaml' | 'json'; lang: 'zh-CN' | 'en' },
): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    autocompletion({ override: [schemaCompletion(schema, settings)] }),
    schemaHover(schema, settings),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
      indentWithTab,
    ]),
  ];
}
