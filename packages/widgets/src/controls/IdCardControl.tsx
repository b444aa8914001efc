import type { ControlProps } from './types.js';
import { TextInput } from './TextInput.js';

/**
 * A 18-digit resident ID number (`cn-id-card`). Spaces are dropped and a final `x` is upper-cased as
 * typed; the check digit, and the birth date and sex derived from the number, are the engine's work
 * (its format check and computed rules). `inputmode` stays `text`: numeric keypads have no `X`.
 */
export function IdCardControl(props: ControlProps) {
  return (
    <TextInput
      props={props}
      options={{
        class: 'ot-id-card',
        inputMode: 'text',
        maxLength: 18,
        autoComplete: 'off',
        normalize: (text) => text.replace(/\s+/g, '').toUpperCase(),
      }}
    />
  );
}
