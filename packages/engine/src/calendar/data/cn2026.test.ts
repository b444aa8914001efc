import { cn2026 } from './cn2026.js';
import { describeNoticeYear } from '../../../test/fixtures/describeNoticeYear.js';

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

// 248 working days = 261 weekdays − 19 weekdays off + 6 make-up days.
describeNoticeYear('cn2026', cn2026, { year: 2026, off: OFF, worked: WORKED, workingDays: 248 });
