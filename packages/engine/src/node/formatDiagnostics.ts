import type { Diagnostic } from '../diagnostics/types.js';

const LABEL = { error: 'error', warning: 'warning', info: 'info' } as const;

/** Human-readable lines for a terminal: `file:line:col  severity  CODE  message  (path)`. */
export function formatDiagnostics(file: string, diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
      const path = d.path === '' ? '' : `  (${d.path})`;
      return `${where}  ${LABEL[d.severity]}  ${d.code}  ${d.message}${path}`;
    })
    .join('\n');
}
