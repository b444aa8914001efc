import { describe, it, expect } from 'vitest';
import { OnethingError } from '../diagnostics/OnethingError.js';
import { MAX_DAY_NUMBER, MIN_DAY_NUMBER, fromDayNumber, toDayNumber, weekdayOf } from './dayNumber.js';

describe('dayNumber', () => {
  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2);
    expect(toDayNumber('2100-03-01') - toDayNumber('2100-02-28')).toBe(1);
    expect(toDayNumber('2025-10-01')).toBe(Date.UTC(2025, 9, 1) / 86_400_000);
  });

  it('names the bounds of years 1–9999', () => {
    expect(toDayNumber('0001-01-01')).toBe(MIN_DAY_NUMBER);
    expect(toDayNumber('9999-12-31')).toBe(MAX_DAY_NUMBER);
    expect(fromDayNumber(MIN_DAY_NUMBER)).toBe('0001-01-01');
    expect(fromDayNumber(MAX_DAY_NUMBER)).toBe('9999-12-31');
  });

  it('converts back to dates, leap days included', () => {
    for (const date of ['2024-02-29', '2025-12-31', '2026-01-01', '1900-03-01', '0099-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('gives the weekday, Sunday = 0', () => {
    expect(weekdayOf(toDayNumber('1970-01-01'))).toBe(4);
    expect(weekdayOf(toDayNumber('2026-01-04'))).toBe(0);
    expect(weekdayOf(toDayNumber('2026-02-14'))).toBe(6);
    expect(weekdayOf(toDayNumber('1969-12-28'))).toBe(0);
  });

  it('throws CALENDAR_BAD_DATE for anything but a real YYYY-MM-DD date', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '2025-10-01T00:00', '', 'today']) {
      expect(() => toDayNumber(bad)).toThrow(OnethingError);
      try {
        toDayNumber(bad, 'start date');
      } catch (error) {
        expect((error as OnethingError).code).toBe('CALENDAR_BAD_DATE');
        expect((error as OnethingError).message).toContain('start date');
      }
    }
    expect(() => toDayNumber(20251001 as unknown as string)).toThrow(/not a calendar date/);
  });
});
