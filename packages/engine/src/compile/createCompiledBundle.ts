import type { Bundle, LocalizedText } from '../bundle/types.js';
import type { CompiledRule, CompiledRules, JsonSchema, MergedForm } from './types.js';
import {
  createConstraintCheck,
  type CompileSchema,
  type ConstraintCheck,
  type PrecompiledValidators,
} from './createConstraintCheck.js';
import { createItemCheck, type ItemCheck } from './createItemCheck.js';
import { labelOfDataPointer, shapeOfDataPointer } from './labelOfDataPointer.js';

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

/** How the compiled bundle gets its validators. */
export interface ValidatorSource {
  /** Precompiled by `onething compile` (strict CSP). */
  precompiled?: PrecompiledValidators;
  /** Compiles what is not precompiled (ajv at run time). */
  compile?: CompileSchema;
  /** The own schema of an item with `applicableIf`. */
  itemSchemaOf: (id: string) => JsonSchema;
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
 * Assemble a `CompiledBundle` from a checked bundle, its merged form and its rules: the one place
 * shared by `compileBundle` (from source, with ajv) and `hydrateBundle` (from `onething compile`
 * output, precompiled validators only).
 */
export function createCompiledBundle(
  parts: { bundle: Bundle; form: MergedForm; rules: CompiledRules },
  validators: ValidatorSource,
): CompiledBundle {
  const { bundle, form, rules } = parts;
  const constraintSchema = toConstraintSchema(form.schema);
  const labelOf = (pointer: string) => labelOfDataPointer(form, pointer);
  const optionsOf = (pointer: string) => shapeOfDataPointer(form, pointer)?.options;
  const compile = validators.compile ? { compile: validators.compile } : {};
  const precompiled = validators.precompiled ? { precompiled: validators.precompiled } : {};
  const constraints = createConstraintCheck(form, { labelOf, optionsOf, ...precompiled, ...compile });
  const itemConstraints = createItemCheck(bundle, form, {
    schemaOf: validators.itemSchemaOf,
    labelOf,
    optionsOf,
    ...precompiled,
    ...compile,
  });
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
