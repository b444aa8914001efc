import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en';

/**
 * One problem in a bundle or an input. Messages are rendered from `params`,
 * so a host can re-render them in another language with `formatDiagnostic`.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** JSON Pointer into the bundle (or the data, for data diagnostics). `""` is the root. */
  path: string;
  /** Message in the language asked for (zh-CN by default). */
  message: string;
  /** Both renderings. */
  messages: { 'zh-CN': string; en: string };
  params: Record<string, unknown>;
  /** 1-based line and column when the source was text. */
  line?: number;
  column?: number;
  /** Other places involved (e.g. the other side of a merge conflict). */
  related?: Array<{ path: string; line?: number; column?: number }>;
}
