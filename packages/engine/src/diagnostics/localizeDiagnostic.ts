import type { Diagnostic, Lang } from './types.js';

/** Re-render a diagnostic's `message` in another language. */
export function localizeDiagnostic(diagnostic: Diagnostic, lang: Lang): Diagnostic {
  return { ...diagnostic, message: diagnostic.messages[lang] };
}
