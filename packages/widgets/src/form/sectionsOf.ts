import type { FormState, Lang } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';

/** One section (or step) of the form as rendered: title, help and the field keys in order. */
export interface RenderedSection {
  id: string;
  title: string;
  help?: string;
  visible: boolean;
  fields: string[];
}

/**
 * The sections of the bundle's layout, in order, plus an "other" section for fields the applicant
 * enters that no section places (a bundle without a layout gets one section with every field).
 * Item outputs are left out; a non-editable computed field no section places follows the field it is
 * computed from.
 */
export function sectionsOf(state: FormState, lang: Lang): RenderedSection[] {
  const { bundle, form } = state.compiled;
  const placed = new Set<string>();
  const sections: RenderedSection[] = (bundle.layout?.sections ?? []).map((section) => {
    const fields = section.fields.filter((key) => Object.hasOwn(form.fields, key));
    for (const key of fields) placed.add(key);
    const rendered: RenderedSection = {
      id: section.id,
      title: localize(section.title, lang),
      visible: state.isSectionVisible(section.id),
      fields,
    };
    if (section.help) rendered.help = localize(section.help, lang);
    return rendered;
  });
  // A computed field the layout does not place (出生日期 from the ID number) is shown, read-only,
  // right after the first placed field it is computed from, so the applicant sees it appear.
  const computedFrom = new Map<string, string[]>();
  for (const rule of state.compiled.rules.rules) {
    if (rule.kind === 'computed') computedFrom.set(rule.target, rule.reads);
  }
  const rest: string[] = [];
  for (const key of form.order) {
    if (placed.has(key)) continue;
    const field = form.fields[key]!;
    if (field.outputOf !== undefined) continue;
    const definition = field.definition;
    if (definition.computed !== undefined && !definition.editable) {
      const source = computedFrom.get(key)?.find((read) => placed.has(read));
      const section = source ? sections.find((s) => s.fields.includes(source)) : undefined;
      if (section) {
        section.fields.splice(section.fields.indexOf(source!) + 1, 0, key);
        placed.add(key);
      }
      continue;
    }
    rest.push(key);
  }
  if (rest.length > 0) {
    sections.push({ id: 'other', title: t(lang, 'otherSection'), visible: true, fields: rest });
  }
  return sections;
}
