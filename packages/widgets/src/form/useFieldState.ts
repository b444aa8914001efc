import { useEffect, useReducer } from 'preact/hooks';
import type { FormState } from '@onething/engine';

/**
 * Re-render only when this field changes (its value, visibility, required, errors…): a keystroke
 * in a 2,000-field form re-renders the rows it affects, not the form.
 */
export function useFieldState(state: FormState, key: string): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => state.subscribeField(key, () => bump(undefined)), [state, key]);
  return version;
}
