/**
 * A `focusout` handler for group controls (radio, checkbox, repeat): reports a blur only when focus
 * leaves the whole group, not when it moves between the group's own inputs.
 */
export function groupBlurHandler(onBlur: () => void): (event: FocusEvent) => void {
  return (event) => {
    const group = event.currentTarget as HTMLElement;
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !group.contains(next)) onBlur();
  };
}
