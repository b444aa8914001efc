import { DIAGNOSTICS, type DiagnosticCode } from './codes.js';
import type { Diagnostic, Lang, Severity } from './types.js';

const MAX_PARAM_LENGTH = 200;

/** A `{ 'zh-CN', en? }` text: as a param, each language's message uses its own rendering. */
function isLocalizedText(value: unknown): value is { 'zh-CN': string; en?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { 'zh-CN'?: unknown })['zh-CN'] === 'string'
  );
}

function renderParam(value: unknown, lang: Lang): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (isLocalizedText(value)) text = (lang === 'en' ? value.en : undefined) ?? value['zh-CN'];
  else if (Array.isArray(value))
    text = value.map((v) => renderParam(v, lang)).join(lang === 'en' ? ', ' : '、');
  else if (value === undefined) text = '';
  else {
    try {
      text =
        JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ??
        String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_PARAM_LENGTH ? `${text.slice(0, MAX_PARAM_LENGTH)}…` : text;
}

/**
 * Render one code's template in one language from params. A param may be a `{ 'zh-CN', en }` text
 * (a field label, a department name): each language then gets its own wording.
 */
export function renderMessage(code: DiagnosticCode, lang: Lang, params: Record<string, unknown>): string {
  const template: string = DIAGNOSTICS[code][lang];
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? renderParam(params[name], lang) : `{${name}}`,
  );
}

export interface DiagnosticInit {
  path?: string;
  params?: Record<string, unknown>;
  severity?: Severity;
  lang?: Lang;
  line?: number;
  column?: number;
  related?: Diagnostic['related'];
}

/** Build a diagnostic from its code; messages in both languages are rendered from params. */
export function createDiagnostic(code: DiagnosticCode, init: DiagnosticInit = {}): Diagnostic {
  const params = init.params ?? {};
  const zh = renderMessage(code, 'zh-CN', params);
  const en = renderMessage(code, 'en', params);
  const diagnostic: Diagnostic = {
    code,
    severity: init.severity ?? DIAGNOSTICS[code].severity,
    path: init.path ?? '',
    message: (init.lang ?? 'zh-CN') === 'en' ? en : zh,
    messages: { 'zh-CN': zh, en },
    params,
  };
  if (init.line !== undefined) diagnostic.line = init.line;
  if (init.column !== undefined) diagnostic.column = init.column;
  if (init.related) diagnostic.related = init.related;
  return diagnostic;
}

/** Re-render a diagnostic's `message` in another language. */
export function localizeDiagnostic(diagnostic: Diagnostic, lang: Lang): Diagnostic {
  return { ...diagnostic, message: diagnostic.messages[lang] };
}
