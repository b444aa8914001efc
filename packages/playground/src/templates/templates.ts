import type { LocalizedText } from '@onething/engine';
import type { BundleFormat } from '../share/shareFormat.js';
import blankTwoDepartments from './blank-two-departments.yaml?raw';
import openRestaurant from './open-restaurant.yaml?raw';

/** A bundle to start from in the playground's “new” menu. */
export interface BundleTemplate {
  id: string;
  title: { 'zh-CN': string; en: string };
  /** One line on what the template shows. */
  summary: LocalizedText;
  format: BundleFormat;
  text: string;
}

/**
 * The templates, simplest first: each loads with no diagnostic and compiles (templates.test.ts).
 *
 * @example
 * const blank = templates.find((t) => t.id === 'blank-two-departments')!;
 * editor.setText(blank.text, blank.format);
 */
export const templates: readonly BundleTemplate[] = [
  {
    id: 'blank-two-departments',
    title: { 'zh-CN': '空白：两个部门一件事', en: 'Blank: one thing, two departments' },
    summary: {
      'zh-CN': '两个部门各一个事项，申请人信息只填一次。',
      en: 'One item in each of two departments; the applicant is entered once.',
    },
    format: 'yaml',
    text: blankTwoDepartments,
  },
  {
    id: 'open-restaurant',
    title: { 'zh-CN': '示例：开办餐饮店一件事', en: 'Example: opening a restaurant' },
    summary: {
      'zh-CN': '三个部门、四个事项，含从业人员重复组、显示条件、情形、容缺受理和告知承诺。',
      en: 'Three departments, four items: a repeating group, a visibility rule, conditional items, accept-with-missing and a commitment.',
    },
    format: 'yaml',
    text: openRestaurant,
  },
];
