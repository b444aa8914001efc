import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { t } from '../i18n/messages.js';

/**
 * A yes/no switch for boolean fields: a `role="switch"` button whose `aria-checked` is the value. A
 * native button already toggles on Space and Enter, so there is no key handler of its own. The
 * visible 是/否 repeats the state for sighted users and is hidden from screen readers.
 */
export function SwitchControl(props: ControlProps) {
  const { field, lang, onChange, onBlur } = props;
  const checked = field.value === true;
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
