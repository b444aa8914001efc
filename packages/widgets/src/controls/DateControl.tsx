import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';

/** A date picker; the value is `YYYY-MM-DD` (empty → undefined), as the engine stores dates. */
export function DateControl(props: ControlProps) {
  const { field, onChange, onBlur } = props;
  const value = typeof field.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(field.value) ? field.value : '';
  return (
    <input
      {...controlAttributes(props)}
      class="ot-input ot-date"
      type="date"
      value={value}
      readOnly={field.readOnly}
      onInput={(e) => onChange(e.currentTarget.value || undefined)}
      onBlur={onBlur}
    />
  );
}
