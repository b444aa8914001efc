import type { Bundle } from './types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** Applicant-entered fields that no layout section shows (they fall into an "Other" section). */
export function checkLayout(bundle: Bundle): Diagnostic[] {
  if (!bundle.layout) return [];
  const placed = new Set(bundle.layout.sections.flatMap((s) => s.fields));
  const outputs = new Set(bundle.items.flatMap((item) => item.outputs ?? []));
  const out: Diagnostic[] = [];
  for (const [key, field] of Object.entries(bundle.fields)) {
    if (placed.has(key) || outputs.has(key) || field.readOnly || (field.computed && !field.editable))
      continue;
    out.push(createDiagnostic('FIELD_NOT_IN_LAYOUT', { path: `/fields/${key}`, params: { field: key } }));
  }
  return out;
}
