import type { ControlProps } from './types.js';
import { TextareaControl } from './TextareaControl.js';

/** A detailed address (详址): a short textarea the browser may autofill with the street address. */
export function AddressControl(props: ControlProps) {
  return <TextareaControl {...props} class="ot-address" autoComplete="street-address" />;
}
