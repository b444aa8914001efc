import type { CompiledBundle, Diagnostic, FormState, Lang } from '@onething/engine';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BundleEditor, type EditorHandle } from '../editor/BundleEditor.js';
import { ProblemsList } from '../editor/ProblemsList.js';
import { PayloadsView } from '../preview/PayloadsView.js';
import { PreviewPane, type PreviewInput } from '../preview/PreviewPane.js';
import { ProvenanceView } from '../preview/ProvenanceView.js';
import { createLocalDraft } from '../share/createLocalDraft.js';
import { decodeShare } from '../share/decodeShare.js';
import { encodeShare, shareSizeDiagnostic } from '../share/encodeShare.js';
import { exportBundle } from '../share/exportBundle.js';
import { importBundleFile } from '../share/importBundleFile.js';
import { templates } from '../templates/templates.js';
import { analyzeSource, type Analysis, type SourceFormat } from './analyzeSource.js';
import { DEFAULT_EXAMPLE, EXAMPLES } from './examples.js';
import { tr } from './messages.js';
import { LazyPanel } from './LazyPanel.js';
import { Tabs } from './Tabs.js';
import { Toolbar } from './Toolbar.js';

/** The text in the editor and where it came from. */
interface Doc {
  text: string;
  format: SourceFormat;
  /** Example id, template id or file name: names exports and drafts. */
  name: string;
}

/** A status line for the user (announced politely), optionally with an undo of the last replacement. */
interface Note {
  text: string;
  undo?: Doc;
}

const DRAFT_KEY = 'onething.playground.draft';
const LANG_KEY = 'onething.playground.lang';
const SAVE_DELAY_MS = 300;
const EMPTY_INPUT: PreviewInput = { values: {}, materials: {} };
const loadSimulator = () => import('../simulate/SimulatorView.js').then((m) => m.SimulatorView);
const loadTypes = () => import('../types/TypesView.js').then((m) => m.TypesView);

