import { OnethingError } from '../diagnostics/OnethingError.js';
import { cnCalendars } from './data/cnCalendars.js';
import { MAX_DAY_NUMBER, fromDayNumber, toDayNumber, weekdayOf } from './dayNumber.js';
import { indexCalendarData } from './indexCalendarData.js';
import type { CalendarYear, DayInfo, WorkCalendar, WorkingDayOptions } from './types.js';

/** The largest limit accepted, about 380 years: far beyond any legal limit, small enough to loop. */
const MAX_WORKING_DAYS = 100_000;

/**
 * Builds a working-day calendar (工作日) for 限时办结 deadlines from State Council holiday notices:
 * Monday–Friday, minus the days off of each holiday period, plus the weekend make-up working days
 * (调休上班日). A year without a notice counts Monday–Friday only; `covers(year)` and
 * `uncoveredYears` tell callers when to warn. A later notice for the same year replaces an earlier
 * one. Pure and deterministic: it never reads the clock. Bad arguments throw `OnethingError`
 * (`CALENDAR_BAD_DATE`, `CALENDAR_BAD_RANGE`, `CALENDAR_BAD_COUNT`, `CALENDAR_BAD_DATA`).
 *
 * @example
 * const calendar = createWorkCalendar(); // the built-in 2025 and 2026 notices
 * calendar.addWorkingDays('2025-09-30', 5); // '2025-10-14': 10-01..08 are off, Saturday 10-11 is worked
 * calendar.addWorkingDays('2025-09-30', 5, { paused: [{ from: '2025-10-09', to: '2025-10-10' }] }); // '2025-10-16'
 */
export function createWorkCalendar(data: readonly CalendarYear[] = cnCalendars): WorkCalendar {
  const { years, overrides } = indexCalendarData(data);
  const covered = new Set(years);

  const isWorking = (day: number): boolean => {
    const override = overrides.get(day);
    if (override) return override.working;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  };

  /** Whether a day counts towards a limit: a working day outside every pause. */
  const counter = (options: WorkingDayOptions | undefined): ((day: number) => boolean) => {
    const paused = (options?.paused ?? []).map(({ from, to }) => {
      const start = toDayNumber(from, 'start of a paused range');
      const end = toDayNumber(to, 'end of a paused range');
      if (end < start) {
        throw new OnethingError(
          'CALENDAR_BAD_RANGE',
          `The paused range ${from}–${to} ends before it starts. Pass { from, to } with from on or before to.`,
        );
      }
      return [start, end] as const;
    });
    if (paused.length === 0) return isWorking;
    return (day) => isWorking(day) && !paused.some(([start, end]) => day >= start && day <= end);
  };

  const addWorkingDays = (start: string, n: number, options?: WorkingDayOptions): string => {
    let day = toDayNumber(start, 'start date');
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new OnethingError(
        'CALENDAR_BAD_COUNT',
        `The number of working days must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${String(n)}.`,
      );
    }
    const counts = counter(options);
    // The day of acceptance itself never counts (行政许可法 §42, 民法典 §201): start the day after.
    for (let counted = 0; counted < n;) {
      day += 1;
      if (day > MAX_DAY_NUMBER) {
        throw new OnethingError(
          'CALENDAR_BAD_COUNT',
          `${n} working days after ${start} fall after 9999-12-31, the last date the calendar can name.`,
        );
      }
      if (counts(day)) counted += 1;
    }
    return fromDayNumber(day);
  };

  const workingDaysBetween = (a: string, b: string, options?: WorkingDayOptions): number => {
    const from = toDayNumber(a, 'first date');
    const to = toDayNumber(b, 'second date');
    const counts = counter(options);
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let total = 0;
    for (let day = low + 1; day <= high; day++) if (counts(day)) total += 1;
    return sign * total;
  };

  const dayInfo = (date: string): DayInfo => {
    const day = toDayNumber(date);
    const weekday = weekdayOf(day);
    const isCovered = covered.has(Number(date.slice(0, 4)));
    const override = overrides.get(day);
    if (override) {
      const kind = override.working ? 'makeUpWorkday' : 'holiday';
      return { date, weekday, working: override.working, kind, period: override.period, covered: isCovered };
    }
    const weekend = weekday === 0 || weekday === 6;
    return { date, weekday, working: !weekend, kind: weekend ? 'weekend' : 'workday', covered: isCovered };
  };

  return {
    coveredYears: Object.freeze(years),
    covers: (year) => covered.has(year),
    uncoveredYears: (from, to) => {
      toDayNumber(from, 'first date');
      toDayNumber(to, 'last date');
      const first = Number(from.slice(0, 4));
      const last = Number(to.slice(0, 4));
      const missing: number[] = [];
      for (let year = first; year <= last; year++) if (!covered.has(year)) missing.push(year);
      return missing;
    },
    isWorkingDay: (date) => isWorking(toDayNumber(date)),
    dayInfo,
    nextWorkingDay: (date) => addWorkingDays(date, 1),
    addWorkingDays,
    workingDaysBetween,
  };
}
