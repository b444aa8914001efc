import type { Bundle, FieldShape } from '../bundle/types.js';
import type { RuleKind } from '../compile/types.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import { celTypeOf } from './celTypeOf.js';

/** One CEL expression of a bundle, where it sits, and what it must return. */
export interface RuleSource {
  id: string;
  kind: RuleKind;
  target: string;
  expr: string;
  /** JSON Pointer of `expr`. */
  path: string;
  /** For validation rules: the `when` guard. */
  when?: { expr: string; path: string };
  /** CEL type the result must have: `bool`, or a computed field's own type. */
  resultType: string;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/**
 * Every CEL expression in a bundle, in document order: field `visibleIf`/`requiredIf`/`computed`,
 * item `applicableIf`, material `requiredIf`, section `visibleIf`, rule `expr` (+ `when`).
 * Non-string expressions are skipped; the JSON Schema check reports them.
 */
export function collectRuleSources(bundle: Bundle): RuleSource[] {
  const out: RuleSource[] = [];
  const add = (
    kind: RuleKind,
    target: string,
    expr: unknown,
    segments: Array<string | number>,
    resultType = 'bool',
  ): void => {
    if (typeof expr === 'string')
      out.push({ id: `${kind}:${target}`, kind, target, expr, path: toPointer(segments), resultType });
  };
  const fields = isRecord(bundle.fields) ? bundle.fields : {};
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    if (!isRecord(field)) continue;
    add('visible', key, field.visibleIf, ['fields', key, 'visibleIf']);
    add('required', key, field.requiredIf, ['fields', key, 'requiredIf']);
    add(
      'computed',
      key,
      field.computed,
      ['fields', key, 'computed'],
      celTypeOf(field as unknown as FieldShape),
    );
  }
  asList(bundle.items).forEach((item, i) => {
    if (isRecord(item)) add('applicable', String(item.id), item.applicableIf, ['items', i, 'applicableIf']);
  });
  const materials = isRecord(bundle.materials) ? bundle.materials : {};
  for (const id of Object.keys(materials)) {
    const material = materials[id];
    if (isRecord(material) && own(material, 'requiredIf'))
      add('materialRequired', id, material.requiredIf, ['materials', id, 'requiredIf']);
  }
  asList(bundle.layout?.sections).forEach((section, s) => {
    if (isRecord(section))
      add('sectionVisible', String(section.id), section.visibleIf, ['layout', 'sections', s, 'visibleIf']);
  });
  asList(bundle.rules).forEach((rule, r) => {
    if (!isRecord(rule) || typeof rule.expr !== 'string') return;
    const target = String(rule.id);
    const source: RuleSource = {
      id: `validate:${target}`,
      kind: 'validate',
      target,
      expr: rule.expr,
      path: toPointer(['rules', r, 'expr']),
      resultType: 'bool',
    };
    if (typeof rule.when === 'string')
      source.when = { expr: rule.when, path: toPointer(['rules', r, 'when']) };
    out.push(source);
  });
  return out;
}
