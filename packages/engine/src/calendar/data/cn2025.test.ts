import { describe, it, expect } from 'vitest';
import { addDays } from '../../domain/dates.js';
import { createWorkCalendar } from '../createWorkCalendar.js';
import { cn2025 } from './cn2025.js';

// Transcribed by hand from 国办发明电〔2024〕12号, independently of cn2025.ts.
const OFF: Record<string, string[]> = {
  元旦: ['2025-01-01'],
  春节: [
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
    '2025-02-03',
    '2025-02-04',
  ],
  清明节: ['2025-04-04', '2025-04-05', '2025-04-06'],
  劳动节: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
  端午节: ['2025-05-31', '2025-06-01', '2025-06-02'],
  '国庆节、中秋节': [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
};
// Make-up working days with the weekday the notice states (0 = Sunday, 6 = Saturday).
const WORKED: Array<[date: string, weekday: number, period: string]> = [
  ['2025-01-26', 0, '春节'],
  ['2025-02-08', 6, '春节'],
  ['2025-04-27', 0, '劳动节'],
  ['2025-09-28', 0, '国庆节、中秋节'],
  ['2025-10-11', 6, '国庆节、中秋节'],
];

const calendar = createWorkCalendar([cn2025]);
const utcWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('cn2025', () => {
  it('names six holiday periods in both languages', () => {
    expect(cn2025.periods.map((p) => p.name['zh-CN'])).toEqual(Object.keys(OFF));
    for (const p of cn2025.periods) expect(p.name.en).toMatch(/^[A-Z]/);
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
    for (let date = '2025-01-01'; date <= '2025-12-31'; date = addDays(date, 1)) {
      if (listed.has(date)) continue;
      const weekend = [0, 6].includes(utcWeekday(date));
      expect(calendar.dayInfo(date), date).toMatchObject({
        working: !weekend,
        kind: weekend ? 'weekend' : 'workday',
      });
    }
  });

  it('has 248 working days: 261 weekdays − 18 weekdays off + 5 make-up days', () => {
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });
});
