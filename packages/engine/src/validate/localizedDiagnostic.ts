import type { LocalizedText } from '../bundle/types.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../diagnostics/codes.js';
import { renderMessage } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { 'zh-CN'?: unknown })['zh-CN'] === 'string'
  );
}

function paramsIn(lang: Lang, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in params) {
    const value = params[key];
    out[key] = isLocalizedText(value)
      ? lang === 'en'
        ? (value.en ?? value['zh-CN'])
        : value['zh-CN']
      : value;
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
  const zh = renderMessage(code, 'zh-CN', paramsIn('zh-CN', init.params));
  const en = renderMessage(code, 'en', paramsIn('en', init.params));
  return {
    code,
    severity: DIAGNOSTICS[code].severity,
    path: init.path,
    message: init.lang === 'en' ? en : zh,
    messages: { 'zh-CN': zh, en },
    params: init.params,
  };
}
