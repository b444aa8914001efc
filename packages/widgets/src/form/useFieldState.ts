import { useEffect, useReducer } from 'preact/hooks';
import type { FieldState, FormState } from '@onething/engine/runtime';

/**
 * What a field row shows: when this is unchanged (a touch without a new error), it is not redrawn.
 * Errors show once the field is touched (left, or checked by 下一步/检查/提交), not while it is new.
 */
function shown(field: FieldState): string {
  const errors = field.errors.map((d) => `${d.code}:${d.message}`).join('\u0001');
  const value =
    typeof field.value === 'object' && field.value !== null
      ? JSON.stringify(field.value)
      : String(field.value);
  return `${field.visible}|${field.required}|${field.readOnly}|${field.touched}|${field.departments.join(',')}|${value}|${errors}`;
}

/**
 * Re-render only when what this field shows changes (value, visibility, required, errors,
 * departments): a keystroke or a submit in a 2,000-field form redraws the rows it affects, not the
 * form.
 */
export function useFieldState(state: FormState, key: string): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let last = shown(state.getField(key));
    return state.subscribeField(key, (field) => {
      const next = shown(field);
      if (next !== last) {
        last = next;
        bump(undefined);
      }
    });
  }, [state, key]);
  return version;
}
