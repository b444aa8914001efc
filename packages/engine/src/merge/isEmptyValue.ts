/** Whether a form value counts as "not filled in": absent, `null` or the empty string. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
