import type { LoadedBundle } from '../bundle/loadBundle.js';
import { localize } from '../compile/compileBundle.js';
import type { Lang } from '../diagnostics/types.js';

/** A terminal summary of the merged form: items, and how many department fields one form replaces. */
export function summarizeBundle(loaded: LoadedBundle, lang: Lang = 'zh-CN'): string {
  const { bundle, form } = loaded;
  if (!bundle || !form) return '';
  const en = lang === 'en';
  const departmentFields = bundle.items.reduce(
    (n, item) => n + Object.keys(item.form.schema.properties ?? {}).length,
    0,
  );
  // Outputs, read-only and (non-editable) computed fields are filled in for the applicant.
  const applicantFields = Object.values(form.fields).filter(
    (f) => !f.outputOf && !f.definition.readOnly && !(f.definition.computed && !f.definition.editable),
  );
  const shared = Object.values(form.fields).filter((f) => new Set(f.sources.map((s) => s.item)).size > 1);
  const lines = [
    `${localize(bundle.title, lang)} (${bundle.id} ${bundle.version})`,
    en
      ? `${bundle.items.length} items, ${Object.keys(bundle.departments).length} departments, promised ${bundle.promisedDays} working days`
      : `${bundle.items.length} 个事项，${Object.keys(bundle.departments).length} 个部门，整体承诺 ${bundle.promisedDays} 个工作日`,
    en
      ? `One form of ${Object.keys(form.fields).length} fields (${applicantFields.length} entered by the applicant) replaces ${departmentFields} fields of ${bundle.items.length} department forms; ${shared.length} fields are shared.`
      : `一张表 ${Object.keys(form.fields).length} 个字段（申请人填写 ${applicantFields.length} 个），替代 ${bundle.items.length} 张部门表单共 ${departmentFields} 个字段；${shared.length} 个字段多部门共用。`,
    '',
  ];
  for (const item of bundle.items) {
    const deps = item.dependsOn?.length ? ` ← ${item.dependsOn.join(', ')}` : '';
    const count = Object.keys(item.form.schema.properties ?? {}).length;
    lines.push(
      `  ${item.id.padEnd(20)} ${localize(item.name, lang)} [${item.department}] ${count} ${en ? 'fields' : '字段'}, ${item.promisedLimitDays} ${en ? 'wd' : '工作日'}${deps}`,
    );
  }
  lines.push('', en ? 'Most shared fields:' : '共用最多的字段：');
  for (const field of [...shared].sort((a, b) => b.sources.length - a.sources.length).slice(0, 10)) {
    const feeds = field.sources.map((s) => `${s.item}.${s.property}`).join(', ');
    lines.push(`  ${field.key.padEnd(20)} ${localize(field.definition.label, lang)} → ${feeds}`);
  }
  return lines.join('\n');
}
