import type { CompiledBundle } from '../compile/compileBundle.js';
import type { ValidationRule } from '../bundle/types.js';
import type { MergedField } from '../compile/types.js';

/** Lookup tables a form state needs, derived once per compiled bundle and shared by every form. */
export interface FormTables {
  /** field key → merged field (a Map: faster than a large object, and immune to prototype keys). */
  fieldMap: Map<string, MergedField>;
  /** field key → layout section id. */
  sectionOf: Map<string, string>;
  /** section id → its field keys. */
  fieldsOfSection: Map<string, string[]>;
  /** rule id (`validate:<id>`) → the authored rule. */
  sourceRules: Map<string, ValidationRule>;
  /** validation rule id → the fields its error is shown on. */
  validationTargets: Map<string, string[]>;
  /** field key → validation rule ids whose error is shown on it. */
  validationsOf: Map<string, string[]>;
  /** Fields some rule reads: only these need a CEL value in the rule context. */
  readKeys: Set<string>;
  /** Fields no rule can hide: no visibleIf, no conditional section, no conditional item, not an output. */
  alwaysVisible: Set<string>;
  /** Computed fields the applicant may overwrite. */
  editableComputed: Set<string>;
  /** Fields that can be required: some item's form requires them, or they have a requiredIf rule. */
  requirable: string[];
  /** Fields with a `default`, applied when the initial values leave them out. */
  defaults: Array<[string, unknown]>;
}

const cache = new WeakMap<CompiledBundle, FormTables>();

/** The shared tables of a compiled bundle (computed on first use). */
export function formTables(compiled: CompiledBundle): FormTables {
  let tables = cache.get(compiled);
  if (tables) return tables;
  const { bundle, index, form } = compiled;
  const sectionOf = new Map<string, string>();
  const fieldsOfSection = new Map<string, string[]>();
  for (const section of bundle.layout?.sections ?? []) {
    fieldsOfSection.set(section.id, section.fields);
    for (const key of section.fields) sectionOf.set(key, section.id);
  }
  const byId = new Map((bundle.rules ?? []).map((r) => [r.id, r]));
  const sourceRules = new Map<string, ValidationRule>();
  const validationTargets = new Map<string, string[]>();
  const validationsOf = new Map<string, string[]>();
  for (const rule of index.validations) {
    const source = byId.get(rule.target);
    if (source) sourceRules.set(rule.id, source);
    const declared = source?.fields ?? [];
    const targets =
      declared.length > 0
        ? declared
        : rule.reads.filter((k) => Object.prototype.hasOwnProperty.call(form.fields, k));
    validationTargets.set(rule.id, targets);
    for (const key of targets) {
      const list = validationsOf.get(key);
      if (list) list.push(rule.id);
      else validationsOf.set(key, [rule.id]);
    }
  }
  const readKeys = new Set(Object.keys(compiled.rules.readersOf));
  const alwaysVisible = new Set<string>();
  for (const field of Object.values(form.fields)) {
    const section = sectionOf.get(field.key);
    const conditional =
      !!field.outputOf ||
      index.visible.has(field.key) ||
      (section !== undefined && index.sectionVisible.has(section)) ||
      field.sources.some((s) => index.applicable.has(s.item));
    if (!conditional) alwaysVisible.add(field.key);
  }
  const fieldMap = new Map(Object.entries(form.fields));
  const editableComputed = new Set(
    Object.values(form.fields)
      .filter((f) => f.definition.computed && f.definition.editable)
      .map((f) => f.key),
  );
  tables = {
    fieldMap,
    sectionOf,
    fieldsOfSection,
    sourceRules,
    validationTargets,
    validationsOf,
    readKeys,
    alwaysVisible,
    editableComputed,
    defaults: Object.values(form.fields)
      .filter((f) => f.definition.default !== undefined && !f.definition.computed && !f.outputOf)
      .map((f): [string, unknown] => [f.key, f.definition.default]),
    requirable: Object.values(form.fields)
      .filter((f) => f.requiredBy.length > 0 || index.required.has(f.key))
      .map((f) => f.key),
  };
  cache.set(compiled, tables);
  return tables;
}
