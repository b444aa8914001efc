import type { CompiledBundle, FormState, Lang, MaterialDecisions } from '@onething/engine';
import { defineOnethingForm } from '@onething/widgets';
import regionDataUrl from '@onething/widgets/data/regions.json?url';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ActionSelect } from '../app/ActionSelect.js';
import { tp } from './previewMessages.js';
import { samplesFor } from './samples.js';

/** The form element's surface the preview uses. */
interface FormElement extends HTMLElement {
  bundle: CompiledBundle | undefined;
  data: Record<string, unknown>;
  materials: MaterialDecisions;
  readonly state: FormState | undefined;
}

/** What the applicant has entered in the preview, lifted to the app (payloads, simulator, draft). */
export interface PreviewInput {
  values: Record<string, unknown>;
  materials: MaterialDecisions;
}

export interface PreviewPaneProps {
  compiled: CompiledBundle;
  /** The app's interface language: the preview's form language starts as this. */
  lang: Lang;
  /** Values and material decisions to start from (restored draft, or what was entered before an edit). */
  input: PreviewInput;
  onInput(input: PreviewInput, state: FormState | undefined): void;
  /** The preview form re-rendered a bundle (after each edit): the benchmark and tests wait for it. */
  onRendered?(): void;
}

/**
 * The merged form as the applicant sees it, rendered by the real `<onething-form>` element with the
 * bundle compiled in the page. Each edit hands the element the new compiled bundle and what was entered so
 * far, so the applicant's data survives edits to the bundle.
 */
export function PreviewPane({ compiled, lang, input, onInput, onRendered }: PreviewPaneProps) {
  const ref = useRef<FormElement>(null);
  const [elder, setElder] = useState(false);
  const [formLang, setFormLang] = useState<Lang>(lang);
  const [submitted, setSubmitted] = useState(false);
  const latest = useRef({ input, onInput, onRendered });
  latest.current = { input, onInput, onRendered };

  useEffect(() => setFormLang(lang), [lang]);

  useEffect(() => {
    defineOnethingForm();
    const element = ref.current!;
    const lift = () =>
      latest.current.onInput({ values: element.data, materials: element.materials }, element.state);
    const ready = () => {
      lift();
      latest.current.onRendered?.();
    };
    const submit = () => {
      setSubmitted(true);
      lift();
    };
    element.addEventListener('onething-change', lift);
    element.addEventListener('onething-ready', ready);
    element.addEventListener('onething-submit', submit);
    return () => {
      element.removeEventListener('onething-change', lift);
      element.removeEventListener('onething-ready', ready);
      element.removeEventListener('onething-submit', submit);
    };
  }, []);

  // As soon as the new bundle is rendered, not a frame later: the preview follows the editor.
  useLayoutEffect(() => {
    defineOnethingForm(); // before the first property is set, or it would shadow the element's setter
    const element = ref.current!;
    const { values, materials } = latest.current.input;
    element.data = values;
    element.materials = materials;
    element.bundle = compiled;
    setSubmitted(false);
  }, [compiled]);

  const samples = samplesFor(compiled.bundle.id);
  const fill = async (id: string) => {
    const sample = samples.find((s) => s.id === id);
    if (!sample) return;
    const { values, materials } = await sample.load();
    const element = ref.current!;
    if (values) element.data = values;
    if (materials) element.materials = { ...element.materials, ...materials };
    latest.current.onInput({ values: element.data, materials: element.materials }, element.state);
  };

  const clear = () => {
    const element = ref.current!;
    element.data = {};
    element.materials = {};
    element.bundle = compiled;
  };

  return (
    <section class="pg-preview" aria-label={tp(lang, 'formLang')}>
      <div class="pg-preview-bar">
        <label>
          <input type="checkbox" checked={elder} onChange={(e) => setElder(e.currentTarget.checked)} />{' '}
          {tp(lang, 'elder')}
        </label>
        <label>
          {tp(lang, 'formLang')}{' '}
          <select value={formLang} onChange={(e) => setFormLang(e.currentTarget.value as Lang)}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        {samples.length > 0 && (
          <ActionSelect
            label={tp(lang, 'sample')}
            placeholder={tp(lang, 'chooseSample')}
            options={samples.map((s) => ({
              value: s.id,
              text: tp(lang, s.kind === 'data' ? 'sampleData' : 'sampleMaterials', {
                name: s.id.split(':')[1]!,
              }),
            }))}
            onChoose={(id) => void fill(id)}
          />
        )}
        <button type="button" onClick={clear}>
          {tp(lang, 'reset')}
        </button>
      </div>
      {submitted && (
        <p class="pg-note" role="status">
          {tp(lang, 'submitted')}
        </p>
      )}
      <onething-form
        ref={ref}
        no-draft=""
        lang={formLang}
        elder={elder ? '' : undefined}
        region-data={regionDataUrl}
      />
    </section>
  );
}
