import { cn2025 } from './cn2025.js';
import { describeNoticeYear } from '../../../test/fixtures/describeNoticeYear.js';

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

// 248 working days = 261 weekdays − 18 weekdays off + 5 make-up days.
describeNoticeYear('cn2025', cn2025, { year: 2025, off: OFF, worked: WORKED, workingDays: 248 });
