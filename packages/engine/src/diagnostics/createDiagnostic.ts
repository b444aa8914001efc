import { DIAGNOSTICS, type DiagnosticCode } from './codes.js';
import type { Diagnostic, Lang } from './types.js';
import { diagnosticFrom, renderTemplate, type DiagnosticInit } from './diagnosticFrom.js';

export type { DiagnosticInit } from './diagnosticFrom.js';
export { localizeDiagnostic } from './localizeDiagnostic.js';

/**
 * Render one code's template in one language from params. A param may be a `{ 'zh-CN', en }` text
 * (a field label, a department name): each language then gets its own wording.
 */
export function renderMessage(code: DiagnosticCode, lang: Lang, params: Record<string, unknown>): string {
  return renderTemplate(DIAGNOSTICS[code][lang], lang, params);
}

/** Build a diagnostic from its code; messages in both languages are rendered from params. */
export function createDiagnostic(code: DiagnosticCode, init: DiagnosticInit = {}): Diagnostic {
  return diagnosticFrom(DIAGNOSTICS, code, init);
}
