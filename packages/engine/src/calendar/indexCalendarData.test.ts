import { describe, it, expect } from 'vitest';
import { toDayNumber } from './dayNumber.js';
import { indexCalendarData } from './indexCalendarData.js';
import type { CalendarYear, HolidayPeriod } from './types.js';
import { errorCode } from '../../test/fixtures/errorCode.js';

const period = (from: string, to: string, makeUpWorkdays: string[] = []): HolidayPeriod => ({
  id: 'test',
  name: { 'zh-CN': '测试假期', en: 'Test holiday' },
  from,
  to,
  makeUpWorkdays,
});
const year = (y: number, ...periods: HolidayPeriod[]): CalendarYear => ({ year: y, source: 'test', periods });

describe('indexCalendarData', () => {
  it('indexes every day off of a period, weekends included, and each make-up day', () => {
    const { years, overrides } = indexCalendarData([
      year(2030, period('2030-05-01', '2030-05-05', ['2030-05-11'])),
    ]);
    expect(years).toEqual([2030]);
    expect(overrides.size).toBe(6);
    for (const date of ['2030-05-01', '2030-05-04', '2030-05-05']) {
      expect(overrides.get(toDayNumber(date))?.working).toBe(false);
    }
    expect(overrides.get(toDayNumber('2030-05-11'))?.working).toBe(true);
    expect(overrides.has(toDayNumber('2030-05-06'))).toBe(false);
  });

  it('lets a later notice for the same year replace an earlier one', () => {
    const first = year(2030, period('2030-05-01', '2030-05-05'));
    const corrected = year(2030, period('2030-05-01', '2030-05-03'));
    const { years, overrides } = indexCalendarData([first, corrected]);
    expect(years).toEqual([2030]);
    expect(overrides.has(toDayNumber('2030-05-05'))).toBe(false);
    expect(overrides.get(toDayNumber('2030-05-03'))?.period).toBe(corrected.periods[0]);
  });

  it('sorts covered years', () => {
    expect(indexCalendarData([year(2031), year(2029), year(2030)]).years).toEqual([2029, 2030, 2031]);
  });

  it('accepts a make-up day in the previous year (2012 notice: 2011-12-31 worked for 元旦)', () => {
    const { overrides } = indexCalendarData([year(2012, period('2012-01-01', '2012-01-03', ['2011-12-31']))]);
    expect(overrides.get(toDayNumber('2011-12-31'))?.working).toBe(true);
  });

  it('rejects data that cannot be a notice', () => {
    expect(errorCode(() => indexCalendarData([year(2030, period('2030-05-05', '2030-05-01'))]))).toBe(
      'CALENDAR_BAD_DATA',
    );
    // 2030-05-08 is a Wednesday: a make-up day there would be a typo.
    expect(
      errorCode(() => indexCalendarData([year(2030, period('2030-05-01', '2030-05-05', ['2030-05-08']))])),
    ).toBe('CALENDAR_BAD_DATA');
    expect(errorCode(() => indexCalendarData([year(20300, period('2030-05-01', '2030-05-05'))]))).toBe(
      'CALENDAR_BAD_DATA',
    );
    expect(errorCode(() => indexCalendarData([year(2030.5)]))).toBe('CALENDAR_BAD_DATA');
    expect(errorCode(() => indexCalendarData([year(2030, period('2030-05-01', '2030-05-32'))]))).toBe(
      'CALENDAR_BAD_DATE',
    );
    expect(
      errorCode(() => indexCalendarData([year(2030, period('2030-05-01', '2030-05-05', ['May 11']))])),
    ).toBe('CALENDAR_BAD_DATE');
  });

  it('rejects two notices that disagree about a date, naming both periods', () => {
    const a = year(2030, period('2030-12-29', '2031-01-01'));
    const b = year(2031, {
      ...period('2031-01-01', '2031-01-01', ['2030-12-29']),
      name: { 'zh-CN': '元旦', en: "New Year's Day" },
    });
    expect(errorCode(() => indexCalendarData([a, b]))).toBe('CALENDAR_BAD_DATA');
    expect(() => indexCalendarData([a, b])).toThrow(
      /2030-12-29 is both a day off of 测试假期.*make-up working day of 元旦/,
    );
  });
});
