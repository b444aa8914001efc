/**
 * Instants and dates of the flow. Inputs carry ISO 8601 instants from the host's injected clock;
 * limits are counted in calendar dates of China Standard Time (UTC+8, no daylight saving), so a
 * deadline date ends at the next midnight in Beijing whatever the server's time zone.
 */

const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const recent: Array<[string, number | undefined]> = [];

/** Milliseconds since the epoch of an ISO instant with an offset, or `undefined` when it is not one. */
export function parseInstant(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  // Each input's instant is read several times (shape check, decision, next input's "last"): keep a few.
  for (const [known, ms] of recent) if (known === text) return ms;
  const ms = ISO_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  const parsed = Number.isFinite(ms) ? ms : undefined;
  if (recent.length >= 4) recent.shift();
  recent.push([text, parsed]);
  return parsed;
}

/** An instant in China Standard Time: `2025-03-20T09:30:00+08:00`. */
export function formatInstant(ms: number): string {
  return `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

let lastDay = Number.NaN;
let lastDate = '';

/** The China Standard Time date of an instant. */
export function cstDate(ms: number): string {
  // Inputs of one application mostly fall on the same day: remember the last one.
  const day = Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
  if (day !== lastDay) {
    lastDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastDate;
}

/** The instant a date ends: the following midnight in Beijing. */
export function endOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`) + DAY_MS;
}

const endInstants = new Map<string, string>();

/** The instant a date ends, as text (`2025-03-21T00:00:00+08:00` for 2025-03-20); timers use it. */
export function endOfDateInstant(date: string): string {
  let instant = endInstants.get(date);
  if (instant === undefined) {
    if (endInstants.size > 4096) endInstants.clear();
    instant = formatInstant(endOfDate(date));
    endInstants.set(date, instant);
  }
  return instant;
}
