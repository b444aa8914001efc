import type { Lang } from '@onething/engine';
import { fillText } from '../app/fillText.js';

const TEXTS = {
  elder: { 'zh-CN': '适老化模式', en: 'Elder-friendly mode' },
  formLang: { 'zh-CN': '表单语言', en: 'Form language' },
  sample: { 'zh-CN': '填入样例', en: 'Fill in a sample' },
  chooseSample: { 'zh-CN': '— 选择样例 —', en: '— choose a sample —' },
  sampleData: { 'zh-CN': '数据：{name}', en: 'Data: {name}' },
  sampleMaterials: { 'zh-CN': '材料决定：{name}', en: 'Material decisions: {name}' },
  reset: { 'zh-CN': '清空已填数据', en: 'Clear entered data' },
  submitted: {
    'zh-CN': '预览表单已提交：数据可在“流转模拟”中使用。',
    en: 'The preview form was submitted: use the data in the Simulator.',
  },
  field: { 'zh-CN': '字段', en: 'Field' },
  key: { 'zh-CN': '键', en: 'Key' },
  feeds: { 'zh-CN': '提供给（部门 · 事项 · 部门字段名）', en: 'Feeds (department · item · their name)' },
  requiredBy: { 'zh-CN': '必填于', en: 'Required by' },
  outputOf: { 'zh-CN': '由事项产出：{item}', en: 'Produced by item: {item}' },
  ruleOnly: { 'zh-CN': '仅供规则使用', en: 'Used by rules only' },
  filter: { 'zh-CN': '按字段或部门筛选', en: 'Filter by field or department' },
  fieldsCount: {
    'zh-CN': '共 {n} 个字段，去重前 {m} 个部门字段',
    en: '{n} fields from {m} department fields',
  },
  notApplicable: { 'zh-CN': '按当前填写，此事项不适用', en: 'Not applicable with the data entered' },
  payloadEmpty: { 'zh-CN': '尚未填写发送给该部门的数据', en: 'Nothing entered for this department yet' },
  payloadHint: {
    'zh-CN': '按预览中当前填写的数据，拆分给各部门的报文（使用各部门自己的字段名；隐藏字段不发送）。',
    en: 'What each department would receive for the data entered in the preview (in its own field names; hidden fields are not sent).',
  },
} satisfies Record<string, Record<Lang, string>>;

/** A preview text in `lang`, with `{name}` placeholders filled. */
export function tp(
  lang: Lang,
  key: keyof typeof TEXTS,
  params: Record<string, string | number> = {},
): string {
  return fillText(TEXTS[key][lang], params);
}
