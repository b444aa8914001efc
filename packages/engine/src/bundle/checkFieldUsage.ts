import type { Bundle } from './types.js';
import type { CompiledRules, MergedForm } from '../compile/types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** Dictionary fields no item maps, no item produces and no rule reads: probably left over. */
export function checkFieldUsage(bundle: Bundle, form: MergedForm, rules: CompiledRules): Diagnostic[] {
  const read = new Set(rules.rules.flatMap((rule) => rule.reads));
  const out: Diagnostic[] = [];
  for (const key of Object.keys(bundle.fields)) {
    const field = form.fields[key];
    if (!field || field.sources.length > 0 || field.outputOf || read.has(key)) continue;
    out.push(createDiagnostic('FIELD_UNUSED', { path: `/fields/${key}`, params: { field: key } }));
  }
  return out;
}
