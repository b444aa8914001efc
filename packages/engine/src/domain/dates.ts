/**
 * Calendar arithmetic on `YYYY-MM-DD` strings in UTC. Nothing here reads the clock:
 * callers pass "today" in, so results are reproducible.
 */

const DAY_MS = 86_400_000;

/**
 * Year, month (1–12) and day of a valid ISO date (`YYYY-MM-DD`, nothing more), or undefined.
 * Read digit by digit: it runs for every date and ID number a form checks, and a regex match
 * allocates its result each time.
 */
export function parseIsoDate(input: string): [year: number, month: number, day: number] | undefined {
  const value = String(input); // what a regex match would read
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return undefined;
  let n = 0; // YYYYMMDD
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  const year = Math.floor(n / 10_000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** Number of days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Milliseconds since the epoch of a valid date; `setUTCFullYear` keeps years < 100 literal. */
function toTime([year, month, day]: [number, number, number]): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function fromTime(time: number): string {
  const d = new Date(time);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(time) || year < 1 || year > 9999) return '';
  return `${String(year).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD`.
 *
 * @example isIsoDate('2024-02-29') // true; isIsoDate('2023-02-29') // false
 */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

/**
 * Age in full years (周岁) on a date. Someone born on 29 February turns a year older on
 * 1 March in common years. NaN when either date is invalid or `onDate` is before the birth.
 *
 * @example ageOn('2000-06-15', '2024-06-14') // 23
 */
export function ageOn(birthDate: string, onDate: string): number {
  const b = parseIsoDate(birthDate);
  const o = parseIsoDate(onDate);
  if (!b || !o) return NaN;
  let age = o[0] - b[0];
  if (o[1] < b[1] || (o[1] === b[1] && o[2] < b[2])) age -= 1;
  return age < 0 ? NaN : age;
}

/**
 * Whole days from `a` to `b` (negative when `b` is earlier); NaN when either is invalid.
 *
 * @example daysBetween('2024-02-28', '2024-03-01') // 2
 */
export function daysBetween(a: string, b: string): number {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  if (!pa || !pb) return NaN;
  return Math.round((toTime(pb) - toTime(pa)) / DAY_MS);
}

/**
 * The date `n` calendar days after `date` (before, when negative); `''` when the input is
 * invalid or the result leaves years 1–9999.
 *
 * @example addDays('2024-12-31', 1) // '2025-01-01'
 */
export function addDays(date: string, n: number): string {
  const p = parseIsoDate(date);
  if (!p || !Number.isInteger(n) || Math.abs(n) > 4_000_000) return '';
  return fromTime(toTime(p) + n * DAY_MS);
}

/**
 * The date `n` months after `date`, clamped to the month's last day (01-31 + 1 month → 02-28/29);
 * `''` when the input is invalid or the result leaves years 1–9999.
 *
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(date: string, n: number): string {
  const p = parseIsoDate(date);
  if (!p || !Number.isInteger(n) || Math.abs(n) > 120_000) return '';
  const index = p[0] * 12 + (p[1] - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < 1 || year > 9999) return '';
  const day = Math.min(p[2], daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
