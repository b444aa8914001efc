/** Whether a value is a JSON object (not null, not an array): the guard every walk over untrusted schemas needs. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]` only when `key` is the record's own property (never something from Object.prototype). */
export function ownValue(record: unknown, key: string): unknown {
  return isPlainObject(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}
