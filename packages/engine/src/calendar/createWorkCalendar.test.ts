import { describe, it, expect } from 'vitest';
import { createWorkCalendar } from './createWorkCalendar.js';
import { cn2025 } from './data/cn2025.js';
import type { CalendarYear } from './types.js';
import { errorCode } from '../../test/fixtures/errorCode.js';

const calendar = createWorkCalendar();

describe('createWorkCalendar', () => {
  it('loads the built-in 2025 and 2026 notices by default', () => {
    expect(calendar.coveredYears).toEqual([2025, 2026]);
    expect(calendar.covers(2025)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
  });

  describe('addWorkingDays', () => {
    it('counts from the day after acceptance: a Friday + 1 is the next Monday', () => {
      expect(calendar.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
      expect(calendar.addWorkingDays('2025-03-05', 1)).toBe('2025-03-06');
    });

    it('returns the day of acceptance for 即办 (n = 0), even on a holiday', () => {
      expect(calendar.addWorkingDays('2025-03-07', 0)).toBe('2025-03-07');
      expect(calendar.addWorkingDays('2025-10-03', 0)).toBe('2025-10-03');
    });

    it('skips 国庆+中秋 2025 and counts make-up Saturday 10-11', () => {
      // 10-01..08 off; 10-09 Thu wd1, 10-10 Fri wd2, 10-11 Sat wd3, 10-13 Mon wd4, 10-14 Tue wd5.
      expect(calendar.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
      expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    });

    it('rolls a limit that would end on a holiday forward, because only working days count', () => {
      // 09-25 wd1, 09-26 wd2, 09-28 (Sunday, make-up) wd3, 09-29 wd4, 09-30 wd5, then 10-09.
      expect(calendar.addWorkingDays('2025-09-24', 5)).toBe('2025-09-30');
      expect(calendar.addWorkingDays('2025-09-24', 6)).toBe('2025-10-09');
    });

    it('computes the 20-working-day statutory limit (行政许可法 §42) across 国庆', () => {
      expect(calendar.addWorkingDays('2025-09-15', 20)).toBe('2025-10-17');
    });

    it('counts make-up Saturday 2026-02-14 before 春节 2026', () => {
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
      expect(calendar.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    });

    it('crosses the year boundary onto make-up Sunday 2026-01-04', () => {
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
      expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    });

    it('does not count paused days (补正, excluded 特殊环节)', () => {
      const paused = [{ from: '2025-10-09', to: '2025-10-10' }];
      expect(calendar.addWorkingDays('2025-09-30', 5, { paused })).toBe('2025-10-16');
      // A pause over days off changes nothing.
      expect(
        calendar.addWorkingDays('2025-09-30', 5, { paused: [{ from: '2025-10-01', to: '2025-10-08' }] }),
      ).toBe('2025-10-14');
      // Overlapping and single-day pauses.
      const overlapping = [
        { from: '2025-03-10', to: '2025-03-12' },
        { from: '2025-03-11', to: '2025-03-13' },
        { from: '2025-03-17', to: '2025-03-17' },
      ];
      // 03-10..13 and 03-17 paused: 03-14 wd1, 03-18 wd2.
      expect(calendar.addWorkingDays('2025-03-07', 2, { paused: overlapping })).toBe('2025-03-18');
      expect(calendar.addWorkingDays('2025-03-07', 2, { paused: [] })).toBe('2025-03-11');
    });

    it('rejects a bad count, a bad date and a reversed pause', () => {
      expect(errorCode(() => calendar.addWorkingDays('2025-03-07', -1))).toBe('CALENDAR_BAD_COUNT');
      expect(errorCode(() => calendar.addWorkingDays('2025-03-07', 1.5))).toBe('CALENDAR_BAD_COUNT');
      expect(errorCode(() => calendar.addWorkingDays('2025-03-07', Number.NaN))).toBe('CALENDAR_BAD_COUNT');
      expect(errorCode(() => calendar.addWorkingDays('9999-12-30', 2))).toBe('CALENDAR_BAD_COUNT');
      expect(errorCode(() => calendar.addWorkingDays('2025/03/07', 1))).toBe('CALENDAR_BAD_DATE');
      expect(errorCode(() => calendar.addWorkingDays('2025-02-29', 1))).toBe('CALENDAR_BAD_DATE');
      expect(
        errorCode(() =>
          calendar.addWorkingDays('2025-03-07', 1, { paused: [{ from: '2025-03-10', to: 'later' }] }),
        ),
      ).toBe('CALENDAR_BAD_DATE');
      expect(
        errorCode(() =>
          calendar.addWorkingDays('2025-03-07', 1, { paused: [{ from: '2025-03-10', to: '2025-03-09' }] }),
        ),
      ).toBe('CALENDAR_BAD_RANGE');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after a up to and including b', () => {
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
      expect(calendar.workingDaysBetween('2025-03-07', '2025-03-07')).toBe(0);
      expect(calendar.workingDaysBetween('2025-12-31', '2026-01-04')).toBe(1);
    });

    it('is negative when b is before a, for days remaining or overdue', () => {
      expect(calendar.workingDaysBetween('2025-10-14', '2025-09-30')).toBe(-5);
    });

    it('leaves paused days out', () => {
      const paused = [{ from: '2025-10-09', to: '2025-10-10' }];
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-14', { paused })).toBe(3);
    });
  });

  it('nextWorkingDay skips holidays and weekends', () => {
    expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(calendar.nextWorkingDay('2026-01-02')).toBe('2026-01-04');
    expect(calendar.nextWorkingDay('2025-03-07')).toBe('2025-03-10');
  });

  it('dayInfo explains each kind of day', () => {
    expect(calendar.dayInfo('2025-10-01')).toMatchObject({
      kind: 'holiday',
      working: false,
      weekday: 3,
      covered: true,
    });
    expect(calendar.dayInfo('2025-10-01').period?.name.en).toBe('National Day and Mid-Autumn Festival');
    expect(calendar.dayInfo('2025-10-11')).toMatchObject({
      kind: 'makeUpWorkday',
      working: true,
      weekday: 6,
    });
    expect(calendar.dayInfo('2025-10-12')).toMatchObject({ kind: 'weekend', working: false, weekday: 0 });
    expect(calendar.dayInfo('2025-10-13')).toMatchObject({ kind: 'workday', working: true, weekday: 1 });
    expect(calendar.dayInfo('2025-10-13').period).toBeUndefined();
  });

  describe('years without a notice', () => {
    it('fall back to Monday–Friday and say so', () => {
      // 2027-10-01 is a Friday; with no 2027 notice loaded it counts as a working day.
      expect(calendar.isWorkingDay('2027-10-01')).toBe(true);
      expect(calendar.dayInfo('2027-10-01')).toMatchObject({ kind: 'workday', covered: false });
      expect(calendar.isWorkingDay('2027-10-02')).toBe(false);
      expect(calendar.addWorkingDays('2027-10-01', 1)).toBe('2027-10-04');
      expect(calendar.uncoveredYears('2026-12-01', '2028-01-10')).toEqual([2027, 2028]);
      expect(calendar.uncoveredYears('2025-01-01', '2026-12-31')).toEqual([]);
    });

    it('is what an empty calendar does everywhere', () => {
      const plain = createWorkCalendar([]);
      expect(plain.coveredYears).toEqual([]);
      expect(plain.isWorkingDay('2025-10-01')).toBe(true);
      expect(plain.isWorkingDay('2025-10-11')).toBe(false);
      expect(plain.addWorkingDays('2025-09-30', 5)).toBe('2025-10-07');
    });
  });

  it('takes injected notices, a later one replacing the built-in year', () => {
    const corrected2025: CalendarYear = {
      ...cn2025,
      source: 'a corrected notice',
      periods: cn2025.periods.filter((p) => p.id !== 'nationalDay'),
    };
    const custom = createWorkCalendar([cn2025, corrected2025]);
    expect(custom.isWorkingDay('2025-10-01')).toBe(true);
    expect(custom.isWorkingDay('2025-10-11')).toBe(false);
    expect(custom.isWorkingDay('2025-01-01')).toBe(false);
    expect(custom.covers(2026)).toBe(false);
  });

  it('validates inputs of every method', () => {
    expect(errorCode(() => calendar.isWorkingDay('2025-10-1'))).toBe('CALENDAR_BAD_DATE');
    expect(errorCode(() => calendar.dayInfo('tomorrow'))).toBe('CALENDAR_BAD_DATE');
    expect(errorCode(() => calendar.nextWorkingDay(''))).toBe('CALENDAR_BAD_DATE');
    expect(errorCode(() => calendar.workingDaysBetween('2025-10-01', '2025-10-32'))).toBe(
      'CALENDAR_BAD_DATE',
    );
    expect(errorCode(() => calendar.uncoveredYears('2025', '2026'))).toBe('CALENDAR_BAD_DATE');
  });
});
