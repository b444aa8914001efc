import type { Lang, Severity } from '@onething/engine';
import { fillText } from '../app/fillText.js';

/**
 * Diagnostic codes of the playground's own inputs (share links, saved drafts, imported files), sorted,
 * with zh-CN and en templates (`{name}` placeholders). A code never changes meaning.
 */
export const PLAYGROUND_DIAGNOSTICS = {
  DRAFT_CORRUPT: {
    severity: 'warning',
    'zh-CN': '本机保存的草稿已损坏，无法恢复（{reason}）。将从空白开始，旧草稿在下次保存时被覆盖。',
    en: 'The draft saved in this browser is damaged and cannot be restored ({reason}). Starting afresh; the next save replaces it.',
  },
  DRAFT_QUOTA_EXCEEDED: {
    severity: 'warning',
    'zh-CN': '浏览器存储空间已满，草稿未保存。请导出事项包文件，或清理本站的存储数据。',
    en: 'The browser storage is full, so the draft was not saved. Export the bundle to a file, or clear this site’s stored data.',
  },
  DRAFT_STORAGE_UNAVAILABLE: {
    severity: 'warning',
    'zh-CN': '无法使用浏览器本地存储（{reason}），草稿不会自动保存。',
    en: 'Browser storage is not available ({reason}); drafts will not be saved.',
  },
  DRAFT_VERSION_UNSUPPORTED: {
    severity: 'warning',
    'zh-CN': '本机保存的草稿来自其他版本（{version}），无法恢复。将从空白开始。',
    en: 'The draft saved in this browser comes from another version ({version}) and cannot be restored. Starting afresh.',
  },
  DRAFT_UNSAVABLE: {
    severity: 'warning',
    'zh-CN': '草稿中有无法保存的数据（{reason}），草稿未保存。',
    en: 'The draft holds data that cannot be saved ({reason}), so it was not saved.',
  },
  FILE_EMPTY: {
    severity: 'error',
    'zh-CN': '文件“{name}”是空的。',
    en: 'The file "{name}" is empty.',
  },
  FILE_NOT_TEXT: {
    severity: 'error',
    'zh-CN': '文件“{name}”不是文本文件（{reason}）。请选择 YAML 或 JSON 格式的事项包。',
    en: 'The file "{name}" is not a text file ({reason}). Choose a bundle in YAML or JSON.',
  },
  FILE_READ_FAILED: {
    severity: 'error',
    'zh-CN': '无法读取文件“{name}”：{reason}',
    en: 'Could not read the file "{name}": {reason}',
  },
  FILE_TOO_LARGE: {
    severity: 'error',
    'zh-CN': '文件“{name}”有 {size}，超过上限 {limit}。',
    en: 'The file "{name}" is {size}, over the limit of {limit}.',
  },
  FILE_TYPE_UNKNOWN: {
    severity: 'error',
    'zh-CN': '无法识别文件“{name}”的格式。请选择 .yaml、.yml 或 .json 文件。',
    en: 'Cannot tell the format of "{name}". Choose a .yaml, .yml or .json file.',
  },
  SHARE_CORRUPT: {
    severity: 'error',
    'zh-CN': '分享链接中的数据已损坏或不完整（{reason}），可能复制时被截断。请向分享人索取完整链接。',
    en: 'The data in the share link is damaged or incomplete ({reason}); it may have been cut off when copied. Ask for the full link.',
  },
  SHARE_FORMAT_UNKNOWN: {
    severity: 'error',
    'zh-CN': '分享链接中的格式“{format}”无法识别（应为 yaml 或 json）。',
    en: 'The share link names an unknown format "{format}" (expected yaml or json).',
  },
  SHARE_MALFORMED: {
    severity: 'error',
    'zh-CN': '分享链接格式不正确：应为 #share=v1.<格式>.<数据>。',
    en: 'The share link is malformed: expected #share=v1.<format>.<data>.',
  },
  SHARE_MISSING: {
    severity: 'info',
    'zh-CN': '链接中没有分享的事项包。',
    en: 'The link carries no shared bundle.',
  },
  SHARE_NOT_BASE64URL: {
    severity: 'error',
    'zh-CN': '分享链接中的数据含有不允许的字符（位置 {position}），可能被改动过。',
    en: 'The data in the share link has a character that is not allowed (at {position}); it may have been altered.',
  },
  SHARE_TOO_LARGE: {
    severity: 'error',
    'zh-CN': '分享的事项包解压后超过 {limit}，已拒绝打开。',
    en: 'The shared bundle is over {limit} once decompressed, so it was not opened.',
  },
  SHARE_VERSION_UNSUPPORTED: {
    severity: 'error',
    'zh-CN': '分享链接的版本“{version}”不受支持（本版本支持 {supported}）。请用最新版演练场重新生成链接。',
    en: 'Share links of version "{version}" are not supported (this version reads {supported}). Make the link again with the current playground.',
  },
} as const satisfies Record<string, { severity: Severity; 'zh-CN': string; en: string }>;

export type PlaygroundDiagnosticCode = keyof typeof PLAYGROUND_DIAGNOSTICS;

/** One problem with a share link, a saved draft or an imported file; messages rendered in both languages. */
export interface PlaygroundDiagnostic {
  code: PlaygroundDiagnosticCode;
  severity: Severity;
  /** Always `""`: these concern a whole input. Kept so hosts can treat them like engine diagnostics. */
  path: string;
  /** The zh-CN message. */
  message: string;
  messages: Record<Lang, string>;
  params: Record<string, unknown>;
}

/**
 * Build a playground diagnostic from its code and params.
 *
 * @example
 * createPlaygroundDiagnostic('FILE_TOO_LARGE', { name: 'a.yaml', size: '6 MB', limit: '5 MB' });
 */
export function createPlaygroundDiagnostic(
  code: PlaygroundDiagnosticCode,
  params: Record<string, unknown> = {},
): PlaygroundDiagnostic {
  const entry = PLAYGROUND_DIAGNOSTICS[code];
  const messages = { 'zh-CN': fillText(entry['zh-CN'], params), en: fillText(entry.en, params) };
  return { code, severity: entry.severity, path: '', message: messages['zh-CN'], messages, params };
}

/** `5242880` → `5 MB`, `1536` → `1.5 KB`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}
