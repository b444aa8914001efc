import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { fieldOptions, optionLabel } from './fieldOptions.js';
import { groupBlurHandler } from './groupBlurHandler.js';

/**
 * Several choices for an array field, as checkboxes. The value is the array of the checked options'
 * values in option order (none checked → undefined). Named like the radio group: `role="group"` with
 * `aria-labelledby="<id>-label"`; each checkbox is `<id>-<index>`.
 */
export function CheckboxGroupControl(props: ControlProps) {
  const { field, definition, lang, id, onChange, onBlur } = props;
  const options = fieldOptions(definition);
  const current = Array.isArray(field.value) ? (field.value as unknown[]) : [];
  const toggle = (value: unknown, checked: boolean) => {
    const next = options
      .filter((o) => (o.value === value ? checked : current.includes(o.value)))
      .map((o) => o.value);
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <div
      {...controlAttributes(props)}
      class="ot-choices ot-checkbox-group"
      role="group"
      aria-labelledby={`${id}-label`}
      tabIndex={-1}
      onFocusOut={groupBlurHandler(onBlur)}
    >
      {options.map((option, index) => (
        <label class="ot-choice" key={String(option.value)}>
          <input
            class="ot-choice-input"
            type="checkbox"
            id={`${id}-${index}`}
            value={String(option.value)}
            checked={current.includes(option.value)}
            disabled={field.readOnly}
            onChange={(e) => toggle(option.value, e.currentTarget.checked)}
          />
          <span class="ot-choice-label">{optionLabel(option, lang)}</span>
        </label>
      ))}
    </div>
  );
}
