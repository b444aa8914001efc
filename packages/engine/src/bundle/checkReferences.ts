import type { Bundle } from './types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { hintFor } from './didYouMean.js';

type Kind = { 'zh-CN': string; en: string };
const KIND = {
  department: { 'zh-CN': '部门', en: 'department' },
  item: { 'zh-CN': '事项', en: 'item' },
  material: { 'zh-CN': '材料', en: 'material' },
  field: { 'zh-CN': '字段', en: 'field' },
  rule: { 'zh-CN': '规则', en: 'rule' },
  section: { 'zh-CN': '分组', en: 'section' },
} satisfies Record<string, Kind>;

function unknown(kind: Kind, ref: string, path: string, candidates: Iterable<string>): Diagnostic {
  return createDiagnostic('UNKNOWN_REFERENCE', {
    path,
    params: { kind, ref, hint: hintFor(ref, candidates) },
  });
}

function duplicate(kind: Kind, id: string, path: string, first: string): Diagnostic {
  return createDiagnostic('DUPLICATE_ID', { path, params: { kind, id, first } });
}

/**
 * Duplicate ids and references to things that do not exist: departments, items in `dependsOn`,
 * materials, outputs, layout fields and rule fields. Assumes the bundle passed the JSON Schema.
 */
export function checkReferences(bundle: Bundle): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own = <T>(record: Record<string, T> | undefined, key: string): boolean =>
    !!record && Object.prototype.hasOwnProperty.call(record, key);
  const departments = Object.keys(bundle.departments);
  const fields = Object.keys(bundle.fields);
  const materials = Object.keys(bundle.materials ?? {});

  if (!own(bundle.departments, bundle.leadDepartment)) {
    out.push(unknown(KIND.department, bundle.leadDepartment, '/leadDepartment', departments));
  }

  const itemIndex = new Map<string, number>();
  bundle.items.forEach((item, i) => {
    const first = itemIndex.get(item.id);
    if (first !== undefined) out.push(duplicate(KIND.item, item.id, `/items/${i}/id`, `/items/${first}/id`));
    else itemIndex.set(item.id, i);
  });
  const itemIds = [...itemIndex.keys()];

  bundle.items.forEach((item, i) => {
    const base = `/items/${i}`;
    if (!own(bundle.departments, item.department)) {
      out.push(unknown(KIND.department, item.department, `${base}/department`, departments));
    }
    (item.dependsOn ?? []).forEach((dep, d) => {
      if (!itemIndex.has(dep)) out.push(unknown(KIND.item, dep, `${base}/dependsOn/${d}`, itemIds));
    });
    (item.materials ?? []).forEach((m, d) => {
      if (!own(bundle.materials, m)) out.push(unknown(KIND.material, m, `${base}/materials/${d}`, materials));
    });
    (item.outputs ?? []).forEach((f, d) => {
      if (!own(bundle.fields, f)) out.push(unknown(KIND.field, f, `${base}/outputs/${d}`, fields));
    });
  });

  for (const [id, material] of Object.entries(bundle.materials ?? {})) {
    const from = material.fromOutput;
    if (!from) continue;
    const producer = itemIndex.get(from.item);
    if (producer === undefined) {
      out.push(unknown(KIND.item, from.item, `/materials/${id}/fromOutput/item`, itemIds));
    } else if (from.field !== undefined && !(bundle.items[producer]!.outputs ?? []).includes(from.field)) {
      out.push(
        unknown(
          KIND.field,
          from.field,
          `/materials/${id}/fromOutput/field`,
          bundle.items[producer]!.outputs ?? [],
        ),
      );
    }
  }

  const ruleIndex = new Map<string, number>();
  (bundle.rules ?? []).forEach((rule, r) => {
    const first = ruleIndex.get(rule.id);
    if (first !== undefined) out.push(duplicate(KIND.rule, rule.id, `/rules/${r}/id`, `/rules/${first}/id`));
    else ruleIndex.set(rule.id, r);
    rule.fields.forEach((f, d) => {
      if (!own(bundle.fields, f)) out.push(unknown(KIND.field, f, `/rules/${r}/fields/${d}`, fields));
    });
  });

  const sectionIndex = new Map<string, number>();
  const placed = new Map<string, string>();
  (bundle.layout?.sections ?? []).forEach((section, s) => {
    const first = sectionIndex.get(section.id);
    if (first !== undefined)
      out.push(
        duplicate(KIND.section, section.id, `/layout/sections/${s}/id`, `/layout/sections/${first}/id`),
      );
    else sectionIndex.set(section.id, s);
    section.fields.forEach((f, d) => {
      const path = `/layout/sections/${s}/fields/${d}`;
      if (!own(bundle.fields, f)) out.push(unknown(KIND.field, f, path, fields));
      else if (placed.has(f)) out.push(duplicate(KIND.field, f, path, placed.get(f)!));
      else placed.set(f, path);
    });
  });
  return out;
}
