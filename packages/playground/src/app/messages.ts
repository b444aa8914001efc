import type { Lang } from '@onething/engine';
import { fillText } from './fillText.js';

/** The shell's UI texts (each part of the app keeps its own next to it). */
const TEXTS = {
  title: { 'zh-CN': '一件事 · 编排工作台', en: 'onething playground' },
  subtitle: {
    'zh-CN': '编写一件事捆绑包，实时预览一表申请，模拟部门流转',
    en: 'Author a bundle, preview the merged form, simulate the departments',
  },
  example: { 'zh-CN': '打开示例', en: 'Open example' },
  chooseExample: { 'zh-CN': '— 选择示例 —', en: '— choose an example —' },
  template: { 'zh-CN': '从模板新建', en: 'New from template' },
  chooseTemplate: { 'zh-CN': '— 选择模板 —', en: '— choose a template —' },
  import: { 'zh-CN': '导入文件', en: 'Import file' },
  export: { 'zh-CN': '导出文件', en: 'Export file' },
  share: { 'zh-CN': '复制分享链接', en: 'Copy share link' },
  shared: { 'zh-CN': '分享链接已复制到剪贴板', en: 'Share link copied to the clipboard' },
  sharedNoClipboard: { 'zh-CN': '分享链接已写入地址栏', en: 'The share link is in the address bar' },
  language: { 'zh-CN': 'English', en: '中文' },
  languageLabel: { 'zh-CN': '界面语言：切换为英文', en: 'Interface language: switch to Chinese' },
  format: { 'zh-CN': '格式', en: 'Format' },
  editor: { 'zh-CN': '捆绑包源文件', en: 'Bundle source' },
  tabPreview: { 'zh-CN': '表单预览', en: 'Preview' },
  tabProvenance: { 'zh-CN': '字段来源', en: 'Field provenance' },
  tabPayloads: { 'zh-CN': '分部门数据', en: 'Department payloads' },
  tabSimulate: { 'zh-CN': '流转模拟', en: 'Simulator' },
  tabTypes: { 'zh-CN': '类型定义', en: 'Types' },
  notCompiled: {
    'zh-CN': '捆绑包有错误，修正后显示最后一次可用的结果。',
    en: 'The bundle has errors; showing the last version that worked until they are fixed.',
  },
  nothingYet: {
    'zh-CN': '捆绑包有错误，修正“问题”中的错误后显示预览。',
    en: 'The bundle has errors: fix those under Problems to see the preview.',
  },
  status: {
    'zh-CN': '{errors} 个错误，{warnings} 个警告 · 分析用时 {ms} 毫秒',
    en: '{errors} errors, {warnings} warnings · analysed in {ms} ms',
  },
  undo: { 'zh-CN': '撤销', en: 'Undo' },
  undone: { 'zh-CN': '已恢复替换前的内容', en: 'The text from before was restored' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  draftRestored: { 'zh-CN': '已恢复上次的草稿', en: 'Your last draft was restored' },
  sharedOpened: { 'zh-CN': '已打开分享链接中的捆绑包', en: 'Opened the bundle from the share link' },
  replaceConfirm: {
    'zh-CN': '替换编辑器中的内容？当前内容将被覆盖（可先导出）。',
    en: 'Replace what is in the editor? The current text is overwritten (export it first if needed).',
  },
} satisfies Record<string, Record<Lang, string>>;

export type AppText = keyof typeof TEXTS;

/** A shell text in `lang`, with `{name}` placeholders filled. */
export function tr(lang: Lang, key: AppText, params: Record<string, string | number> = {}): string {
  return fillText(TEXTS[key][lang], params);
}
