/** Whether a value is a JSON object (not null, not an array): the guard every walk over untrusted schemas needs. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]` only when `key` is the record's own property (never something from Object.prototype). */
export function ownValue(record: unknown, key: string): unknown {
  return isPlainObject(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Set an own, enumerable property even when `key` is `__proto__`, which plain assignment would treat as the prototype. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
