import { describe, it, expect } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween, isIsoDate } from './dates.js';

describe('dates', () => {
  it('isIsoDate checks the calendar', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-4-01')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-04-30T00:00')).toBe(false);
  });

  it('ageOn counts full years', () => {
    expect(ageOn('2000-06-15', '2024-06-14')).toBe(23);
    expect(ageOn('2000-06-15', '2024-06-15')).toBe(24);
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageOn('2024-01-01', '2023-12-31')).toBeNaN();
    expect(ageOn('bad', '2023-12-31')).toBeNaN();
  });

  it('daysBetween is signed and crosses leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2000-01-01', '2100-01-01')).toBe(36525);
    expect(daysBetween('x', '2024-01-01')).toBeNaN();
  });

  it('addDays and addMonths round-trip and clamp', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-15', addDays('2024-01-15', 400))).toBe(400);
    expect(addDays('9999-12-31', 1)).toBe('');
    expect(addDays('2024-01-01', 0.5)).toBe('');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('0001-01-01', -1)).toBe('');
  });
});
