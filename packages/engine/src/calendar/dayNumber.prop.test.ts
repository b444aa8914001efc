import { describe, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../domain/dates.js';
import { MAX_DAY_NUMBER, MIN_DAY_NUMBER, fromDayNumber, toDayNumber, weekdayOf } from './dayNumber.js';

describe('dayNumber (properties)', () => {
  it('agrees with the Date-based helpers of domain/dates on every representable day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DAY_NUMBER - MIN_DAY_NUMBER }), (offset) => {
        const date = addDays('0001-01-01', offset);
        const day = toDayNumber(date);
        return day === daysBetween('1970-01-01', date) && fromDayNumber(day) === date;
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date on the weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (day) => {
        return weekdayOf(day) === new Date(day * 86_400_000).getUTCDay();
      }),
    );
  });
});
