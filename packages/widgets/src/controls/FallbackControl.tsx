import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { TextInput } from './TextInput.js';

/**
 * The control of last resort (rank 0): a text input, so no field is ever left out. Object and array
 * values, which text would corrupt, are shown read-only as JSON.
 */
export function FallbackControl(props: ControlProps) {
  const { field, definition } = props;
  const structured =
    definition.type === 'object' ||
    definition.type === 'array' ||
    (typeof field.value === 'object' && field.value !== null);
  if (!structured) return <TextInput props={props} />;
  return (
    <input
      {...controlAttributes(props)}
      class="ot-input ot-fallback"
      type="text"
      value={field.value === undefined ? '' : JSON.stringify(field.value)}
      readOnly
      onBlur={props.onBlur}
    />
  );
}
