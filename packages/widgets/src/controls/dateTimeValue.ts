/** Beijing time: the wall clock of every form this SDK serves. */
const OFFSET = '+08:00';
const OFFSET_MS = 8 * 3600_000;
const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The engine's value for a `datetime-local` input: the entered wall-clock time as ISO with the +08:00
 * offset (`2025-03-14T08:35` → `2025-03-14T08:35:00+08:00`); empty → undefined.
 */
export function dateTimeValue(local: string): string | undefined {
  if (local === '') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?$/.exec(local);
  return m ? `${m[1]}${m[2] ?? ':00'}${OFFSET}` : local;
}

/**
 * The `datetime-local` text (`YYYY-MM-DDTHH:mm`) for an ISO value, in Beijing time: a value with another
 * offset (or `Z`) is shifted to +08:00 so the applicant sees the time they would read on a local clock.
 */
export function localDateTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = ISO.exec(value);
  if (!m) return '';
  const offset = m[4];
  if (offset === undefined || offset === OFFSET || offset === '+0800') return `${m[1]}T${m[2]}`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? '' : new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}
