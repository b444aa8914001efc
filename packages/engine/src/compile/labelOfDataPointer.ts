import type { FieldShape, LocalizedText } from '../bundle/types.js';
import type { MergedForm } from './types.js';
import { fromPointer } from '../diagnostics/jsonPointer.js';

/**
 * The label of the value a data pointer names, e.g. `/employees/1/idNumber` →
 * “参保员工第2项·身份证号” / “Employees #2 · ID number”, so errors inside lists say which entry.
 */
export function labelOfDataPointer(form: MergedForm, pointer: string): LocalizedText {
  const [key = '', ...rest] = fromPointer(pointer);
  const field = Object.prototype.hasOwnProperty.call(form.fields, key) ? form.fields[key] : undefined;
  if (!field) return { 'zh-CN': key, en: key };
  let zh = field.definition.label['zh-CN'];
  let en = field.definition.label.en ?? zh;
  let shape: FieldShape | undefined = field.definition;
  for (const segment of rest) {
    if (!shape) break;
    if (shape.type === 'array' && /^\d+$/.test(segment)) {
      zh += `第${Number(segment) + 1}项`;
      en += ` #${Number(segment) + 1}`;
      shape = shape.items;
    } else if (shape.properties && Object.prototype.hasOwnProperty.call(shape.properties, segment)) {
      shape = shape.properties[segment]!;
      zh += `·${shape.label['zh-CN']}`;
      en += ` · ${shape.label.en ?? shape.label['zh-CN']}`;
    } else break;
  }
  return { 'zh-CN': zh, en };
}

/** The field shape (dictionary definition or sub-field) of the value a data pointer names. */
export function shapeOfDataPointer(form: MergedForm, pointer: string): FieldShape | undefined {
  const [key = '', ...rest] = fromPointer(pointer);
  if (!Object.prototype.hasOwnProperty.call(form.fields, key)) return undefined;
  let shape: FieldShape | undefined = form.fields[key]!.definition;
  for (const segment of rest) {
    if (!shape) return undefined;
    if (shape.type === 'array' && /^\d+$/.test(segment)) shape = shape.items;
    else if (shape.properties && Object.prototype.hasOwnProperty.call(shape.properties, segment))
      shape = shape.properties[segment];
    else return undefined;
  }
  return shape;
}
