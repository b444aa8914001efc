import type {
  Diagnostic,
  FormState,
  Lang,
  MaterialDecision,
  MaterialDecisions,
  NoticeEntry,
  OneTimeNotice,
} from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ControlRegistry } from '../controls/createControlRegistry.js';
import { t } from '../i18n/messages.js';
import { ErrorSummary } from './ErrorSummary.js';
import { ReviewView } from './ReviewView.js';
import { MaterialsPanel } from '../materials/MaterialsPanel.js';
import type { ELicenceProvider } from '../materials/lookupLicence.js';
import { NoticeView } from '../notice/NoticeView.js';
import { noticeTargetId } from '../notice/noticeTargetId.js';
import { SectionFields } from './SectionFields.js';
import { sectionsOf } from './sectionsOf.js';
import { useFormShape } from './useFormShape.js';

/** What a successful submit hands to the host. */
export interface SubmitDetail {
  /** The merged data (visible fields and computed values). */
  data: Record<string, unknown>;
  /** Per applicable item, the payload in its department's field names. */
  payloads: Record<string, Record<string, unknown>>;
  /** The applicant's material decisions (uploaded, e-licence, 容缺, 告知承诺 with signer and time). */
  materials: MaterialDecisions;
}

export interface FormViewProps {
  state: FormState;
  registry: ControlRegistry;
  lang: Lang;
  /** Unique per form on the page: prefixes every DOM id. */
  idPrefix: string;
  materials: () => MaterialDecisions;
  /** Override the bundle's layout mode: one page of sections, or one step per screen. */
  mode?: 'sections' | 'steps';
  /** The injected clock for signatures (ISO instant with offset). */
  now: () => string;
  /** The signer's name to prefill on 容缺 and 告知承诺 signatures. */
  signer?: string;
  eLicenceProvider?: ELicenceProvider;
  /** A material decision changed (the host keeps decisions and drafts). */
  onMaterialChange?(id: string, decision: MaterialDecision | undefined): void;
  /** 一次性告知 was asked for. */
  onPrecheck?(notice: OneTimeNotice): void;
  onSubmit(detail: SubmitDetail): void;
  onInvalid?(diagnostics: Diagnostic[]): void;
}

/**
 * The merged form (一表): sections or steps from the bundle's layout, each field through the control
 * registry, an error summary that links to the fields and takes focus after a failed submit. In steps
 * mode each step is validated before the next. A valid form shows a review (核对信息) whose confirm
 * button submits.
 */
