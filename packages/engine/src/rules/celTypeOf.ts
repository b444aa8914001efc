import type { FieldShape } from '../bundle/types.js';

/**
 * The CEL type a field's value has inside rules. Dates stay ISO strings (they compare in
 * order as text); objects are `map<string, dyn>` so `s.subscribedAmt` type-checks inside
 * macros such as `shareholders.all(s, …)`.
 *
 * @example celTypeOf({ type: 'array', items: { type: 'integer' } }) // 'list<int>'
 */
export function celTypeOf(shape: Pick<FieldShape, 'type' | 'items'>): string {
  switch (shape.type) {
    case 'integer':
      return 'int';
    case 'number':
      return 'double';
    case 'boolean':
      return 'bool';
    case 'array':
      return `list<${shape.items ? celTypeOf(shape.items) : 'dyn'}>`;
    case 'object':
      return 'map<string, dyn>';
    default:
      // string, date, datetime, and anything a schema-violating bundle might contain.
      return 'string';
  }
}
