import { setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Diagnostic } from '@onething/engine';
import bundleSchema from '@onething/engine/schema/bundle.schema.json';
import { useEffect, useId, useRef } from 'preact/hooks';
import { editorExtensions, languageFor } from './editorExtensions.js';
import { EDITOR_MESSAGES } from './editorMessages.js';
import { editorTheme } from './editorTheme.js';
import type { JsonSchema } from './schemaAt.js';
import { toLintDiagnostics } from './toLintDiagnostics.js';
import './editor.css';
import { editorPhrases } from './editorPhrases.js';

/** What the host can do with a mounted editor. */
export interface EditorHandle {
  /** Put the cursor at a 1-based line and column (clamped to the document), scroll there and focus. */
  focusAt(line: number, column: number): void;
  /** Replace the document (and its format) without calling `onChange`. */
  setDoc(text: string, format: 'yaml' | 'json'): void;
  view: EditorView;
}

export interface BundleEditorProps {
  doc: string;
  format: 'yaml' | 'json';
  diagnostics: readonly Diagnostic[];
  lang: 'zh-CN' | 'en';
  /** Called on each edit by the user (not for `doc` changes from the host); the host debounces. */
  onChange(text: string): void;
  onReady?(handle: EditorHandle): void;
  /** Accessible name of the text area; defaults to “Bundle editor” in `lang`. */
  label?: string;
}

/** Marks transactions that come from the host, so they do not echo back through `onChange`. */
const external = Annotation.define<boolean>();

/**
 * The bundle text editor (CodeMirror 6): YAML or JSON highlighting, the engine's diagnostics as lint
 * markers, completion and hover help from the bundle schema, and a visible hint for the keys.
 *
 * @example
 * <BundleEditor doc={text} format="yaml" diagnostics={loaded.diagnostics} lang="zh-CN"
 *   onChange={setTextDebounced} onReady={(h) => (editor = h)} />
 */
/** How many of its own recent texts the editor remembers (see `reported`). */
const MAX_REPORTED = 64;

export function BundleEditor(props: BundleEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const format = useRef(props.format);
  // Texts this editor reported through onChange and the host may still hand back (the host's state
  // lags a fast typist by a few keystrokes): those are no external change and must not reset the text.
  const reported = useRef(new Set<string>());
  const compartments = useRef({
    language: new Compartment(),
    attributes: new Compartment(),
    phrases: new Compartment(),
  }).current;
  const hintId = useId();
  const t = EDITOR_MESSAGES[props.lang];
  const label = props.label ?? t.editorLabel;
  const attributes = () =>
    // An explicit tabindex: axe (and some assistive tools) do not count `contenteditable` as focusable,
    // and would report the scrolling editor as unreachable by keyboard.
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': hintId, tabindex: '0' });

  useEffect(() => {
    const settings = () => ({ format: format.current, lang: latest.current.lang });
    // A shadow root, so CodeMirror's style-mod adopts a constructed style sheet: for a plain document it
    // would add a <style> element, which `style-src 'self'` blocks (the editor would render unstyled).
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const v = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: props.doc,
        extensions: [
          editorExtensions(bundleSchema as JsonSchema, settings),
          editorTheme,
          compartments.language.of(languageFor(props.format)),
          compartments.attributes.of(attributes()),
          compartments.phrases.of(editorPhrases(props.lang)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.every((tr) => tr.annotation(external))) {
              const text = update.state.doc.toString();
              reported.current.add(text);
              if (reported.current.size > MAX_REPORTED) {
                reported.current.delete(reported.current.values().next().value!);
              }
              latest.current.onChange(text);
            }
          }),
        ],
      }),
    });
    view.current = v;
    const handle: EditorHandle = {
      view: v,
      focusAt(line, column) {
        const l = v.state.doc.line(Math.min(Math.max(1, line), v.state.doc.lines));
        const anchor = l.from + Math.min(Math.max(0, column - 1), l.length);
        v.dispatch({ selection: { anchor }, scrollIntoView: true });
        v.focus();
      },
      setDoc(text, nextFormat) {
        replaceDoc(v, text);
        if (nextFormat !== format.current) {
          format.current = nextFormat;
          v.dispatch({ effects: compartments.language.reconfigure(languageFor(nextFormat)) });
        }
      },
    };
    latest.current.onReady?.(handle);
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    if (!view.current || reported.current.has(props.doc)) return;
    reported.current.clear();
    replaceDoc(view.current, props.doc);
  }, [props.doc]);

  useEffect(() => {
    if (!view.current || format.current === props.format) return;
    format.current = props.format;
    view.current.dispatch({ effects: compartments.language.reconfigure(languageFor(props.format)) });
  }, [props.format]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.attributes.reconfigure(attributes()) });
    view.current?.dispatch({ effects: compartments.phrases.reconfigure(editorPhrases(props.lang)) });
  }, [label, hintId, props.lang]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toLintDiagnostics(v.state.doc, props.diagnostics, props.lang)));
  }, [props.diagnostics, props.lang]);

  return (
    <div class="ot-editor">
      <div class="ot-editor-host" ref={host} />
      <p class="ot-editor-hint" id={hintId}>
        {t.keyHint}
      </p>
    </div>
  );
}

function replaceDoc(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    annotations: [external.of(true)],
  });
}