export function FormView(props: FormViewProps) {
  const { state, registry, lang, idPrefix, materials, mode, onSubmit, onInvalid } = props;
  const [step, setStep] = useState(0);
  const [showSummary, setShowSummary] = useState(false);
  const [summaryKeys, setSummaryKeys] = useState<string[]>([]);
  const shape = useFormShape(state, showSummary);
  const [reviewing, setReviewing] = useState(false);
  const [notice, setNotice] = useState<OneTimeNotice | undefined>(undefined);
  const summaryRef = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLFormElement>(null);
  // The same arrays while the shape is unchanged, so the memoised sections are not redrawn.
  const sections = useMemo(() => sectionsOf(state, lang).filter((s) => s.visible), [state, lang, shape]);
  const steps = (mode ?? state.compiled.bundle.layout?.mode) === 'steps';
  const current = steps
    ? sections.slice(Math.min(step, sections.length - 1), Math.min(step, sections.length - 1) + 1)
    : sections;
  const shownKeys = new Set(current.flatMap((s) => s.fields));

  // Only the fields that had an error when the summary opened are looked at again (a 2,000-field
  // form does not rebuild every field's state on each change); fixed ones drop out as they are fixed.
  const errorsOf = (keys: Iterable<string>) => {
    const out = [];
    for (const key of keys) {
      const field = state.getField(key);
      const diagnostics = field.visible ? field.errors.filter((d) => d.severity === 'error') : [];
      if (diagnostics.length === 0) continue;
      out.push({
        key,
        label: localize(state.compiled.form.fields[key]!.definition.label, lang),
        diagnostics,
      });
    }
    return out;
  };

  const jump = (key: string) => focusId(`${idPrefix}-${key}`);
  const focusId = (id: string) => {
    const target = root.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    target?.focus();
  };
  const precheck = () => {
    for (const f of state.fields()) state.touch(f.key);
    const result = state.notice();
    setNotice(result);
    props.onPrecheck?.(result);
  };
  const onJump = (entry: NoticeEntry) => {
    // In steps mode the entry may be on another step: show everything while the notice is open.
    const id = noticeTargetId(idPrefix, entry);
    if (steps && !root.current?.querySelector(`#${CSS.escape(id)}`)) setStep(sections.length - 1);
    queueMicrotask(() => focusId(id));
  };
  const lastStep = !steps || step >= sections.length - 1;

  const focusSummary = (keys: string[]) => {
    setSummaryKeys(keys);
    setShowSummary(true);
    // After the summary has rendered.
    queueMicrotask(() => summaryRef.current?.focus());
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (steps && step < sections.length - 1) {
      for (const key of shownKeys) state.touch(key);
      const stepErrors = errorsOf(shownKeys);
      if (stepErrors.length > 0) return focusSummary(stepErrors.map((e) => e.key));
      setShowSummary(false);
      setStep(step + 1);
      return;
    }
    const result = state.validate();
    if (!result.ok) {
      setReviewing(false);
      onInvalid?.(result.diagnostics);
      // The fields named by the diagnostics (`/key` or `/key/0/sub`), in display order.
      const named = new Set(result.diagnostics.map((d) => d.path.split('/')[1] ?? ''));
      return focusSummary(state.compiled.form.order.filter((key) => named.has(key)));
    }
    setShowSummary(false);
    // 核对信息 first; the confirm button of the review submits.
    if (!reviewing) return setReviewing(true);
    setReviewing(false);
    onSubmit({ data: state.getValues(), payloads: state.payloads(), materials: materials() });
  };

  if (reviewing) {
    return (
      <form class="ot-form" ref={root} noValidate onSubmit={submit}>
        <ReviewView
          state={state}
          sections={sections}
          lang={lang}
          onEdit={(index) => {
            setReviewing(false);
            if (steps) setStep(index);
          }}
        />
        <div class="ot-actions">
          <button type="button" class="ot-button ot-button--secondary" onClick={() => setReviewing(false)}>
            {t(lang, 'backToForm')}
          </button>
          <button type="submit" class="ot-button">
            {t(lang, 'confirmSubmit')}
          </button>
        </div>
      </form>
    );
  }

  const summary = showSummary ? errorsOf(summaryKeys) : [];
  return (
    <form class="ot-form" ref={root} noValidate onSubmit={submit}>
      {steps && sections.length > 1 ? (
        <p class="ot-progress" aria-live="polite">
          {t(lang, 'step', { n: Math.min(step, sections.length - 1) + 1, total: sections.length })}
        </p>
      ) : null}
      <ErrorSummary errors={summary} lang={lang} idPrefix={idPrefix} summaryRef={summaryRef} onJump={jump} />
      {notice ? (
        <NoticeView notice={notice} state={state} lang={lang} idPrefix={idPrefix} onJump={onJump} />
      ) : null}
      {current.map((section) => (
        <fieldset class="ot-section" key={section.id}>
          <legend class="ot-section-title">{section.title}</legend>
          {section.help ? <p class="ot-help">{section.help}</p> : null}
          <SectionFields
            state={state}
            fields={section.fields}
            registry={registry}
            lang={lang}
            idPrefix={idPrefix}
          />
        </fieldset>
      ))}
      {lastStep ? (
        <MaterialsPanel
          state={state}
          lang={lang}
          idPrefix={idPrefix}
          now={props.now}
          decisions={materials()}
          {...(props.signer !== undefined ? { signer: props.signer } : {})}
          {...(props.eLicenceProvider ? { eLicenceProvider: props.eLicenceProvider } : {})}
          onChange={(id, decision) => props.onMaterialChange?.(id, decision)}
        />
      ) : null}
      <div class="ot-actions">
        <button type="button" class="ot-button ot-button--secondary" onClick={precheck}>
          {t(lang, 'precheck')}
        </button>
        {steps && step > 0 ? (
          <button type="button" class="ot-button ot-button--secondary" onClick={() => setStep(step - 1)}>
            {t(lang, 'previous')}
          </button>
        ) : null}
        <button type="submit" class="ot-button">
          {steps && step < sections.length - 1 ? t(lang, 'next') : t(lang, 'submit')}
        </button>
      </div>
    </form>
  );
}
