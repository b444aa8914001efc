import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { fieldOptions, optionLabel } from './fieldOptions.js';
import { groupBlurHandler } from './groupBlurHandler.js';

/**
 * One choice among a few options, as native radio buttons (arrow keys move between them). The group
 * carries `id` (focusable, so an error summary link can land on it) and is named by the FieldRow's
 * label through `aria-labelledby="<id>-label"`; each radio is `<id>-<index>`.
 */
export function RadioGroupControl(props: ControlProps) {
  const { field, definition, lang, id, onChange, onBlur } = props;
  return (
    <div
      {...controlAttributes(props)}
      class="ot-choices ot-radio-group"
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      tabIndex={-1}
      onFocusOut={groupBlurHandler(onBlur)}
    >
      {fieldOptions(definition).map((option, index) => (
        <label class="ot-choice" key={String(option.value)}>
          <input
            class="ot-choice-input"
            type="radio"
            id={`${id}-${index}`}
            name={id}
            value={String(option.value)}
            checked={option.value === field.value}
            disabled={field.readOnly}
            onChange={() => onChange(option.value)}
          />
          <span class="ot-choice-label">{optionLabel(option, lang)}</span>
        </label>
      ))}
    </div>
  );
}
