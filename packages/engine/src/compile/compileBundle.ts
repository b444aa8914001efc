import type { Bundle, LocalizedText } from '../bundle/types.js';
import type { CompiledRule, CompiledRules, JsonSchema, MergedForm } from './types.js';
import type { Lang } from '../diagnostics/types.js';
import type { LoadedBundle } from '../bundle/loadBundle.js';
import {
  createConstraintCheck,
  type ConstraintCheck,
  type PrecompiledValidators,
} from './createConstraintCheck.js';
import { createItemCheck, type ItemCheck } from './createItemCheck.js';
import { labelOfDataPointer, shapeOfDataPointer } from './labelOfDataPointer.js';
import { createAjv } from '../validate/createAjv.js';
import type Ajv2020 from 'ajv/dist/2020.js';
import { OnethingError } from '../diagnostics/OnethingError.js';

/** Rules regrouped by what they decide, for O(1) lookups while evaluating. */
export interface RuleIndex {
  byId: Map<string, CompiledRule>;
  visible: Map<string, CompiledRule>;
  required: Map<string, CompiledRule>;
  computed: Map<string, CompiledRule>;
  applicable: Map<string, CompiledRule>;
  materialRequired: Map<string, CompiledRule>;
  sectionVisible: Map<string, CompiledRule>;
  /** Cross-field checks (their `when` guard is folded into `evaluate`). */
  validations: CompiledRule[];
}

/** A bundle ready to fill in: merged form, rules, validators and lookup tables. */
export interface CompiledBundle {
  bundle: Bundle;
  form: MergedForm;
  rules: CompiledRules;
  index: RuleIndex;
  /** The merged schema without `required` (requiredness is dynamic and decided by the engine). */
  constraintSchema: JsonSchema;
  /** Checks values against the merged constraints; diagnostics carry data pointers. */
  constraints: ConstraintCheck;
  /** Checks the constraints of items with `applicableIf`, which bind only while the item applies. */
  itemConstraints: ItemCheck;
  /** Item ids → the field keys each item's form feeds. */
  fieldsOfItem: Map<string, string[]>;
  /** Department display name in both languages (short name when given). */
  departmentLabel(id: string): LocalizedText;
}

export interface CompileOptions {
  /**
   * The module written by `onething compile` (`import * as validators from './validators.js'`).
   * Pages under a strict CSP must pass it: without it, validators are compiled by ajv at run time.
   */
  validators?: PrecompiledValidators;
  /** Compile every field validator now rather than on first use. */
  eager?: boolean;
}

/** Pick a language from a LocalizedText, falling back to zh-CN. */
export function localize(text: LocalizedText | undefined, lang: Lang = 'zh-CN'): string {
  if (!text) return '';
  return (lang === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

/** The merged schema minus every `required` list at the top level. */
export function toConstraintSchema(schema: JsonSchema): JsonSchema {
  const { required: _required, ...rest } = schema;
  return rest;
}

function indexRules(rules: CompiledRules): RuleIndex {
  const index: RuleIndex = {
    byId: new Map(),
    visible: new Map(),
    required: new Map(),
    computed: new Map(),
    applicable: new Map(),
    materialRequired: new Map(),
    sectionVisible: new Map(),
    validations: [],
  };
  for (const rule of rules.rules) {
    index.byId.set(rule.id, rule);
    if (rule.kind === 'validate') index.validations.push(rule);
    else index[rule.kind].set(rule.target, rule);
  }
  return index;
}

/**
 * Turn a loaded bundle into a compiled one. Throws `OnethingError` (a programmer error) if the
 * bundle still has error diagnostics: check `loaded.ok` first.
 *
 * @example
 * const loaded = loadBundle(text);
 * if (loaded.ok) { const compiled = compileBundle(loaded); const state = createFormState(compiled); }
 */
export function compileBundle(loaded: LoadedBundle, options: CompileOptions = {}): CompiledBundle {
  if (!loaded.ok || !loaded.bundle || !loaded.form || !loaded.rules) {
    throw new OnethingError(
      'BUNDLE_HAS_ERRORS',
      'Cannot compile a bundle with errors. Check `loaded.ok` and show `loaded.diagnostics` first.',
      loaded.diagnostics,
    );
  }
  const { bundle, form, rules } = loaded;
  const constraintSchema = toConstraintSchema(form.schema);
  const labelOfPointer = (pointer: string) => labelOfDataPointer(form, pointer);
  const optionsOfPointer = (pointer: string) => shapeOfDataPointer(form, pointer)?.options;
  let ajv: Ajv2020 | undefined;
  const sharedAjv = () => (ajv ??= createAjv({ code: { optimize: false } }));
  const precompiled = options.validators ? { precompiled: options.validators } : {};
  const constraints = createConstraintCheck(form, {
    labelOf: labelOfPointer,
    optionsOf: optionsOfPointer,
    constraintSchema,
    ajv: sharedAjv,
    ...precompiled,
  });
  const itemConstraints = createItemCheck(bundle, form, {
    ajv: sharedAjv,
    labelOf: labelOfPointer,
    optionsOf: optionsOfPointer,
    ...precompiled,
  });
  if (options.eager) constraints.warmUp();
  const fieldsOfItem = new Map<string, string[]>(bundle.items.map((item) => [item.id, []]));
  for (const field of Object.values(form.fields)) {
    for (const source of field.sources) {
      const list = fieldsOfItem.get(source.item);
      if (list && !list.includes(field.key)) list.push(field.key);
    }
  }
  return {
    bundle,
    form,
    rules,
    index: indexRules(rules),
    constraintSchema,
    constraints,
    itemConstraints,
    fieldsOfItem,
    departmentLabel: (id) => {
      const dept = Object.prototype.hasOwnProperty.call(bundle.departments, id)
        ? bundle.departments[id]
        : undefined;
      return dept ? (dept.shortName ?? dept.name) : { 'zh-CN': id, en: id };
    },
  };
}
