import type { Severity } from '@onething/engine';

/** The texts of the bundle editor and its problems list, in both working languages. */
export interface EditorMessages {
  editorLabel: string;
  keyHint: string;
  problemsTitle: string;
  noProblems: string;
  severity: Record<Severity, string>;
  count: (n: number, severity: Severity) => string;
  position: (line: number, column: number) => string;
  positionLabel: (line: number, column: number) => string;
  noPosition: string;
  related: string;
  relatedAt: (line: number, column: number) => string;
  type: string;
}

/** zh-CN and en texts for `BundleEditor` and `ProblemsList`. */
export const EDITOR_MESSAGES: Record<'zh-CN' | 'en', EditorMessages> = {
  'zh-CN': {
    editorLabel: '一件事配置（bundle）编辑器',
    keyHint: '离开编辑器：先按 Esc，再按 Tab。补全：Ctrl-空格。查找：Ctrl-F。跳到下一个问题：F8。',
    problemsTitle: '问题',
    noProblems: '没有问题',
    severity: { error: '错误', warning: '警告', info: '提示' },
    count: (n, s) => `${n} 个${{ error: '错误', warning: '警告', info: '提示' }[s]}`,
    position: (line, column) => `${line}:${column}`,
    positionLabel: (line, column) => `第 ${line} 行第 ${column} 列`,
    noPosition: '无位置',
    related: '相关位置',
    relatedAt: (line, column) => `跳到相关位置：第 ${line} 行第 ${column} 列`,
    type: '类型',
  },
  en: {
    editorLabel: 'Bundle editor',
    keyHint: 'Leave the editor: Esc, then Tab. Complete: Ctrl-Space. Search: Ctrl-F. Next problem: F8.',
    problemsTitle: 'Problems',
    noProblems: 'No problems',
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    count: (n, s) =>
      `${n} ${{ error: 'error', warning: 'warning', info: 'info' }[s]}${n === 1 || s === 'info' ? '' : 's'}`,
    position: (line, column) => `${line}:${column}`,
    positionLabel: (line, column) => `line ${line}, column ${column}`,
    noPosition: 'no position',
    related: 'Related',
    relatedAt: (line, column) => `Go to the related place at line ${line}, column ${column}`,
    type: 'Type',
  },
};
