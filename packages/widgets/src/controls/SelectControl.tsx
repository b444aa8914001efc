import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { fieldOptions, optionByText, optionLabel } from './fieldOptions.js';
import { t } from '../i18n/messages.js';

/**
 * A drop-down of the field's options, labelled in `lang` (zh-CN when a label has no translation). The
 * first entry, "请选择", clears the value. Option values keep their type (string, number or boolean).
 */
export function SelectControl(props: ControlProps) {
  const { field, definition, lang, onChange, onBlur } = props;
  const options = fieldOptions(definition);
  const selected = options.find((o) => o.value === field.value);
  return (
    <select
      {...controlAttributes(props)}
      class="ot-select"
      value={selected ? String(selected.value) : ''}
      disabled={field.readOnly}
      onChange={(e) => onChange(optionByText(options, e.currentTarget.value)?.value)}
      onBlur={onBlur}
    >
      <option value="">{t(lang, 'choose')}</option>
      {options.map((option) => (
        <option key={String(option.value)} value={String(option.value)}>
          {optionLabel(option, lang)}
        </option>
      ))}
    </select>
  );
}
