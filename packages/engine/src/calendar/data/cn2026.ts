import type { CalendarYear } from '../types.js';

/**
 * China's 2026 public holidays and make-up working days, as listed by the State Council notice
 * 国务院办公厅关于2026年部分节假日安排的通知, issued 2025-11-04.
 */
export const cn2026: CalendarYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日发布）',
  issued: '2025-11-04',
  periods: [
    {
      id: 'newYearsDay',
      name: { 'zh-CN': '元旦', en: "New Year's Day" },
      from: '2026-01-01',
      to: '2026-01-03',
      makeUpWorkdays: ['2026-01-04'],
    },
    {
      id: 'springFestival',
      name: { 'zh-CN': '春节', en: 'Spring Festival' },
      from: '2026-02-15',
      to: '2026-02-23',
      makeUpWorkdays: ['2026-02-14', '2026-02-28'],
    },
    {
      id: 'qingming',
      name: { 'zh-CN': '清明节', en: 'Qingming Festival' },
      from: '2026-04-04',
      to: '2026-04-06',
      makeUpWorkdays: [],
    },
    {
      id: 'labourDay',
      name: { 'zh-CN': '劳动节', en: 'Labour Day' },
      from: '2026-05-01',
      to: '2026-05-05',
      makeUpWorkdays: ['2026-05-09'],
    },
    {
      id: 'dragonBoatFestival',
      name: { 'zh-CN': '端午节', en: 'Dragon Boat Festival' },
      from: '2026-06-19',
      to: '2026-06-21',
      makeUpWorkdays: [],
    },
    {
      id: 'midAutumnFestival',
      name: { 'zh-CN': '中秋节', en: 'Mid-Autumn Festival' },
      from: '2026-09-25',
      to: '2026-09-27',
      makeUpWorkdays: [],
    },
    {
      id: 'nationalDay',
      name: { 'zh-CN': '国庆节', en: 'National Day' },
      from: '2026-10-01',
      to: '2026-10-07',
      makeUpWorkdays: ['2026-09-20', '2026-10-10'],
    },
  ],
};
