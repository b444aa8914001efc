import type { CalendarYear } from '../types.js';

/**
 * China's 2025 public holidays and make-up working days, as listed by the State Council notice
 * 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), the first year with 13 statutory days.
 */
export const cn2025: CalendarYear = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  periods: [
    {
      id: 'newYearsDay',
      name: { 'zh-CN': '元旦', en: "New Year's Day" },
      from: '2025-01-01',
      to: '2025-01-01',
      makeUpWorkdays: [],
    },
    {
      id: 'springFestival',
      name: { 'zh-CN': '春节', en: 'Spring Festival' },
      from: '2025-01-28',
      to: '2025-02-04',
      makeUpWorkdays: ['2025-01-26', '2025-02-08'],
    },
    {
      id: 'qingming',
      name: { 'zh-CN': '清明节', en: 'Qingming Festival' },
      from: '2025-04-04',
      to: '2025-04-06',
      makeUpWorkdays: [],
    },
    {
      id: 'labourDay',
      name: { 'zh-CN': '劳动节', en: 'Labour Day' },
      from: '2025-05-01',
      to: '2025-05-05',
      makeUpWorkdays: ['2025-04-27'],
    },
    {
      id: 'dragonBoatFestival',
      name: { 'zh-CN': '端午节', en: 'Dragon Boat Festival' },
      from: '2025-05-31',
      to: '2025-06-02',
      makeUpWorkdays: [],
    },
    {
      id: 'nationalDay',
      name: { 'zh-CN': '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
      from: '2025-10-01',
      to: '2025-10-08',
      makeUpWorkdays: ['2025-09-28', '2025-10-11'],
    },
  ],
};
