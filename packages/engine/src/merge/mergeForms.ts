import type { Bundle, FieldDefinition, LocalizedText } from '../bundle/types.js';
import type { JsonSchema, MergedField, MergeResult } from '../compile/types.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import { checkConditionalProperty, type ConditionalProperty } from './checkConditionalProperty.js';
import { createMergeContext } from './mergeContext.js';
import { createMergeNode, type MergeNode } from './mergeNode.js';
import { fieldShapeToSchema } from './fieldShapeToSchema.js';
import { finalizeNode } from './finalizeNode.js';
import { isPlainObject, setOwn } from './isPlainObject.js';
import { layoutOrder } from './layoutOrder.js';
import { mergeItem } from './mergeItem.js';

/**
 * Merge every department's form into one form (一表): each dictionary field appears once, with the
 * constraints of all departments that ask for it combined and its provenance recorded. Conflicts
 * are returned as diagnostics naming both sides; never throws on a schema-valid bundle. Items with
 * `applicableIf` do not narrow the merged schema: their constraints bind only while they apply.
 *
 * @example
 * const { form, diagnostics } = mergeForms(bundle);
 * form.fields.babyName.sources; // [{ item: 'birthCert', property: 'xm', path: '/items/0/form/schema/properties/xm', … }]
 */
export function mergeForms(bundle: Bundle): MergeResult {
  const ctx = createMergeContext(departmentOfItem(bundle));
  const nodes = new Map<string, MergeNode>();
  const fields = new Map<string, MergedField>();
  const dictionary: Record<string, unknown> = isPlainObject(bundle.fields) ? bundle.fields : {};
  for (const [key, value] of Object.entries(dictionary)) {
    if (!isPlainObject(value)) continue;
    const definition = value as unknown as FieldDefinition;
    const path = toPointer(['fields', key]);
    const schema = fieldShapeToSchema(definition);
    nodes.set(key, createMergeNode(definition, schema, { item: path, path }, key));
    fields.set(key, { key, definition, path, schema, sources: [], requiredBy: [] });
  }

  const items = Array.isArray(bundle.items) ? bundle.items : [];
  for (const item of items) {
    for (const key of isPlainObject(item) && Array.isArray(item.outputs) ? item.outputs : []) {
      const field = typeof key === 'string' ? fields.get(key) : undefined;
      // A second producer is OUTPUT_DUPLICATE (checkOutputs); the first one keeps the field.
      if (field && field.outputOf === undefined) field.outputOf = String(item.id);
    }
  }
  const conditional: ConditionalProperty[] = [];
  items.forEach((item, index) => mergeItem(item, index, { nodes, fields, conditional }, ctx));
  // Before finalizing: a conditional property is checked against the complete but unfinalized node.
  for (const property of conditional) checkConditionalProperty(property, ctx);
  for (const node of nodes.values()) finalizeNode(node, ctx);

  const order = layoutOrder(bundle, [...fields.keys()]);
  const applicability = new Map(
    items.filter(isPlainObject).map((item) => [String(item.id), item.applicableIf]),
  );
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const byKey: Record<string, MergedField> = {};
  for (const key of order) {
    const field = fields.get(key)!;
    if (field.outputOf !== undefined || field.definition.readOnly === true) field.schema.readOnly = true;
    setOwn(properties, key, field.schema);
    setOwn(byKey, key, field);
    if (isUnconditionallyRequired(field, applicability)) required.push(key);
  }
  const schema: JsonSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };
  const title = isPlainObject(bundle.title) ? bundle.title['zh-CN'] : undefined;
  if (typeof title === 'string') schema.title = title;
  schema.properties = properties;
  schema.required = required;
  schema.additionalProperties = false;
  return { form: { schema, fields: byKey, order }, diagnostics: ctx.diagnostics };
}

/** Required whatever the applicant answers: some always-applicable item needs it, it is always shown, nobody produces it. */
function isUnconditionallyRequired(field: MergedField, applicability: Map<string, unknown>): boolean {
  if (field.outputOf !== undefined || field.definition.visibleIf !== undefined) return false;
  return field.requiredBy.some((item) => applicability.get(item) === undefined);
}

/** The display name (short name first) of an item's department, by item id or `/items/<index>`. */
function departmentOfItem(bundle: Bundle): (item: string) => LocalizedText | undefined {
  const items = Array.isArray(bundle.items) ? bundle.items : [];
  const departments: Record<string, unknown> = isPlainObject(bundle.departments) ? bundle.departments : {};
  return (ref) => {
    const index = /^\/items\/(\d+)$/.exec(ref)?.[1];
    const item =
      index !== undefined ? items[Number(index)] : items.find((i) => isPlainObject(i) && i.id === ref);
    if (!isPlainObject(item)) return undefined;
    const department = departments[String(item.department)];
    if (!isPlainObject(department)) return { 'zh-CN': String(item.department), en: String(item.department) };
    const name = (department.shortName ?? department.name) as LocalizedText | undefined;
    return name && typeof name['zh-CN'] === 'string' ? name : undefined;
  };
}
