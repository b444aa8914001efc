import { useState } from 'preact/hooks';
import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { numberValue } from './numberValue.js';
import { textOf } from './textValue.js';

/**
 * A number or integer input. Reports numbers as numbers (empty → undefined); text that is not a number
 * is passed on as typed, for the engine to report. A text input with `inputmode` rather than
 * `type="number"`: no wheel or arrow-key surprises, and half-typed numbers ("1.") survive re-renders.
 */
export function NumberControl(props: ControlProps) {
  const { field, definition, onChange, onBlur } = props;
  const [draft, setDraft] = useState(() => textOf(field.value));
  // Keep what the applicant typed ("1." or "0.50") while it still means the engine's value; when the
  // value changed elsewhere (a computed rule, a restored draft), show the engine's value instead.
  const text = Object.is(numberValue(draft), field.value ?? undefined) ? draft : textOf(field.value);
  // Mobile numeric keypads have no minus sign: offer one only when negative values are allowed.
  const nonNegative = definition.minimum !== undefined && definition.minimum >= 0;
  const inputMode = !nonNegative ? 'text' : definition.type === 'integer' ? 'numeric' : 'decimal';
  return (
    <input
      {...controlAttributes(props)}
      class="ot-input ot-number"
      type="text"
      inputMode={inputMode}
      autoComplete="off"
      value={text}
      readOnly={field.readOnly}
      onInput={(e) => {
        const typed = e.currentTarget.value;
        setDraft(typed);
        onChange(numberValue(typed));
      }}
      onBlur={onBlur}
    />
  );
}
