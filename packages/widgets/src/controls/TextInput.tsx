import { localize } from '@onething/engine/runtime';
import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { textOf, textValue } from './textValue.js';

/** Options that make a plain text input into a text, ID-number, mobile or region control. */
export interface TextInputOptions {
  class?: string;
  type?: 'text' | 'tel' | 'email' | 'url';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'url';
  maxLength?: number;
  autoComplete?: string;
  pattern?: string;
  /** Placeholder when the bundle gives none. */
  placeholder?: string;
  /** Tidies what was typed (spaces, letter case) before it is reported; never validates. */
  normalize?(text: string): string;
}

export interface TextInputProps {
  props: ControlProps;
  options?: TextInputOptions;
}

/** The one-line text input the text-like controls share; empty input reports undefined. */
export function TextInput({ props, options = {} }: TextInputProps) {
  const { field, definition, lang, onChange, onBlur } = props;
  const normalize = options.normalize ?? ((text: string) => text);
  return (
    <input
      {...controlAttributes(props)}
      class={options.class ? `ot-input ${options.class}` : 'ot-input'}
      type={options.type ?? 'text'}
      inputMode={options.inputMode}
      maxLength={options.maxLength ?? definition.maxLength}
      autoComplete={options.autoComplete}
      pattern={options.pattern}
      placeholder={definition.placeholder ? localize(definition.placeholder, lang) : options.placeholder}
      value={textOf(field.value)}
      readOnly={field.readOnly}
      onInput={(e) => onChange(textValue(normalize(e.currentTarget.value)))}
      onBlur={onBlur}
    />
  );
}
