import { localize } from '@onething/engine/runtime';
import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { textOf, textValue } from './textValue.js';

/** A multi-line text input (`widget: textarea`); empty input reports undefined. */
export function TextareaControl(props: ControlProps & { autoComplete?: string; class?: string }) {
  const { field, definition, lang, onChange, onBlur } = props;
  return (
    <textarea
      {...controlAttributes(props)}
      class={props.class ? `ot-textarea ${props.class}` : 'ot-textarea'}
      rows={3}
      maxLength={definition.maxLength}
      autoComplete={props.autoComplete}
      placeholder={definition.placeholder ? localize(definition.placeholder, lang) : undefined}
      value={textOf(field.value)}
      readOnly={field.readOnly}
      onInput={(e) => onChange(textValue(e.currentTarget.value))}
      onBlur={onBlur}
    />
  );
}
