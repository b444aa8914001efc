import type { FormState, Lang } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import type { RenderedSection } from './sectionsOf.js';
import { useEffect, useRef } from 'preact/hooks';

export interface ReviewViewProps {
  state: FormState;
  sections: RenderedSection[];
  lang: Lang;
  onEdit(sectionIndex: number): void;
}

/** A value as the applicant would read it: option labels, 是/否, dates as entered, lists joined. */
export function displayValue(state: FormState, key: string, value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '—';
  const definition = state.compiled.form.fields[key]?.definition;
  const optionLabel = (v: unknown) => {
    const option = definition?.options?.find((o) => o.value === v);
    return option ? localize(option.label, lang) : String(v);
  };
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null))
      return value.map(optionLabel).join(t(lang, 'separator'));
    return t(lang, 'entries', { count: value.length });
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return optionLabel(value);
}

/** 核对信息: every visible answer, section by section, with a way back to each section. */
export function ReviewView({ state, sections, lang, onEdit }: ReviewViewProps) {
  const title = useRef<HTMLHeadingElement>(null);
  // The form was replaced by the review: put focus (and a screen reader) at its start.
  useEffect(() => title.current?.focus(), []);
  return (
    <div class="ot-review">
      <h2 class="ot-review-title" tabIndex={-1} ref={title}>
        {t(lang, 'review')}
      </h2>
      {sections.map((section, index) => {
        const rows = section.fields.filter((key) => state.isVisible(key));
        if (rows.length === 0) return null;
        return (
          <section class="ot-review-section" key={section.id} aria-labelledby={`review-${section.id}`}>
            <h3 id={`review-${section.id}`}>{section.title}</h3>
            <dl>
              {rows.map((key) => (
                <div class="ot-review-row" key={key}>
                  <dt>{localize(state.compiled.form.fields[key]!.definition.label, lang)}</dt>
                  <dd>{displayValue(state, key, state.getValue(key), lang)}</dd>
                </div>
              ))}
            </dl>
            <button type="button" class="ot-button ot-button--secondary" onClick={() => onEdit(index)}>
              {t(lang, 'edit')}
            </button>
          </section>
        );
      })}
    </div>
  );
}
