import { EditorState, type Extension } from '@codemirror/state';

/** CodeMirror's own interface texts (search, go to line, folding, lint panel) in Chinese. */
const ZH_CN: Record<string, string> = {
  Find: '查找',
  Replace: '替换',
  next: '下一个',
  previous: '上一个',
  all: '全部',
  'match case': '区分大小写',
  regexp: '正则表达式',
  'by word': '全词匹配',
  replace: '替换',
  'replace all': '全部替换',
  close: '关闭',
  'current match': '当前匹配',
  'replaced $ matches': '已替换 $ 处',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'on line': '在第几行',
  'Go to line': '转到行',
  go: '转到',
  'Folded lines': '已折叠的行',
  'Unfolded lines': '已展开的行',
  to: '至',
  'folded code': '折叠的代码',
  unfold: '展开',
  'Fold line': '折叠此行',
  'Unfold line': '展开此行',
  'Selection deleted': '已删除所选内容',
  Diagnostics: '问题',
  'No diagnostics': '没有问题',
  Completions: '补全建议',
};

/** The phrases extension for the interface language (English is CodeMirror's own). */
export function editorPhrases(lang: 'zh-CN' | 'en'): Extension {
  return lang === 'zh-CN' ? EditorState.phrases.of(ZH_CN) : [];
}
