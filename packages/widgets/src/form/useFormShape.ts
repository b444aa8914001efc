import type { FormState } from '@onething/engine/runtime';
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';

/**
 * Re-render the form itself only when its shape changes: which sections are visible, which
 * materials are asked for (items that start or stop applying), or, while the error summary is open,
 * any change. Each field row follows its own field (`useFieldState`), so a keystroke in a large form
 * does not re-render the form. Returns the shape as a string, to key what is derived from it.
 */
export function useFormShape(state: FormState, summaryOpen: boolean): string {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const open = useRef(summaryOpen);
  open.current = summaryOpen;
  const shapeOf = () => {
    const sections = state.compiled.bundle.layout?.sections ?? [];
    const hasMaterials = Object.keys(state.compiled.bundle.materials ?? {}).length > 0;
    return (
      sections.map((s) => (state.isSectionVisible(s.id) ? '1' : '0')).join('') +
      (hasMaterials
        ? state
            .materials()
            .map((m) => `${m.id}:${m.required}:${m.satisfiedBy ?? ''}`)
            .join()
        : '')
    );
  };
  const [shape, setShape] = useState(shapeOf);
  useEffect(() => {
    let last = shapeOf();
    if (last !== shape) setShape(last);
    return state.subscribe(() => {
      const next = shapeOf();
      if (next !== last) {
        last = next;
        setShape(next);
      } else if (open.current) bump(undefined);
    });
  }, [state]);
  return shape;
}
