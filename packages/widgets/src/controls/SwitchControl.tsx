import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { t } from '../i18n/messages.js';

/**
 * A yes/no switch for boolean fields: a `role="switch"` button whose `aria-checked` is the value
 * (until the field is answered, two 是 / 否 buttons in a radio group, so nothing reads as 否 before it is). A
 * native button already toggles on Space and Enter, so there is no key handler of its own. The
 * visible 是/否 repeats the state for sighted users and is hidden from screen readers.
 */
export function SwitchControl(props: ControlProps) {
  const { field, lang, onChange, onBlur } = props;
  const checked = field.value === true;
  // Not answered yet: a switch would show 否 for a value that is neither, so ask 是 / 否 explicitly.
  if (field.value === undefined || field.value === null) {
    const { id, ...attributes } = controlAttributes(props);
    return (
      <div
        {...attributes}
        id={id}
        class="ot-choices ot-switch-unanswered"
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        tabIndex={-1}
      >
        {[true, false].map((answer) => (
          <button
            key={String(answer)}
            type="button"
            class="ot-button ot-button--secondary ot-switch-answer"
            role="radio"
            aria-checked="false"
            disabled={field.readOnly}
            onClick={() => onChange(answer)}
            onBlur={onBlur}
          >
            {t(lang, answer ? 'yes' : 'no')}
          </button>
        ))}
      </div>
    );
  }
  return (
    <button
      {...controlAttributes(props)}
      class={checked ? 'ot-switch ot-switch--on' : 'ot-switch'}
      type="button"
      role="switch"
      aria-checked={checked}
      disabled={field.readOnly}
      onClick={() => onChange(!checked)}
      onBlur={onBlur}
    >
      <span class="ot-switch-track" aria-hidden="true">
        <span class="ot-switch-thumb" />
      </span>
      <span class="ot-switch-text" aria-hidden="true">
        {t(lang, checked ? 'yes' : 'no')}
      </span>
    </button>
  );
}
