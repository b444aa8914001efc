import { describe, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../domain/dates.js';
import { createWorkCalendar } from './createWorkCalendar.js';
import type { DateRange } from './types.js';

const calendar = createWorkCalendar();

// 2024-06-01 … 2027-06-30: both covered years, their boundaries, and uncovered years either side.
const date = fc.integer({ min: 0, max: 1124 }).map((offset) => addDays('2024-06-01', offset));
const pause = fc
  .tuple(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 30 }))
  .map(([offset, length]): DateRange => ({
    from: addDays('2024-06-01', offset),
    to: addDays('2024-06-01', offset + length),
  }));
const options = fc.array(pause, { maxLength: 4 }).map((paused) => ({ paused }));
const inPause = (d: string, paused: readonly DateRange[]) => paused.some((p) => d >= p.from && d <= p.to);

describe('createWorkCalendar (properties)', () => {
  it('lands on a working day outside every pause, after the start, for n ≥ 1', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), options, (start, n, opts) => {
        const end = calendar.addWorkingDays(start, n, opts);
        return end > start && calendar.isWorkingDay(end) && !inPause(end, opts.paused);
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), options, (start, n, opts) => {
        return calendar.addWorkingDays(start, n, opts) < calendar.addWorkingDays(start, n + 1, opts);
      }),
    );
  });

  it('is inverted by workingDaysBetween', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), options, (start, n, opts) => {
        const end = calendar.addWorkingDays(start, n, opts);
        return (
          calendar.workingDaysBetween(start, end) ===
            calendar.workingDaysBetween(start, end, { paused: [] }) &&
          calendar.workingDaysBetween(start, end, opts) === n &&
          calendar.workingDaysBetween(end, start, opts) === -n
        );
      }),
    );
  });

  it('leaves no counting day between consecutive deadlines', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), options, (start, n, opts) => {
        const before = calendar.addWorkingDays(start, n, opts);
        const after = calendar.addWorkingDays(start, n + 1, opts);
        for (let d = addDays(before, 1); d < after; d = addDays(d, 1)) {
          if (calendar.isWorkingDay(d) && !inPause(d, opts.paused)) return false;
        }
        return true;
      }),
    );
  });

  it('nextWorkingDay is addWorkingDays(d, 1) with no pause', () => {
    fc.assert(fc.property(date, (d) => calendar.nextWorkingDay(d) === calendar.addWorkingDays(d, 1)));
  });
});
