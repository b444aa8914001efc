import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type {
  Bundle,
  DepartmentSchema,
  FieldDefinition,
  FieldMapping,
  ServiceItem,
} from '../bundle/types.js';
import type { JsonSchema } from '../compile/types.js';
import { createAjv } from '../validate/createAjv.js';
import { mergeForms } from './mergeForms.js';
import { splitPayloads } from './splitPayloads.js';

const zh = (text: string) => ({ 'zh-CN': text });
const ajv = createAjv();

/**
 * Random constraints of one side (the dictionary or one department) on one field. Every side's
 * constraints contain the field's "core" range, so the merged field is never empty.
 */
const sideArb = fc.record({
  used: fc.boolean(),
  required: fc.boolean(),
  lo: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  hi: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  exclusive: fc.boolean(),
  variant: fc.integer({ min: 0, max: 2 }),
  pattern: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  extra: fc.integer({ min: 0, max: 31 }),
});
type SideSpec = typeof sideArb extends fc.Arbitrary<infer T> ? T : never;

const KINDS = ['str', 'int', 'num', 'enum', 'bool', 'date', 'list'] as const;
const fieldArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  lo: fc.integer({ min: 1, max: 4 }),
  span: fc.integer({ min: 0, max: 4 }),
  core: fc.integer({ min: 1, max: 31 }),
  dictionary: sideArb,
});
type FieldSpec = typeof fieldArb extends fc.Arbitrary<infer T> ? T : never;
const MAX_FIELDS = 6;
const specArb = fc.record({
  fields: fc.array(fieldArb, { minLength: 1, maxLength: MAX_FIELDS }),
  items: fc.array(fc.array(sideArb, { minLength: MAX_FIELDS, maxLength: MAX_FIELDS }), {
    minLength: 2,
    maxLength: 4,
  }),
});

/** Every pattern accepts lowercase ASCII words, which is what the data generator produces. */
const PATTERNS = ['^[a-z]*$', '^[a-z0-9]*$', '^[^A-Z]*$', '[a-z]|^$'];
const OPTIONS = ['01', '02', '03', '04', '05'];
const pick = (mask: number) => OPTIONS.filter((_, i) => mask & (1 << i));

/** Length/count bounds of one side around the core window [lo, hi]. */
function counts(
  side: SideSpec,
  lo: number,
  hi: number,
  [min, max]: [string, string],
): Record<string, number> {
  const out: Record<string, number> = {};
  if (side.lo !== undefined) out[min] = Math.max(0, lo - side.lo);
  if (side.hi !== undefined) out[max] = hi + side.hi;
  return out;
}

/** Numeric bounds of one side around the core range [lo, hi], inclusive or exclusive. */
function bounds(side: SideSpec, lo: number, hi: number, dictionary: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  const exclusive = side.exclusive && !dictionary; // the dictionary only has inclusive bounds
  if (side.lo !== undefined)
    out[exclusive ? 'exclusiveMinimum' : 'minimum'] = lo - side.lo - (exclusive ? 1 : 0);
  if (side.hi !== undefined)
    out[exclusive ? 'exclusiveMaximum' : 'maximum'] = hi + side.hi + (exclusive ? 1 : 0);
  return out;
}

function dictionaryField(f: FieldSpec): FieldDefinition {
  const d = f.dictionary;
  const label = zh('字段');
  const lo = f.lo * 7 - 10;
  switch (f.kind) {
    case 'str':
      return {
        type: 'string',
        label,
        ...counts(d, f.lo, f.lo + f.span, ['minLength', 'maxLength']),
        ...(d.pattern === undefined ? {} : { pattern: PATTERNS[d.pattern]! }),
      };
    case 'int':
      return { type: 'integer', label, ...bounds(d, lo, lo + f.span, true) };
    case 'num':
      return { type: 'number', label, ...bounds(d, lo, lo + f.span, true) };
    case 'enum':
      return {
        type: 'string',
        label,
        options: pick(f.core | d.extra).map((value) => ({ value, label: zh(value) })),
      };
    case 'bool':
      return { type: 'boolean', label };
    case 'date':
      return { type: 'date', label };
    case 'list':
      return {
        type: 'array',
        label,
        ...counts(d, 1, 1 + f.span, ['minItems', 'maxItems']),
        items: {
          type: 'object',
          label,
          properties: {
            nm: { type: 'string', label, minLength: 1, pattern: '^[a-z]+$' },
            n: { type: 'integer', label, minimum: 0, maximum: 100 },
          },
        },
      };
  }
}

