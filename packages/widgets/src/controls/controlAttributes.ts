import type { ControlProps } from './types.js';

/** The attributes every control puts on its input (or group container). */
export interface ControlAttributes {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

/**
 * `id`, `aria-describedby`, `aria-invalid` (the engine reports an error) and `aria-required` (the engine
 * says required) for a control. `required` itself is never set: the browser's own validation bubbles
 * would compete with the engine's messages.
 */
export function controlAttributes({ id, describedBy, field }: ControlProps): ControlAttributes {
  return {
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': (field.touched && field.errors.some((d) => d.severity === 'error')) || undefined,
    'aria-required': field.required || undefined,
  };
}
