import { EditorView } from '@codemirror/view';

/**
 * Styles inside the editor. They go through CodeMirror's style-mod like its own base theme, which (the
 * editor living in a shadow root) lands in a constructed style sheet: the one way to style CodeMirror
 * under `style-src 'self'`, which blocks the `<style>` element style-mod uses for a plain document.
 */
export const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '&.cm-focused': { outline: '2px solid #1a5fb4', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace",
  },
  '.cm-diagnosticText': { whiteSpace: 'pre-wrap' },
  '.cm-diagnosticSource': { fontFamily: 'ui-monospace, monospace' },
  '.ot-hover': { maxWidth: '28rem', padding: '0.35rem 0.5rem' },
  '.ot-hover-head': { display: 'flex', gap: '0.75rem', alignItems: 'baseline' },
  '.ot-hover-type': { color: '#4a4f57', fontSize: '0.85em' },
  '.ot-hover-description': { margin: '0.25rem 0 0' },
});
