import type { Bundle, FieldDefinition } from '../bundle/types.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** A JSON Schema object (draft 2020-12). */
export type JsonSchema = { [keyword: string]: unknown };

/** Where a merged field comes from: one department form property. */
export interface FieldSource {
  /** Item id. */
  item: string;
  /** Department id of the item. */
  department: string;
  /** Property name in the department's own form. */
  property: string;
  /** JSON Pointer of that property's schema inside the bundle. */
  path: string;
  /** Whether the department form requires it. */
  required: boolean;
}

/** One field of the merged form (一表): asked once, fed to every item in `sources`. */
export interface MergedField {
  key: string;
  /** The dictionary definition (label, help, rules). */
  definition: FieldDefinition;
  /** JSON Pointer of the definition in the bundle. */
  path: string;
  /** Combined JSON Schema of the value (dictionary ∧ the constraints of every item without `applicableIf`). */
  schema: JsonSchema;
  /** Department properties this field feeds. Empty for helper fields used only by rules. */
  sources: FieldSource[];
  /** Item ids whose department forms require the field (required when any of them applies). */
  requiredBy: string[];
  /** Item id that produces this field as an output (not entered by the applicant). */
  outputOf?: string;
}

/** The merged form: one JSON Schema plus per-field provenance. */
export interface MergedForm {
  /** Draft 2020-12 schema of the merged data; `required` lists only unconditionally required keys. */
  schema: JsonSchema;
  /** Fields by canonical key. */
  fields: Record<string, MergedField>;
  /** Field keys in display order (layout order, then the rest). */
  order: string[];
}

export interface MergeResult {
  form: MergedForm;
  diagnostics: Diagnostic[];
}

/** What a rule decides. */
export type RuleKind =
  | 'visible' // field.visibleIf
  | 'required' // field.requiredIf
  | 'computed' // field.computed
  | 'applicable' // item.applicableIf
  | 'materialRequired' // material.requiredIf
  | 'sectionVisible' // layout section visibleIf
  | 'validate'; // bundle.rules[]

export interface CompiledRule {
  /** Unique id, e.g. `visible:babyEthnicity`, `validate:genderMatchesId`. */
  id: string;
  kind: RuleKind;
  /** Field key, item id, material id, section id or rule id the result applies to. */
  target: string;
  /** JSON Pointer of the expression in the bundle. */
  path: string;
  expr: string;
  /** For validation rules: the guard, checked first (the rule passes while it is false). */
  when?: { expr: string; path: string };
  /** Canonical field keys the expression reads (plus `today` if used). */
  reads: string[];
  /**
   * Evaluate against a CEL context built by `toCelContext`. Never throws: returns
   * `{ ok: false }` when the expression reads an empty field or fails at run time.
   */
  evaluate(context: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; error: string };
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** field key → ids of rules that read it (direct readers only). */
  readersOf: Record<string, string[]>;
  /** Computed field keys in an order where each comes after the fields it reads. */
  computedOrder: string[];
  diagnostics: Diagnostic[];
}

export type { Bundle };
