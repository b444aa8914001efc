import type { ControlProps } from '../controls/types.js';

/** A plain text input, for a field no registry entry claims: the form never leaves a field out. */
export function FallbackInput({ field, id, describedBy, onChange, onBlur }: ControlProps) {
  const value = field.value === undefined || field.value === null ? '' : String(field.value);
  return (
    <input
      class="ot-input"
      id={id}
      type="text"
      value={value}
      readOnly={field.readOnly}
      aria-describedby={describedBy || undefined}
      aria-invalid={(field.touched && field.errors.some((d) => d.severity === 'error')) || undefined}
      aria-required={field.required || undefined}
      onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value || undefined)}
      onBlur={onBlur}
    />
  );
}
