import { OnethingError } from '../diagnostics/OnethingError.js';
import { parseIsoDate } from '../domain/dates.js';

/**
 * Dates as day numbers (days since 1970-01-01), so the counting loops add integers instead of
 * building `Date` objects. Integer civil-calendar arithmetic after Howard Hinnant's
 * `days_from_civil`, valid for the years 1–9999 that `parseIsoDate` accepts.
 */

/** The day number of 9999-12-31, the last date the calendar can name. */
export const MAX_DAY_NUMBER = 2_932_896;

/** The day number of 0001-01-01. */
export const MIN_DAY_NUMBER = -719_162;

/**
 * The day number of a `YYYY-MM-DD` date; throws `CALENDAR_BAD_DATE` for anything else, since
 * passing a non-date is a programmer error.
 *
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: string, what = 'date'): number {
  const parsed = typeof date === 'string' ? parseIsoDate(date) : undefined;
  if (!parsed) {
    throw new OnethingError(
      'CALENDAR_BAD_DATE',
      `The ${what} ${JSON.stringify(date)} is not a calendar date. Pass a real date written YYYY-MM-DD, e.g. "2025-10-09".`,
    );
  }
  const [year, month, day] = parsed;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The `YYYY-MM-DD` date of a day number between `MIN_DAY_NUMBER` and `MAX_DAY_NUMBER`. */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}
