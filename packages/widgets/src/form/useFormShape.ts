import type { FormState } from '@onething/engine/runtime';
import { useEffect, useReducer, useRef } from 'preact/hooks';

/**
 * Re-render the form itself only when its shape changes: which sections are visible, which
 * materials are asked for (items that start or stop applying), or, while the error summary is open,
 * any change. Each field row follows its own field (`useFieldState`), so a keystroke in a large form
 * does not re-render the form.
 */
export function useFormShape(state: FormState, summaryOpen: boolean): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const open = useRef(summaryOpen);
  open.current = summaryOpen;
  useEffect(() => {
    const sections = state.compiled.bundle.layout?.sections ?? [];
    const hasMaterials = Object.keys(state.compiled.bundle.materials ?? {}).length > 0;
    const shape = () =>
      sections.map((s) => (state.isSectionVisible(s.id) ? '1' : '0')).join('') +
      (hasMaterials
        ? state
            .materials()
            .map((m) => `${m.id}:${m.required}:${m.satisfiedBy ?? ''}`)
            .join()
        : '');
    let last = shape();
    return state.subscribe(() => {
      const next = shape();
      if (next !== last || open.current) {
        last = next;
        bump(undefined);
      }
    });
  }, [state]);
}
