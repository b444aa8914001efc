import { useEffect, useReducer } from 'preact/hooks';
import type { FormState } from '@onething/engine/runtime';

/**
 * Re-render the component whenever the engine's form state changes. The engine tells which fields
 * changed; components read what they need from the state, so nothing is copied here.
 */
export function useFormState(state: FormState): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => state.subscribe(() => bump(undefined)), [state]);
  return version;
}
