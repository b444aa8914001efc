import type { ServiceItem } from '../bundle/types.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { FieldState, MaterialState, NoticeEntry, OneTimeNotice } from './types.js';

const OPTION_TEXT = {
  eLicence: { 'zh-CN': '可使用电子证照', en: 'an electronic licence can be used' },
  acceptMissing: { 'zh-CN': '可容缺受理、后补', en: 'may be supplied later (容缺受理)' },
  commitment: { 'zh-CN': '可签署告知承诺书代替', en: 'a signed commitment (告知承诺) may replace it' },
} as const;

const itemMaps = new WeakMap<CompiledBundle, Map<string, ServiceItem>>();

/** The bundle's items by id, built once per compiled bundle. */
function itemsById(compiled: CompiledBundle): Map<string, ServiceItem> {
  let map = itemMaps.get(compiled);
  if (!map) itemMaps.set(compiled, (map = new Map(compiled.bundle.items.map((item) => [item.id, item]))));
  return map;
}

/**
 * 一次性告知: every missing or invalid field and every missing material of every applicable item,
 * at once, grouped by the departments that need them.
 */
export function buildNotice(
  compiled: CompiledBundle,
  input: { fields: FieldState[]; materials: MaterialState[]; ruleErrors: Diagnostic[]; lang: Lang },
): OneTimeNotice {
  const { bundle, form } = compiled;
  const entries: NoticeEntry[] = [];
  // A cross-field rule shows on each of its fields, but the notice lists it once: on its focus field
  // (the first of the rule's `fields`) when that one is listed, else on the first that is.
  const visibleKeys = new Set(input.fields.filter((f) => f.visible).map((f) => f.key));
  const listedRules = new Set<unknown>();
  for (const field of input.fields) {
    const errors = field.errors.filter((e) => {
      if (e.severity !== 'error') return false;
      if (e.code !== 'DATA_RULE') return true;
      const focus = e.params.focus;
      const here = focus === field.key || typeof focus !== 'string' || !visibleKeys.has(focus);
      if (!here || listedRules.has(e.params.rule)) return false;
      listedRules.add(e.params.rule);
      return true;
    });
    if (!field.visible || errors.length === 0) continue;
    entries.push({
      kind: 'field',
      key: field.key,
      path: `/${field.key}`,
      label: form.fields[field.key]!.definition.label,
      diagnostics: errors,
      departments: field.departments.length > 0 ? field.departments : [bundle.leadDepartment],
    });
  }
  for (const material of input.materials) {
    if (!material.required || material.satisfiedBy) continue;
    const itemById = itemsById(compiled);
    const options = (Object.keys(OPTION_TEXT) as Array<keyof typeof OPTION_TEXT>).filter(
      (k) => material.options[k],
    );
    const diagnostic = createDataDiagnostic('DATA_MATERIAL_MISSING', {
      path: `/materials/${material.id}`,
      params: {
        material: material.name,
        items: material.items.map((id) => itemById.get(id)?.name ?? id),
        options: {
          'zh-CN': options.map((k) => OPTION_TEXT[k]['zh-CN']).join('；'),
          en: options.map((k) => OPTION_TEXT[k].en).join('; '),
        },
      },
      lang: input.lang,
    });
    entries.push({
      kind: 'material',
      key: material.id,
      path: `/materials/${material.id}`,
      label: material.name,
      diagnostics: [diagnostic],
      departments: [...new Set(material.items.map((id) => itemById.get(id)!.department))],
    });
  }
  if (entries.length === 0) return { ok: true, entries, byDepartment: [] };
  const byDepartment = Object.entries(bundle.departments)
    .map(([department, dept]) => ({
      department,
      name: dept.name,
      entries: entries.filter((e) => e.departments.includes(department)),
    }))
    .filter((group) => group.entries.length > 0);
  return { ok: entries.length === 0, entries, byDepartment };
}
