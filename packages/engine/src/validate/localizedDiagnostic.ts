import type { LocalizedText } from '../bundle/types.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic, renderMessage } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && typeof (value as { 'zh-CN'?: unknown })['zh-CN'] === 'string';
}

function paramsIn(lang: Lang, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = isLocalizedText(value) ? (lang === 'en' ? (value.en ?? value['zh-CN']) : value['zh-CN']) : value;
  }
  return out;
}

/**
 * Like `createDiagnostic`, but params may be `{ 'zh-CN', en }` texts (field labels, details):
 * each language's message uses its own text, and `params` keeps both for re-rendering.
 */
export function createLocalizedDiagnostic(
  code: DiagnosticCode,
  init: { path: string; params: Record<string, unknown>; lang: Lang },
): Diagnostic {
  const diagnostic = createDiagnostic(code, { path: init.path, params: init.params, lang: init.lang });
  const zh = renderMessage(code, 'zh-CN', paramsIn('zh-CN', init.params));
  const en = renderMessage(code, 'en', paramsIn('en', init.params));
  diagnostic.messages = { 'zh-CN': zh, en };
  diagnostic.message = init.lang === 'en' ? en : zh;
  return diagnostic;
}