/** One department's property for a field, with its mapping, honouring the core range. */
function departmentProperty(
  f: FieldSpec,
  key: string,
  s: SideSpec,
  prefix: string,
): { schema: DepartmentSchema; map: FieldMapping } {
  const lo = f.lo * 7 - 10;
  const typed = (type: string) => (s.variant === 2 ? {} : { type });
  switch (f.kind) {
    case 'str':
      return {
        schema: {
          ...typed('string'),
          ...counts(s, f.lo, f.lo + f.span, ['minLength', 'maxLength']),
          ...(s.pattern === undefined ? {} : { pattern: PATTERNS[s.pattern]! }),
        },
        map: key,
      };
    case 'int':
    case 'num':
      return {
        schema: {
          ...(s.variant === 0 ? { type: 'integer' } : typed('number')),
          ...bounds(s, lo, lo + f.span, false),
        },
        map: key,
      };
    case 'enum': {
      const allowed = pick(f.core | s.extra);
      if (s.variant === 0) return { schema: { type: 'string', enum: allowed }, map: key };
      const to = (v: string) => (s.variant === 1 ? `D${v}` : Number(v) * 10);
      return {
        schema: { type: s.variant === 1 ? 'string' : 'integer', enum: allowed.map(to) },
        map: { field: key, values: Object.fromEntries(OPTIONS.map((v) => [v, to(v)])) },
      };
    }
    case 'bool':
      return s.variant === 1
        ? {
            schema: { type: 'string', enum: ['Y', 'N'] },
            map: { field: key, values: { true: 'Y', false: 'N' } },
          }
        : { schema: typed('boolean'), map: key };
    case 'date':
      return {
        schema: s.variant === 1 ? { type: 'string' } : { ...typed('string'), format: 'date' },
        map: key,
      };
    case 'list':
      return {
        schema: {
          type: 'array',
          ...counts(s, 1, 1 + f.span, ['minItems', 'maxItems']),
          items: {
            type: 'object',
            properties: {
              [`${prefix}nm`]: { type: 'string', maxLength: 6 + (s.hi ?? 0) },
              [`${prefix}n`]: { type: 'integer', maximum: 100 - (s.lo ?? 0) },
            },
            required: s.required ? [`${prefix}nm`] : [],
            additionalProperties: false,
          },
        },
        map: { field: key, items: { [`${prefix}nm`]: 'nm', [`${prefix}n`]: 'n' } },
      };
  }
}

function buildBundle(spec: typeof specArb extends fc.Arbitrary<infer T> ? T : never): Bundle {
  const fields = Object.fromEntries(spec.fields.map((f, i) => [`f${i}`, dictionaryField(f)]));
  const items: ServiceItem[] = spec.items.map((sides, itemIndex) => {
    const properties: Record<string, DepartmentSchema> = {};
    const map: Record<string, FieldMapping> = {};
    const required: string[] = [];
    spec.fields.forEach((f, i) => {
      const side = sides[i]!;
      if (!side.used) return;
      const name = `d${itemIndex}_${i}`;
      const property = departmentProperty(f, `f${i}`, side, `s${itemIndex}`);
      properties[name] = property.schema;
      map[name] = property.map;
      if (side.required) required.push(name);
    });
    const id = `item${itemIndex}`;
    return {
      id,
      name: zh(id),
      department: `dept${itemIndex}`,
      itemType: 'confirmation',
      promisedLimitDays: 1,
      form: { schema: { type: 'object', properties, required, additionalProperties: false }, map },
    };
  });
  const departments = Object.fromEntries(items.map((i) => [i.department, { name: zh(i.department) }]));
  return {
    id: 'p',
    version: '1.0.0',
    title: zh('p'),
    leadDepartment: 'dept0',
    promisedDays: 5,
    departments,
    fields,
    items,
  };
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const LETTERS = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');

/**
 * Values satisfying a merged field schema (the subset of JSON Schema mergeForms emits here).
 * `filled`: a field some department requires is never the empty string, which means "not filled in".
 */
function valueOf(schema: JsonSchema, filled = true): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date')
        return fc
          .date({ min: new Date('1950-01-01'), max: new Date('2049-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      return fc.string({
        unit: LETTERS,
        minLength: Math.max(num(schema.minLength) ?? 0, filled ? 1 : 0),
        maxLength: num(schema.maxLength) ?? 8,
      });
    case 'integer': {
      const exMin = num(schema.exclusiveMinimum);
      const exMax = num(schema.exclusiveMaximum);
      return fc.integer({
        min: exMin !== undefined ? Math.floor(exMin) + 1 : Math.ceil(num(schema.minimum) ?? -1000),
        max: exMax !== undefined ? Math.ceil(exMax) - 1 : Math.floor(num(schema.maximum) ?? 1000),
      });
    }
    case 'number': {
      const exMin = num(schema.exclusiveMinimum);
      const exMax = num(schema.exclusiveMaximum);
      return fc.double({
        min: exMin ?? num(schema.minimum) ?? -1000,
        max: exMax ?? num(schema.maximum) ?? 1000,
        minExcluded: exMin !== undefined,
        maxExcluded: exMax !== undefined,
        noNaN: true,
      });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueOf(schema.items as JsonSchema), {
        minLength: num(schema.minItems) ?? 0,
        maxLength: Math.min(num(schema.maxItems) ?? 3, 3),
      });
    case 'object': {
      const properties = schema.properties as Record<string, JsonSchema>;
      const shape = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valueOf(s)]));
      return fc.record(shape, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
    }
    default:
      throw new Error(`generator does not know ${JSON.stringify(schema)}`);
  }
}

