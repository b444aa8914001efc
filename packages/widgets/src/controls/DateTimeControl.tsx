import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { dateTimeValue, localDateTime } from './dateTimeValue.js';

/**
 * A date and time picker in Beijing time: the applicant enters local time, the value is ISO with the
 * +08:00 offset (`2025-03-14T08:35:00+08:00`); values with other offsets are shown converted to +08:00.
 */
export function DateTimeControl(props: ControlProps) {
  const { field, onChange, onBlur } = props;
  return (
    <input
      {...controlAttributes(props)}
      class="ot-input ot-datetime"
      type="datetime-local"
      value={localDateTime(field.value)}
      readOnly={field.readOnly}
      onInput={(e) => onChange(dateTimeValue(e.currentTarget.value))}
      onBlur={onBlur}
    />
  );
}
