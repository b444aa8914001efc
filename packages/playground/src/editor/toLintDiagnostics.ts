import type { Text } from '@codemirror/state';
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '@onething/engine';
import { diagnosticRange } from './diagnosticRange.js';
import { EDITOR_MESSAGES } from './editorMessages.js';

/**
 * CodeMirror lint diagnostics for the engine's diagnostics: the range from `diagnosticRange`, the
 * severity, the message in `lang` (plain text, CodeMirror never parses it as HTML), the code as the
 * source, and the related places listed after the message.
 */
export function toLintDiagnostics(
  doc: Text,
  diagnostics: readonly Diagnostic[],
  lang: 'zh-CN' | 'en',
): LintDiagnostic[] {
  const t = EDITOR_MESSAGES[lang];
  return diagnostics.map((d) => {
    const { from, to } = diagnosticRange(doc, d.line, d.column);
    const related = (d.related ?? [])
      .map((r) =>
        r.line === undefined ? r.path : `${t.positionLabel(r.line, r.column ?? 1)} (${r.path || '/'})`,
      )
      .join('; ');
    const message = (d.messages?.[lang] ?? d.message) + (related ? `\n${t.related}: ${related}` : '');
    return { from, to, severity: d.severity, message, source: d.code };
  });
}
