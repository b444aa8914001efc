import { OnethingError } from '../diagnostics/OnethingError.js';
import { fromDayNumber, toDayNumber, weekdayOf } from './dayNumber.js';
import type { CalendarYear, HolidayPeriod } from './types.js';

/** What a notice says about one day: off for a holiday, or worked to make up for one. */
export interface DayOverride {
  working: boolean;
  period: HolidayPeriod;
}

/** Notices checked and indexed by day number, ready for constant-time lookups. */
export interface CalendarIndex {
  /** Covered years, ascending. */
  years: number[];
  overrides: Map<number, DayOverride>;
}

/**
 * Checks holiday notices and indexes their days. A later notice for the same year replaces an
 * earlier one, so a corrected notice can be passed after the built-in data. Throws
 * `CALENDAR_BAD_DATE` for a malformed date and `CALENDAR_BAD_DATA` for data that cannot be a
 * notice (a range ending before it starts, a make-up day on a weekday, two notices disagreeing).
 *
 * @example indexCalendarData([cn2025]).overrides.get(toDayNumber('2025-10-01'))?.working // false
 */
export function indexCalendarData(data: readonly CalendarYear[]): CalendarIndex {
  const byYear = new Map<number, CalendarYear>();
  for (const notice of data) {
    if (!Number.isInteger(notice.year) || notice.year < 1 || notice.year > 9999) {
      bad(`The calendar year ${JSON.stringify(notice.year)} is not a year between 1 and 9999.`);
    }
    byYear.set(notice.year, notice);
  }
  const overrides = new Map<number, DayOverride>();
  const set = (day: number, override: DayOverride) => {
    const existing = overrides.get(day);
    if (existing && existing.working !== override.working) {
      const [off, worked] = existing.working ? [override, existing] : [existing, override];
      bad(
        `${fromDayNumber(day)} is both a day off of ${describe(off.period)} and a make-up working day of ` +
          `${describe(worked.period)}. Fix the notice data so each date has one meaning.`,
      );
    }
    overrides.set(day, override);
  };
  for (const notice of byYear.values()) {
    for (const period of notice.periods) {
      const from = toDayNumber(period.from, `first day off of ${describe(period)}`);
      const to = toDayNumber(period.to, `last day off of ${describe(period)}`);
      if (to < from) bad(`${describe(period)} ends (${period.to}) before it starts (${period.from}).`);
      for (let day = from; day <= to; day++) set(day, { working: false, period });
      for (const date of period.makeUpWorkdays) {
        const day = toDayNumber(date, `make-up working day of ${describe(period)}`);
        const weekday = weekdayOf(day);
        // A make-up day on a weekday would change nothing, so it can only be a typo.
        if (weekday !== 0 && weekday !== 6) {
          bad(
            `The make-up working day ${date} of ${describe(period)} is not a Saturday or Sunday. Check the notice.`,
          );
        }
        set(day, { working: true, period });
      }
    }
  }
  return { years: [...byYear.keys()].sort((a, b) => a - b), overrides };
}

function describe(period: HolidayPeriod): string {
  return `${period.name['zh-CN']} (${period.from}–${period.to})`;
}

function bad(message: string): never {
  throw new OnethingError('CALENDAR_BAD_DATA', message);
}