/** Drop a share link from the address (the text it carried is in the editor and the draft now). */
function forgetShareLink(): void {
  if (location.hash.startsWith('#share='))
    history.replaceState(null, '', `${location.pathname}${location.search}`);
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The playground: the bundle's source in an editor with its problems, and beside it the merged form
 * (real widgets), the fields' provenance, the departments' payloads, the flow simulator and the types.
 * It opens the share link in the address, else the local draft, else the newborn example.
 */
export function App() {
  const [lang, setLang] = useState<Lang>(() => (storage()?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN'));
  const [doc, setDoc] = useState<Doc | undefined>(undefined);
  const [analysis, setAnalysis] = useState<Analysis | undefined>(undefined);
  const [lastGood, setLastGood] = useState<CompiledBundle | undefined>(undefined);
  const [input, setInput] = useState<PreviewInput>(EMPTY_INPUT);
  const [formState, setFormState] = useState<FormState | undefined>(undefined);
  const [note, setNote] = useState<Note | undefined>(undefined);
  const [tab, setTab] = useState('preview');
  const editor = useRef<EditorHandle | undefined>(undefined);
  const draft = useMemo(() => {
    const store = storage();
    return store ? createLocalDraft(store, DRAFT_KEY) : undefined;
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    storage()?.setItem(LANG_KEY, lang);
  }, [lang]);

  /** Put a new document in the editor (keeping the old one for one undo) and start from empty input. */
  const replace = useCallback(
    (next: Doc, text: string, previous?: Doc, values: PreviewInput = EMPTY_INPUT) => {
      setDoc(next);
      setLastGood(undefined);
      setInput(values);
      setNote({ text, ...(previous ? { undo: previous } : {}) });
    },
    [],
  );

  // First load: a share link wins over the local draft, which wins over the default example.
  useEffect(() => {
    void (async () => {
      if (location.hash.length > 1) {
        const shared = await decodeShare(location.hash);
        if (shared.ok) {
          replace({ text: shared.text, format: shared.format, name: 'shared' }, tr(lang, 'sharedOpened'));
          forgetShareLink(); // from now on the local draft holds it: a reload must not undo later edits
          return;
        }
        setNote({ text: shared.diagnostics.map((d) => d.messages[lang]).join(' ') });
      }
      const saved = draft?.load();
      if (saved?.draft) {
        const d = saved.draft;
        replace(
          { text: d.text, format: d.format, name: d.example ?? 'draft' },
          tr(lang, 'draftRestored'),
          undefined,
          { values: d.preview?.data ?? {}, materials: d.preview?.materials ?? {} },
        );
        return;
      }
      if (saved && saved.diagnostics.length > 0)
        setNote({ text: saved.diagnostics.map((d) => d.messages[lang]).join(' ') });
      const example = EXAMPLES.find((e) => e.id === DEFAULT_EXAMPLE) ?? EXAMPLES[0];
      if (example) setDoc({ text: await example.load(), format: example.format, name: example.id });
    })();
    // Runs once: the first visit's language is the one stored.
  }, []);

  // Analyse as soon as the browser is free after a change: changes that arrive while an analysis runs
  // are taken together by the next one (the preview keeps the last bundle that compiled).
  const latestDoc = useRef(doc);
  latestDoc.current = doc;
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const analysed = useRef<Doc | undefined>(undefined);
  const scheduleAnalysis = useCallback(() => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      const current = latestDoc.current;
      if (!current || current === analysed.current) return;
      analysed.current = current;
      const result = analyzeSource(current.text, current.format, lang);
      setAnalysis(result);
      if (result.compiled) setLastGood(result.compiled);
    }, 0);
    // The language only changes which message is shown: diagnostics carry both.
  }, []);
  useEffect(scheduleAnalysis, [doc, scheduleAnalysis]);

  // Everything typed (bundle and preview input) is saved locally, so a reload or crash loses nothing.
  useEffect(() => {
    if (!doc || !draft) return;
    const timer = setTimeout(() => {
      const saved = draft.save({
        text: doc.text,
        format: doc.format,
        example: doc.name,
        preview: { data: input.values, materials: input.materials },
      });
      if (!saved.ok) setNote({ text: saved.diagnostics.map((d) => d.messages[lang]).join(' ') });
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, input, draft]);

  const openExample = async (id: string) => {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) return;
    replace(
      { text: await example.load(), format: example.format, name: id },
      `${tr(lang, 'example')}: ${id}`,
      doc,
    );
  };
  const openTemplate = (id: string) => {
    const template = templates.find((t) => t.id === id);
    if (template)
      replace(
        { text: template.text, format: template.format, name: id },
        `${tr(lang, 'template')}: ${template.title[lang]}`,
        doc,
      );
  };
  const importFile = async (file: File) => {
    const result = await importBundleFile(file);
    if (!result.ok) {
      setNote({ text: result.diagnostics.map((d) => d.messages[lang]).join(' ') });
      return;
    }
    replace(
      { text: result.text, format: result.format, name: file.name.replace(/\.(ya?ml|json)$/i, '') },
      `${tr(lang, 'import')}: ${file.name}`,
      doc,
    );
  };
  const share = async () => {
    if (!doc) return;
    const tooBig = shareSizeDiagnostic(doc.text);
    if (tooBig) {
      setNote({ text: tooBig.messages[lang] });
      return;
    }
    const fragment = await encodeShare({ text: doc.text, format: doc.format });
    history.replaceState(
      null,
      '',
      `${location.pathname}${location.search}${fragment.startsWith('#') ? '' : '#'}${fragment}`,
    );
    try {
      await navigator.clipboard.writeText(location.href);
      setNote({ text: tr(lang, 'shared') });
    } catch {
      setNote({ text: tr(lang, 'sharedNoClipboard') });
    }
  };

  const onInput = useCallback((next: PreviewInput, state: FormState | undefined) => {
    setInput(next);
    setFormState(state);
  }, []);

  const diagnostics = analysis?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const compiled = lastGood;

  const tabs = [
    { id: 'preview', label: tr(lang, 'tabPreview') },
    { id: 'provenance', label: tr(lang, 'tabProvenance') },
    { id: 'payloads', label: tr(lang, 'tabPayloads') },
    { id: 'simulate', label: tr(lang, 'tabSimulate') },
    { id: 'types', label: tr(lang, 'tabTypes') },
  ];
  const need = (render: (c: CompiledBundle) => preact.ComponentChildren) => () =>
    compiled ? render(compiled) : <p class="pg-note">{tr(lang, 'nothingYet')}</p>;

  return (
    <div class="pg-app">
      <header class="pg-header">
        <h1>{tr(lang, 'title')}</h1>
        <p class="pg-subtitle">{tr(lang, 'subtitle')}</p>
        <Toolbar
          lang={lang}
          format={doc?.format ?? 'yaml'}
          templates={templates}
          onExample={(id) => void openExample(id)}
          onTemplate={openTemplate}
          onImport={(file) => void importFile(file)}
          onExport={() => doc && exportBundle(doc.text, doc.format, doc.name)}
          onShare={() => void share()}
          onLang={setLang}
        />
        <div class="pg-note-line" role="status" aria-live="polite">
          {note && (
            <>
              <span>{note.text}</span>
              {note.undo && (
                <button
                  type="button"
                  onClick={() => {
                    const undo = note.undo!;
                    replace(undo, tr(lang, 'undone'));
                  }}
                >
                  {tr(lang, 'undo')}
                </button>
              )}
            </>
          )}
        </div>
      </header>
      <main class="pg-main">
        <section class="pg-source" aria-label={tr(lang, 'editor')}>
          {doc && (
            <BundleEditor
              doc={doc.text}
              format={doc.format}
              diagnostics={diagnostics}
              lang={lang}
              label={tr(lang, 'editor')}
              onChange={(text) => {
                const current = latestDoc.current;
                if (!current) return;
                latestDoc.current = { ...current, text };
                forgetShareLink(); // the address no longer describes the text
                setDoc(latestDoc.current);
                scheduleAnalysis();
              }}
              onReady={(handle) => (editor.current = handle)}
            />
          )}
          <p class="pg-statusbar" data-analysis-ms={analysis ? analysis.ms.toFixed(1) : ''}>
            {analysis ? tr(lang, 'status', { errors, warnings, ms: Math.round(analysis.ms) }) : '…'}
          </p>
          <ProblemsList
            diagnostics={diagnostics}
            lang={lang}
            onJump={(d: Diagnostic) => editor.current?.focusAt(d.line ?? 1, d.column ?? 1)}
          />
        </section>
        <section class="pg-views" aria-label={tr(lang, 'tabPreview')}>
          {errors > 0 && compiled && (
            <p class="pg-stale" role="note">
              {tr(lang, 'notCompiled')}
            </p>
          )}
          <Tabs
            tabs={tabs}
            selected={tab}
            onSelect={setTab}
            label={tr(lang, 'title')}
            panels={{
              preview: need((c) => <PreviewPane compiled={c} lang={lang} input={input} onInput={onInput} />),
              provenance: need((c) => <ProvenanceView compiled={c} lang={lang} />),
              payloads: need((c) => <PayloadsView compiled={c} state={formState} lang={lang} />),
              simulate: need((c) => (
                <LazyPanel
                  load={loadSimulator}
                  loading={tr(lang, 'loading')}
                  props={{ compiled: c, data: input.values, materials: input.materials, lang }}
                />
              )),
              types: need((c) => (
                <LazyPanel load={loadTypes} loading={tr(lang, 'loading')} props={{ compiled: c, lang }} />
              )),
            }}
          />
        </section>
      </main>
    </div>
  );
}
