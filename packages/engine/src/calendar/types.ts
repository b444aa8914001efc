/**
 * Types of the working-day calendar (工作日历) used for 限时办结 deadlines.
 * Dates are `YYYY-MM-DD` strings read as calendar days, with no time of day and no time zone.
 */

/** One holiday period of a State Council notice: its days off and its make-up working days. */
export interface HolidayPeriod {
  /** Stable key, lowerCamel (`springFestival`, `nationalDay`). */
  id: string;
  name: { 'zh-CN': string; en: string };
  /** First day off, inclusive. */
  from: string;
  /** Last day off, inclusive. Every day from `from` to `to` is off, weekends included. */
  to: string;
  /** Weekend days worked in exchange (调休上班日); may fall in a neighbouring year. */
  makeUpWorkdays: readonly string[];
}

/** The holiday arrangement of one year, transcribed from that year's State Council notice. */
export interface CalendarYear {
  year: number;
  /** The notice transcribed, e.g. `国办发明电〔2024〕12号`, so a reader can check the data. */
  source: string;
  /** The notice's date of issue, when known. */
  issued?: string;
  periods: readonly HolidayPeriod[];
}

/** An inclusive range of dates, e.g. a 补正 period during which the deadline clock stops. */
export interface DateRange {
  from: string;
  to: string;
}

/** Options of the counting functions. */
export interface WorkingDayOptions {
  /** Days inside any of these ranges do not count (补正, excluded 特殊环节 such as 检验 or 专家评审). */
  paused?: readonly DateRange[];
}

/** Why a date is or is not a working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

/** What the calendar knows about one date. */
export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  kind: DayKind;
  /** The holiday period the date is off in, or worked for. */
  period?: HolidayPeriod;
  /** False when no notice for the date's year was loaded, so only weekends were excluded. */
  covered: boolean;
}

/** A working-day calendar built by `createWorkCalendar`. Every method is pure. */
export interface WorkCalendar {
  /** Years for which a notice was loaded, ascending. */
  readonly coveredYears: readonly number[];
  /** Whether a notice for `year` was loaded; when not, that year counts Monday–Friday only. */
  covers(year: number): boolean;
  /** Years from `from` to `to` (inclusive dates) that have no notice, so callers can warn. */
  uncoveredYears(from: string, to: string): number[];
  /** Whether `date` is a working day. */
  isWorkingDay(date: string): boolean;
  /** Why `date` is or is not a working day. */
  dayInfo(date: string): DayInfo;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /**
   * The last day of a limit of `n` working days, counted from the day after `start` (the day of
   * acceptance); `n = 0` (即办) is `start` itself.
   */
  addWorkingDays(start: string, n: number, options?: WorkingDayOptions): string;
  /** Working days after `a` up to and including `b`; negative when `b` is before `a`. */
  workingDaysBetween(a: string, b: string, options?: WorkingDayOptions): number;
}
