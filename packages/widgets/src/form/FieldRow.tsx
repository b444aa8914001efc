import type { FormState, Lang } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import type { ControlRegistry } from '../controls/createControlRegistry.js';
import type { ControlProps } from '../controls/types.js';
import { FallbackInput } from './FallbackInput.js';
import { pure } from './pure.js';
import { useFieldState } from './useFieldState.js';

export interface FieldRowProps {
  state: FormState;
  fieldKey: string;
  registry: ControlRegistry;
  lang: Lang;
  /** Prefix of DOM ids, unique per form on the page. */
  idPrefix: string;
}

/**
 * One field (memoised, and subscribed to its own changes only): its label (with 必填), the control the registry picks, help, errors and a quiet note of
 * the departments it is shared with (from the merge provenance). Renders nothing for a hidden field.
 */
export const FieldRow = pure(function FieldRow({ state, fieldKey, registry, lang, idPrefix }: FieldRowProps) {
  useFieldState(state, fieldKey);
  const field = state.getField(fieldKey);
  if (!field.visible) return null;
  const definition = state.compiled.form.fields[fieldKey]!.definition;
  const id = `${idPrefix}-${fieldKey}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const entry = registry.pick(definition, fieldKey);
  // A new, untouched field shows no error yet (the applicant has not had a chance to fill it in),
  // unless its control says the value typed so far is complete (an 18-character ID number).
  const showErrors = field.touched || (entry?.liveErrors?.(field.value) ?? false);
  const errors = showErrors
    ? field.errors.filter((d) => d.severity === 'error' || d.severity === 'warning')
    : [];
  const describedBy = [definition.help ? helpId : '', errors.length > 0 ? errorId : '']
    .filter(Boolean)
    .join(' ');
  const Control = entry?.Control ?? FallbackInput;
  const props: ControlProps = {
    // Controls mark themselves invalid (aria-invalid) when their errors are shown.
    field: showErrors && !field.touched ? { ...field, touched: true } : field,
    definition,
    lang,
    id,
    describedBy,
    onChange: (value) => state.setValue(fieldKey, value),
    onBlur: () => state.touch(fieldKey),
  };
  const departments = field.departments.map((d) => {
    const short = state.compiled.bundle.departments[d]?.shortName;
    return short ? localize(short, lang) : localize(state.compiled.departmentLabel(d), lang);
  });
  return (
    <div class={`ot-field${errors.length > 0 ? ' ot-field--invalid' : ''}`} data-field={fieldKey}>
      <label class="ot-label" id={`${id}-label`} for={id}>
        {localize(definition.label, lang)}
        {field.required ? <span class="ot-required"> ({t(lang, 'required')})</span> : null}
        {field.computed && field.readOnly ? <span class="ot-computed"> ({t(lang, 'computed')})</span> : null}
      </label>
      <Control {...props} />
      {definition.help ? (
        <p class="ot-help" id={helpId}>
          {localize(definition.help, lang)}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p class="ot-error" id={errorId} role="alert">
          {errors.map((d) => d.messages[lang]).join(' ')}
        </p>
      ) : null}
      {departments.length > 0 ? (
        <p class="ot-provenance">
          {t(lang, 'providedTo', { departments: departments.join(t(lang, 'separator')) })}
        </p>
      ) : null}
    </div>
  );
});
