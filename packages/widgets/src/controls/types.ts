import type { ComponentType } from 'preact';
import type { FieldDefinition, FieldState, Lang } from '@onething/engine/runtime';

/** What every control receives: the engine's state of the field and how to report changes. */
export interface ControlProps {
  /** The engine's view of the field: value, visibility, required, read-only, errors, departments. */
  field: FieldState;
  /** The field's definition in the bundle (type, options, format, widget hint…). */
  definition: FieldDefinition;
  lang: Lang;
  /**
   * DOM id of the input; the label points at it. Group controls (radio, checkbox, repeat) put it on
   * their focusable container instead and take their name from `aria-labelledby="<id>-label"`, so the
   * FieldRow gives its label element the id `<id>-label`. Inner ids start with `<id>-`.
   */
  id: string;
  /** Ids of the help and error texts, for `aria-describedby`. */
  describedBy: string;
  onChange(value: unknown): void;
  onBlur(): void;
}

/**
 * One entry of the control registry: `rank` says how well the control fits a field (higher wins,
 * a negative rank means "not for this field"), as JSON Forms' testers do. Hosts add or override
 * entries per field without forking the widgets.
 */
export interface ControlEntry {
  name: string;
  rank(definition: FieldDefinition, key: string): number;
  Control: ComponentType<ControlProps>;
  /**
   * Whether a value is complete enough to check while it is typed (an 18-character ID number: its
   * check digit is told at once). Otherwise errors wait until the field is left or checked, so an
   * applicant is not told off for a field they have just started.
   */
  liveErrors?(value: unknown): boolean;
}
