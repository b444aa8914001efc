import type { Lang } from '@onething/engine';

/** The widgets' own texts (bundle texts come from the bundle). `{name}` placeholders. */
export const MESSAGES = {
  required: { 'zh-CN': '必填', en: 'required' },
  optional: { 'zh-CN': '选填', en: 'optional' },
  providedTo: { 'zh-CN': '将提供给：{departments}', en: 'Shared with: {departments}' },
  computed: { 'zh-CN': '自动生成', en: 'filled in automatically' },
  errorSummary: { 'zh-CN': '还有 {count} 处需要处理', en: '{count} problem(s) to fix' },
  submit: { 'zh-CN': '提交申请', en: 'Submit' },
  next: { 'zh-CN': '下一步', en: 'Next' },
  previous: { 'zh-CN': '上一步', en: 'Back' },
  review: { 'zh-CN': '核对信息', en: 'Review' },
  step: { 'zh-CN': '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  choose: { 'zh-CN': '请选择', en: 'Choose…' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  loadFailed: { 'zh-CN': '表单加载失败：{reason}', en: 'The form could not be loaded: {reason}' },
  otherSection: { 'zh-CN': '其他信息', en: 'Other information' },
  separator: { 'zh-CN': '、', en: ', ' },
  edit: { 'zh-CN': '修改', en: 'Edit' },
  confirmSubmit: { 'zh-CN': '确认提交', en: 'Confirm and submit' },
  backToForm: { 'zh-CN': '返回修改', en: 'Back to the form' },
  entries: { 'zh-CN': '{count} 项', en: '{count} entries' },
  regionHint: { 'zh-CN': '6 位行政区划代码，如 350203', en: '6-digit division code, e.g. 350203' },
  repeatEntry: { 'zh-CN': '第 {n} 项', en: 'Entry {n}' },
  repeatAdd: { 'zh-CN': '添加一项', en: 'Add an entry' },
  repeatRemove: { 'zh-CN': '删除第 {n} 项', en: 'Remove entry {n}' },
  repeatMoveUp: { 'zh-CN': '上移第 {n} 项', en: 'Move entry {n} up' },
  repeatMoveDown: { 'zh-CN': '下移第 {n} 项', en: 'Move entry {n} down' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** One of the widgets' texts in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][lang];
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? ''));
}
