import type { Bundle, FieldMapping } from './types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { transitiveDependencies } from './checkDependencyCycles.js';

function canonicalKey(mapping: FieldMapping): string {
  return typeof mapping === 'string' ? mapping : mapping.field;
}

/**
 * Outputs must have exactly one producer, and an item may only consume an output (through its
 * department form or a `fromOutput` material) when it depends, directly or not, on the producer.
 */
export function checkOutputs(bundle: Bundle): Diagnostic[] {
  const out: Diagnostic[] = [];
  const producer = new Map<string, { item: string; index: number }>();
  bundle.items.forEach((item, i) => {
    (item.outputs ?? []).forEach((field, o) => {
      const first = producer.get(field);
      if (first && first.item !== item.id) {
        out.push(
          createDiagnostic('OUTPUT_DUPLICATE', {
            path: `/items/${i}/outputs/${o}`,
            params: { field, itemA: first.item, itemB: item.id },
            related: [{ path: `/items/${first.index}/outputs` }],
          }),
        );
      } else if (!first) producer.set(field, { item: item.id, index: i });
    });
  });
  const deps = transitiveDependencies(bundle);
  bundle.items.forEach((item, i) => {
    const prerequisites = deps.get(item.id) ?? new Set<string>();
    for (const [property, mapping] of Object.entries(item.form.map)) {
      const field = canonicalKey(mapping);
      const from = producer.get(field);
      if (!from || from.item === item.id || prerequisites.has(from.item)) continue;
      out.push(
        createDiagnostic('OUTPUT_BEFORE_AVAILABLE', {
          path: `/items/${i}/form/map/${property}`,
          params: { item: item.id, field, producer: from.item },
          related: [{ path: `/items/${from.index}/outputs` }],
        }),
      );
    }
    (item.materials ?? []).forEach((materialId, m) => {
      const material = bundle.materials?.[materialId];
      const source = material?.fromOutput?.item;
      if (!source || source === item.id || prerequisites.has(source)) return;
      if (!bundle.items.some((x) => x.id === source)) return;
      out.push(
        createDiagnostic('OUTPUT_BEFORE_AVAILABLE', {
          path: `/items/${i}/materials/${m}`,
          params: { item: item.id, field: materialId, producer: source },
          related: [{ path: `/materials/${materialId}/fromOutput` }],
        }),
      );
    });
  });
  return out;
}
