import type { ControlProps } from './types.js';
import { TextInput } from './TextInput.js';

/** A one-line text input for string fields; the bundle's `maxLength` and placeholder apply. */
export function TextControl(props: ControlProps) {
  return <TextInput props={props} />;
}