describe('mergeForms (properties)', () => {
  it('splits any merged data into payloads that each department schema accepts', () => {
    fc.assert(
      fc.property(
        specArb.chain((spec) => {
          const bundle = buildBundle(spec);
          const { form, diagnostics } = mergeForms(bundle);
          const data = fc.record(
            Object.fromEntries(
              form.order.map((k) => [
                k,
                valueOf(form.fields[k]!.schema, form.fields[k]!.requiredBy.length > 0),
              ]),
            ),
          );
          return fc.tuple(fc.constant({ bundle, form, diagnostics }), data);
        }),
        ([{ bundle, form, diagnostics }, data]) => {
          expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const mergedValid = ajv.compile(form.schema);
          expect(mergedValid(data), JSON.stringify(mergedValid.errors)).toBe(true);
          const payloads = splitPayloads(bundle, form, data);
          for (const item of bundle.items) {
            const validate = ajv.compile(item.form.schema);
            const ok = validate(payloads[item.id]);
            expect(
              ok,
              `${item.id}: ${JSON.stringify(validate.errors)} for ${JSON.stringify(payloads[item.id])}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  const garbageSchema = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(
      fc.constantFrom(
        'type',
        'enum',
        'const',
        'format',
        'minimum',
        'maximum',
        'exclusiveMinimum',
        'exclusiveMaximum',
        'minLength',
        'maxLength',
        'pattern',
        'items',
        'properties',
        'required',
        'minItems',
        'maxItems',
        'oneOf',
        'x-dept',
      ),
      fc.oneof(
        fc.jsonValue(),
        fc.constantFrom('string', 'integer', 'number', 'date', 'date-time', 'email', 'array', 'object'),
      ),
    ),
  );
  const garbageItem = fc.record({
    properties: fc.dictionary(fc.constantFrom('xm', 'nl', 'yg', 'q', 'constructor'), garbageSchema),
    map: fc.dictionary(
      fc.constantFrom('xm', 'nl', 'yg', 'q', 'z'),
      fc.oneof(
        fc.constantFrom('name', 'age', 'staff', 'nope'),
        fc.record(
          { field: fc.constantFrom('name', 'age', 'staff'), values: fc.jsonValue(), items: fc.jsonValue() },
          { requiredKeys: ['field'] },
        ),
        fc.jsonValue(),
      ),
    ),
    required: fc.jsonValue(),
  });

  it('never throws on garbage department schemas and never invents fields', () => {
    const fields: Record<string, FieldDefinition> = {
      name: { type: 'string', label: zh('姓名'), pattern: '^\\S+$', maxLength: 5 },
      age: { type: 'integer', label: zh('年龄'), minimum: 0 },
      staff: {
        type: 'array',
        label: zh('员工'),
        items: {
          type: 'object',
          label: zh('员工'),
          properties: {
            name: { type: 'string', label: zh('姓名') },
            gender: { type: 'string', label: zh('性别'), enum: ['1', '2'] },
          },
        },
      },
    };
    fc.assert(
      fc.property(fc.array(garbageItem, { minLength: 1, maxLength: 4 }), fc.jsonValue(), (garbage, data) => {
        const items = garbage.map((g, i) => ({
          id: `i${i}`,
          name: zh('x'),
          department: 'd',
          itemType: 'confirmation',
          promisedLimitDays: 1,
          form: { schema: { properties: g.properties, required: g.required }, map: g.map },
        })) as unknown as ServiceItem[];
        const bundle: Bundle = {
          id: 'g',
          version: '1.0.0',
          title: zh('g'),
          leadDepartment: 'd',
          promisedDays: 1,
          departments: { d: { name: zh('d') } },
          fields,
          items,
        };
        const { form, diagnostics } = mergeForms(bundle);
        const departmentFields = garbage.reduce((n, g) => n + Object.keys(g.properties).length, 0);
        const sources = Object.values(form.fields).reduce((n, f) => n + f.sources.length, 0);
        expect(Object.keys(form.fields)).toEqual(['name', 'age', 'staff']);
        expect(sources).toBeLessThanOrEqual(departmentFields);
        expect(Object.values(form.fields).filter((f) => f.sources.length > 0).length).toBeLessThanOrEqual(
          departmentFields,
        );
        expect(diagnostics.every((d) => typeof d.message === 'string' && d.path.startsWith('/'))).toBe(true);
        // The merged schema stays a schema ajv can compile, whatever the departments wrote.
        expect(() => ajv.compile(form.schema)).not.toThrow();
        splitPayloads(
          bundle,
          form,
          (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>,
        );
      }),
      { numRuns: 300 },
    );
  });
});
