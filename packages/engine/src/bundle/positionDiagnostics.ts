import type { Bundle } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { SourceLocator } from './parseSource.js';

/**
 * Add line/column to diagnostics from their JSON Pointers. For CEL diagnostics carrying an `offset`
 * inside the expression, point at that character when the expression appears verbatim in the source.
 */
export function positionDiagnostics(
  diagnostics: Diagnostic[],
  locator: SourceLocator | undefined,
  _bundle: Bundle | undefined,
): Diagnostic[] {
  if (!locator) return diagnostics;
  return diagnostics.map((d) => {
    if (d.line !== undefined) return d;
    const offset = typeof d.params.offset === 'number' ? d.params.offset : undefined;
    const expr = typeof d.params.expr === 'string' ? d.params.expr : undefined;
    if (offset !== undefined && expr !== undefined) {
      const scalar = locator.scalarSource(d.path);
      const start = scalar ? scalar.text.indexOf(expr) : -1;
      if (scalar && start >= 0) {
        const at = locator.position(scalar.offset + start + offset);
        return withPosition(d, at.line, at.column, locator);
      }
    }
    const key =
      d.code === 'FORBIDDEN_KEY' || d.code === 'DUPLICATE_KEY' || d.params.keyword === 'additionalProperties';
    const at = locator.locate(d.path, { key });
    return at ? withPosition(d, at.line, at.column, locator) : d;
  });
}

function withPosition(d: Diagnostic, line: number, column: number, locator: SourceLocator): Diagnostic {
  const related = d.related?.map((r) => {
    if (r.line !== undefined) return r;
    const at = locator.locate(r.path);
    return at ? { ...r, line: at.line, column: at.column } : r;
  });
  return { ...d, line, column, ...(related ? { related } : {}) };
}
