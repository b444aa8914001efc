import { describe, it, expect } from 'vitest';
import { addDays } from '../../domain/dates.js';
import { createWorkCalendar } from '../createWorkCalendar.js';
import { cn2026 } from './cn2026.js';

// Transcribed by hand from the notice issued 2025-11-04, independently of cn2026.ts.
const OFF: Record<string, string[]> = {
  元旦: ['2026-01-01', '2026-01-02', '2026-01-03'],
  春节: [
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
  ],
  清明节: ['2026-04-04', '2026-04-05', '2026-04-06'],
  劳动节: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
  端午节: ['2026-06-19', '2026-06-20', '2026-06-21'],
  中秋节: ['2026-09-25', '2026-09-26', '2026-09-27'],
  国庆节: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
};
// Make-up working days with the weekday the notice states (0 = Sunday, 6 = Saturday).
const WORKED: Array<[date: string, weekday: number, period: string]> = [
  ['2026-01-04', 0, '元旦'],
  ['2026-02-14', 6, '春节'],
  ['2026-02-28', 6, '春节'],
  ['2026-05-09', 6, '劳动节'],
  ['2026-09-20', 0, '国庆节'],
  ['2026-10-10', 6, '国庆节'],
];

const calendar = createWorkCalendar([cn2026]);
const utcWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('cn2026', () => {
  it('names seven holiday periods in both languages', () => {
    expect(cn2026.periods.map((p) => p.name['zh-CN'])).toEqual(Object.keys(OFF));
    for (const p of cn2026.periods) expect(p.name.en).toMatch(/^[A-Z]/);
  });

  it.each(Object.entries(OFF))('%s: every day off is not a working day', (name, dates) => {
    for (const date of dates) {
      const info = calendar.dayInfo(date);
      expect(info, date).toMatchObject({ working: false, kind: 'holiday', covered: true });
      expect(info.period?.name['zh-CN']).toBe(name);
    }
    // Each period is bracketed by working days: nothing before or after it is off.
    expect(calendar.isWorkingDay(addDays(dates[0] as string, -1))).toBe(true);
    expect(calendar.isWorkingDay(addDays(dates[dates.length - 1] as string, 1))).toBe(true);
  });

  it.each(WORKED)('%s (weekday %i) is a make-up working day for %s', (date, weekday, name) => {
    expect(utcWeekday(date)).toBe(weekday);
    expect(calendar.isWorkingDay(date)).toBe(true);
    expect(calendar.dayInfo(date)).toMatchObject({ working: true, kind: 'makeUpWorkday' });
    expect(calendar.dayInfo(date).period?.name['zh-CN']).toBe(name);
  });

  it('lists nothing else: every other weekday works, every other weekend day rests', () => {
    const listed = new Set([...Object.values(OFF).flat(), ...WORKED.map(([d]) => d)]);
    for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (listed.has(date)) continue;
      const weekend = [0, 6].includes(utcWeekday(date));
      expect(calendar.dayInfo(date), date).toMatchObject({
        working: !weekend,
        kind: weekend ? 'weekend' : 'workday',
      });
    }
  });

  it('has 248 working days: 261 weekdays − 19 weekdays off + 6 make-up days', () => {
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});
