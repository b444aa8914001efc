import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Bundle, ServiceItem } from '../bundle/types.js';
import type { JsonSchema, MergedForm } from './types.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { fromPointer, toPointer } from '../diagnostics/jsonPointer.js';
import {
  ajvErrorsToDiagnostics,
  type AjvErrorContext,
  type LabelOf,
} from '../validate/ajvErrorToDiagnostic.js';
import type { StandaloneValidate } from '../validate/createValidator.js';
import { OnethingError } from '../diagnostics/OnethingError.js';
import { isPlainObject, ownValue } from '../merge/isPlainObject.js';
import { toCanonicalValue } from '../merge/mapValue.js';
import { normalizeMapping, subMapping, type NormalizedMapping } from '../merge/normalizeMapping.js';
import { createPayloadBuilder, type PayloadBuilder } from '../merge/createPayloadBuilder.js';
import { shapeOfDataPointer } from './labelOfDataPointer.js';
import type { CompileSchema, PrecompiledValidators } from './createConstraintCheck.js';

/**
 * Checks the department constraints of conditional items (those with `applicableIf`). Their
 * constraints are not in the merged schema — they bind only while the item applies — so the form
 * state checks each applicable one against the item's own schema.
 */
export interface ItemCheck {
  /** Ids of the items checked here: every item with `applicableIf`, in bundle order. */
  readonly items: readonly string[];
  /**
   * Errors of one item's payload (split from canonical `values`, hidden fields left out), on
   * canonical data pointers with canonical labels and `params.item` / `params.department` set.
   * Missing top-level properties and item outputs are not reported: the engine decides
   * requiredness itself, and outputs arrive later.
   */
  check(
    id: string,
    values: Record<string, unknown>,
    isVisible: (key: string) => boolean,
    lang?: Lang,
  ): Diagnostic[];
}

interface ItemTable {
  item: ServiceItem;
  schema: JsonSchema;
  validate: StandaloneValidate;
  /** Department property → its normalized mapping (to a field of the merged form). */
  mappings: Map<string, NormalizedMapping>;
  /** Builds the item's payload (what `splitPayloads` does for this one item, prepared once). */
  build: PayloadBuilder;
}

/**
 * Build the check of conditional items. Each item's validator is the precompiled `items[id]` when
 * given (strict CSP), else compiled on first use with `compile`.
 */
export function createItemCheck(
  bundle: Bundle,
  form: MergedForm,
  options: {
    /** The item's own schema (`itemSchemas(bundle)[id]`), for messages and run-time compiling. */
    schemaOf: (id: string) => JsonSchema;
    compile?: CompileSchema;
    labelOf: LabelOf;
    optionsOf?: AjvErrorContext['optionsOf'];
    precompiled?: PrecompiledValidators;
  },
): ItemCheck {
  const conditional = bundle.items.filter((item) => item.applicableIf !== undefined);
  const tables = new Map<string, ItemTable>();
  const tableOf = (id: string): ItemTable | undefined => {
    let table = tables.get(id);
    if (table) return table;
    const item = conditional.find((i) => i.id === id);
    if (!item) return undefined;
    const schema = options.schemaOf(id);
    const validate = options.precompiled?.items[id] ?? options.compile?.(schema);
    if (!validate)
      throw new OnethingError(
        'VALIDATOR_MISSING',
        `No precompiled validator for item "${id}": the bundle module does not match this bundle; run \`onething compile\` again.`,
      );
    const mappings = new Map<string, NormalizedMapping>();
    const properties = ownValue(item.form.schema, 'properties');
    for (const property of isPlainObject(properties) ? Object.keys(properties) : []) {
      const mapping = normalizeMapping(ownValue(item.form.map, property));
      if (!('error' in mapping) && Object.hasOwn(form.fields, mapping.field)) mappings.set(property, mapping);
    }
    tables.set(id, (table = { item, schema, validate, mappings, build: createPayloadBuilder(form, item) }));
    return table;
  };

  return {
    items: conditional.map((item) => item.id),
    check(id, values, isVisible, lang = 'zh-CN') {
      const table = tableOf(id);
      if (!table) return [];
      const payload = table.build((key) => ownValue(values, key), isVisible);
      if (table.validate(payload)) return [];
      const errors: ErrorObject[] = [];
      for (const error of table.validate.errors ?? []) {
        const mapped = toCanonicalError(error, table, form);
        if (mapped) errors.push(mapped);
      }
      const department = String(table.item.department);
      return ajvErrorsToDiagnostics(errors, {
        data: values,
        schema: table.schema,
        labelOf: options.labelOf,
        ...(options.optionsOf ? { optionsOf: options.optionsOf } : {}),
        lang,
      }).map((d) => ({ ...d, params: { ...d.params, item: id, department } }));
    },
  };
}

/**
 * An ajv error on the department payload, moved onto the canonical data: the property becomes its
 * field key, sub-field names go through the mapping's `items` map (same name when it has none), and
 * values of a `values` map are translated back. `undefined` for errors the engine does not report.
 */
function toCanonicalError(error: ErrorObject, table: ItemTable, form: MergedForm): ErrorObject | undefined {
  const [property, ...rest] = fromPointer(error.instancePath);
  const required = error.keyword === 'required' || error.keyword === 'dependentRequired';
  if (property === undefined) return undefined; // root errors: missing properties, payload shape
  let mapping: NormalizedMapping | undefined = table.mappings.get(property);
  if (!mapping) return undefined;
  const field = form.fields[mapping.field]!;
  if (field.outputOf !== undefined) return undefined;
  const segments = [mapping.field];
  const follow = (name: string): string => {
    const next = mapping ? normalizeMapping(subMapping(mapping, name, () => true) ?? name) : undefined;
    mapping = next && !('error' in next) ? next : undefined;
    return mapping?.field ?? name;
  };
  for (const segment of rest) segments.push(/^\d+$/.test(segment) ? segment : follow(segment));
  const instancePath = toPointer(segments);
  const params: Record<string, unknown> = { ...(error.params as Record<string, unknown>) };
  if (required) params.missingProperty = follow(String(params.missingProperty));
  const values = mapping?.values;
  if (values && (error.keyword === 'enum' || error.keyword === 'const')) {
    const shape = shapeOfDataPointer(form, instancePath);
    const canonical = (v: unknown) => toCanonicalValue(v, values, shape);
    if (Array.isArray(params.allowedValues)) params.allowedValues = params.allowedValues.map(canonical);
    if ('allowedValue' in params) params.allowedValue = canonical(params.allowedValue);
  }
  return { ...error, instancePath, params };
}
