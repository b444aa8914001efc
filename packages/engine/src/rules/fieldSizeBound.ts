import type { FieldDefinition } from '../bundle/types.js';

/** Assumed bounds when a field declares none: entries of a list, characters of a string. */
const DEFAULT_ITEMS = 200;
const DEFAULT_LENGTH = 1000;

/**
 * A function bounding the size of each variable's value for `estimateCost`: `maxItems` for
 * arrays, `maxLength` for strings, defaults otherwise.
 */
export function fieldSizeBound(fields: Record<string, FieldDefinition>): (name: string) => number {
  return (name) => {
    if (name === 'today') return 10;
    const field = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    switch (field?.type) {
      case 'array':
        return field.maxItems ?? DEFAULT_ITEMS;
      case 'object':
        return Object.keys(field.properties ?? {}).length || DEFAULT_ITEMS;
      case 'string':
      case undefined:
        return field?.maxLength ?? DEFAULT_LENGTH;
      default:
        return 1;
    }
  };
}
