import type { FieldDefinition } from '../bundle/types.js';
import { ABSENT, toCelValue } from './toCelValue.js';

/**
 * Build the CEL activation for one evaluation: each field value converted by its shape,
 * empty ones left out, and `today` (`YYYY-MM-DD`, the caller's clock) added.
 * Pass `keys` (e.g. the union of the rules' `reads`) to convert only what will be read.
 *
 * @example
 * const ctx = toCelContext({ age: 30 }, bundle.fields, '2025-01-01');
 * rule.evaluate(ctx);
 */
export function toCelContext(
  values: Record<string, unknown>,
  fields: Record<string, FieldDefinition>,
  today: string,
  keys?: Iterable<string>,
): Record<string, unknown> {
  // A null prototype, so a rule reading a field named `toString` never sees Object.prototype.
  const context: Record<string, unknown> = Object.create(null);
  const has = Object.prototype.hasOwnProperty;
  if (values === null || typeof values !== 'object') values = {};
  for (const key of keys ?? Object.keys(fields)) {
    if (key === 'today' || !has.call(fields, key) || !has.call(values, key)) continue;
    const converted = toCelValue(values[key], fields[key]!);
    if (converted !== ABSENT) context[key] = converted;
  }
  if (typeof today === 'string' && today !== '') context.today = today;
  return context;
}
