import type { ControlProps } from './types.js';
import { TextInput } from './TextInput.js';
import { t } from '../i18n/messages.js';

/**
 * An administrative division code (`cn-region-code`, GB/T 2260), for now typed as its 6 digits with a
 * hint; whether the code exists is the engine's check. A cascader (province → city → county) over
 * lazily loaded GB/T 2260 data will replace this input later, under the same registry name.
 */
export function RegionControl(props: ControlProps) {
  return (
    <TextInput
      props={props}
      options={{
        class: 'ot-region',
        inputMode: 'numeric',
        maxLength: 6,
        autoComplete: 'off',
        pattern: '[0-9]{6}',
        placeholder: t(props.lang, 'regionHint'),
        normalize: (text) => text.replace(/\s+/g, ''),
      }}
    />
  );
}
