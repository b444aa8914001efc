import type { FieldShape, PersonalDataKind } from '../bundle/types.js';
import type { MergedForm } from '../compile/types.js';
import type { FlowInput } from '../flow/types.js';
import { personalKindOf } from './personalKindOf.js';

/** When one string is found in fields of two categories, the stricter format wins. */
const PRIORITY: readonly PersonalDataKind[] = ['idNumber', 'phone', 'account', 'name', 'address', 'other'];

/** Nesting bound of the walk; the decider rejects deeper data anyway. */
const MAX_DEPTH = 64;

/**
 * Every string found in a personal field of the data an input brings (`submit`, `precheck`,
 * `answerCorrection`, and the outputs of an `issued` department update), with its category. The walk
 * follows the merged form's field shapes into list entries and object properties
 * (`shareholders[].idNumber`); a container marked `personal` makes all its strings personal.
 *
 * @example collectPersonalValues(compiled.form, [{ at, event: { type: 'submit', data: { motherMobile: '13800138000' } } }])
 * // Map { '13800138000' => 'phone' }
 */
export function collectPersonalValues(
  form: MergedForm,
  inputs: readonly FlowInput[],
): Map<string, PersonalDataKind> {
  const found = new Map<string, PersonalDataKind>();
  const add = (value: string, kind: PersonalDataKind) => {
    const known = found.get(value);
    if (!known || PRIORITY.indexOf(kind) < PRIORITY.indexOf(known)) found.set(value, kind);
  };
  const walk = (
    value: unknown,
    shape: FieldShape | undefined,
    inherited: PersonalDataKind | undefined,
    depth: number,
  ) => {
    if (depth > MAX_DEPTH || value === null || value === undefined) return;
    const kind = (shape && personalKindOf(shape)) ?? inherited;
    if (typeof value === 'string') {
      if (kind) add(value, kind);
    } else if (Array.isArray(value)) {
      for (const entry of value) walk(entry, shape?.items, kind, depth + 1);
    } else if (typeof value === 'object') {
      for (const [name, entry] of Object.entries(value)) {
        const property =
          shape?.properties && Object.hasOwn(shape.properties, name) ? shape.properties[name] : undefined;
        walk(entry, property, kind, depth + 1);
      }
    }
  };
  const walkData = (data: unknown) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
    for (const [key, value] of Object.entries(data)) {
      const field = Object.hasOwn(form.fields, key) ? form.fields[key] : undefined;
      if (field) walk(value, field.definition, undefined, 0);
    }
  };
  for (const input of inputs) {
    const event = input?.event as {
      type?: unknown;
      data?: unknown;
      update?: { status?: unknown; outputs?: unknown };
    };
    if (!event || typeof event !== 'object') continue;
    if (event.type === 'submit' || event.type === 'precheck' || event.type === 'answerCorrection')
      walkData(event.data);
    else if (event.type === 'departmentUpdate' && event.update?.status === 'issued')
      walkData(event.update.outputs);
  }
  return found;
}
