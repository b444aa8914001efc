import type { ControlProps } from './types.js';
import { TextInput } from './TextInput.js';

/** A mainland mobile number (`cn-mobile`): a telephone keypad, 11 digits, spaces dropped as typed. */
export function MobileControl(props: ControlProps) {
  return (
    <TextInput
      props={props}
      options={{
        class: 'ot-mobile',
        type: 'tel',
        inputMode: 'tel',
        maxLength: 11,
        autoComplete: 'tel-national',
        normalize: (text) => text.replace(/\s+/g, ''),
      }}
    />
  );
}
