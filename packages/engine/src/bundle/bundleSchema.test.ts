import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import type {
  Bundle,
  Department,
  DepartmentForm,
  FieldDefinition,
  FieldOption,
  FieldShape,
  Layout,
  LayoutSection,
  LocalizedText,
  Material,
  ServiceItem,
  ValidationRule,
} from './types.js';

type Schema = { properties?: Record<string, unknown>; $defs?: Record<string, Schema> } & Record<
  string,
  unknown
>;

const schemaUrl = new URL('../../schema/bundle.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Schema;
const examplesDir = new URL('../../../../examples/', import.meta.url);

function compile() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = compile();

function errorsOf(value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** A small but complete bundle: 2 items, 3 fields, 1 material, 1 rule and a layout. */
function minimalBundle() {
  return {
    $schema: '../../packages/engine/schema/bundle.schema.json',
    id: 'newborn',
    version: '1.0.0',
    title: { 'zh-CN': '新生儿出生一件事', en: 'Newborn' },
    leadDepartment: 'health',
    promisedDays: 5,
    departments: {
      health: { name: { 'zh-CN': '卫生健康委员会' }, shortName: { 'zh-CN': '卫健' } },
      police: { name: { 'zh-CN': '公安局' } },
    },
    fields: {
      babyName: { type: 'string', label: { 'zh-CN': '新生儿姓名' }, maxLength: 50, widget: 'text' },
      settleWith: {
        type: 'string',
        label: { 'zh-CN': '随父/随母落户' },
        options: [
          { value: 'FATHER', label: { 'zh-CN': '随父' } },
          { value: 'MOTHER', label: { 'zh-CN': '随母' } },
        ],
        'x-note': 'extension keys are allowed',
      },
      birthCertNo: {
        type: 'string',
        label: { 'zh-CN': '出生医学证明编号' },
        pattern: '^[A-Z]\\d{9}$',
        readOnly: true,
        visibleIf: 'settleWith != ""',
      },
    },
    items: [
      {
        id: 'birthCert',
        name: { 'zh-CN': '出生医学证明首次签发' },
        department: 'health',
        itemType: 'confirmation',
        caseType: 'immediate',
        promisedLimitDays: 0,
        outputs: ['birthCertNo'],
        form: {
          schema: { type: 'object', properties: { xm: { type: 'string' } }, required: ['xm'], 'x-dept': 1 },
          map: { xm: 'babyName' },
        },
      },
      {
        id: 'birthReg',
        name: { 'zh-CN': '出生登记' },
        department: 'police',
        itemType: 'confirmation',
        legalLimitDays: 20,
        promisedLimitDays: 3,
        dependsOn: ['birthCert'],
        fee: { charged: false },
        form: {
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, luohu: { type: 'string', enum: ['F', 'M'] } },
          },
          map: { name: 'babyName', luohu: { field: 'settleWith', values: { FATHER: 'F', MOTHER: 'M' } } },
        },
        materials: ['m_birthCertDoc'],
      },
    ],
    materials: {
      m_birthCertDoc: {
        name: { 'zh-CN': '出生医学证明' },
        form: 'original',
        medium: 'electronic',
        fromOutput: { item: 'birthCert', field: 'birthCertNo' },
        acceptMissing: { supplyWithinDays: 3 },
      },
    },
    rules: [
      {
        id: 'certNoUpper',
        expr: 'birthCertNo.matches("^[A-Z]")',
        message: { 'zh-CN': '编号以大写字母开头', en: 'Starts with a capital letter' },
        fields: ['birthCertNo'],
        severity: 'warning',
      },
    ],
    layout: {
      mode: 'steps',
      sections: [
        { id: 'baby', title: { 'zh-CN': '新生儿信息' }, fields: ['babyName', 'settleWith', 'birthCertNo'] },
      ],
    },
  };
}

type Mutable = ReturnType<typeof minimalBundle>;

function withChange(change: (bundle: Mutable & Record<string, unknown>) => void): unknown {
  const bundle = minimalBundle();
  change(bundle);
  return bundle;
}

describe('bundle.schema.json', () => {
  it('compiles with Ajv2020 in strict mode and has the published $id', () => {
    expect(() => compile()).not.toThrow();
    expect(schema.$id).toBe('https://onething.dev/schema/bundle.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a minimal complete bundle', () => {
    expect(errorsOf(minimalBundle())).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown key on an item',
      change: (b: Mutable) => Object.assign(b.items[0]!, { depatment: 'health' }),
      at: '/items/0',
      keyword: 'additionalProperties',
      param: ['additionalProperty', 'depatment'],
    },
    {
      name: 'an unknown key on a field definition',
      change: (b: Mutable) => Object.assign(b.fields.babyName, { visibleIff: 'true' }),
      at: '/fields/babyName',
      keyword: 'additionalProperties',
      param: ['additionalProperty', 'visibleIff'],
    },
    {
      name: 'a field-only key on a nested shape',
      change: (b: Mutable) =>
        Object.assign(b.fields, {
          parents: {
            type: 'array',
            label: { 'zh-CN': '父母' },
            items: { type: 'object', label: { 'zh-CN': '父/母' }, requiredIf: 'true' },
          },
        }),
      at: '/fields/parents/items',
      keyword: 'additionalProperties',
      param: ['additionalProperty', 'requiredIf'],
    },
    {
      name: 'a wrong itemType',
      change: (b: Mutable) => Object.assign(b.items[1]!, { itemType: 'permit' }),
      at: '/items/1/itemType',
      keyword: 'enum',
    },
    {
      name: 'a wrong field format',
      change: (b: Mutable) => Object.assign(b.fields.babyName, { format: 'id-card' }),
      at: '/fields/babyName/format',
      keyword: 'enum',
    },
    {
      name: 'a missing promisedLimitDays',
      change: (b: Mutable) => delete (b.items[1] as Partial<Mutable['items'][1]>).promisedLimitDays,
      at: '/items/1',
      keyword: 'required',
      param: ['missingProperty', 'promisedLimitDays'],
    },
    {
      name: 'a missing zh-CN text',
      change: (b: Mutable) => Object.assign(b, { title: { en: 'Newborn' } }),
      at: '/title',
      keyword: 'required',
      param: ['missingProperty', 'zh-CN'],
    },
    {
      name: 'an item id that is not an identifier',
      change: (b: Mutable) => Object.assign(b.items[0]!, { id: 'birth-cert' }),
      at: '/items/0/id',
      keyword: 'pattern',
    },
    {
      name: 'a field key that is a CEL reserved word',
      change: (b: Mutable) => Object.assign(b.fields, { in: { type: 'string', label: { 'zh-CN': 'x' } } }),
      at: '/fields',
      keyword: 'propertyNames',
      param: ['propertyName', 'in'],
    },
    {
      name: 'an overlong text',
      change: (b: Mutable) => Object.assign(b.title, { 'zh-CN': '长'.repeat(10_001) }),
      at: '/title/zh-CN',
      keyword: 'maxLength',
    },
    {
      name: 'an overlong CEL expression',
      change: (b: Mutable) => Object.assign(b.rules[0]!, { expr: 'true && '.repeat(600) + 'true' }),
      at: '/rules/0/expr',
      keyword: 'maxLength',
    },
    {
      name: 'a negative promised limit',
      change: (b: Mutable) => Object.assign(b.items[0]!, { promisedLimitDays: -1 }),
      at: '/items/0/promisedLimitDays',
      keyword: 'minimum',
    },
    {
      name: 'a fractional promised limit',
      change: (b: Mutable) => Object.assign(b, { promisedDays: 1.5 }),
      at: '/promisedDays',
      keyword: 'type',
    },
    {
      name: 'a wrong verification method',
      change: (b: Mutable) =>
        Object.assign(b.materials.m_birthCertDoc, {
          commitment: { text: { 'zh-CN': '本人承诺' }, verification: { method: 'phone' } },
        }),
      at: '/materials/m_birthCertDoc/commitment/verification/method',
      keyword: 'enum',
    },
    {
      name: 'a wrongly typed keyword in a department schema',
      change: (b: Mutable) => Object.assign(b.items[0]!.form.schema, { required: 'xm' }),
      at: '/items/0/form/schema/required',
      keyword: 'type',
    },
  ])('rejects $name at $at', ({ change, at, keyword, param }) => {
    const errors = errorsOf(withChange(change));
    const hit = errors.find((e) => e.instancePath === at && e.keyword === keyword);
    expect(hit, JSON.stringify(errors, null, 2)).toBeDefined();
    if (param) expect((hit!.params as Record<string, unknown>)[param[0]!]).toBe(param[1]);
  });

  it('leaves department schemas open to other JSON Schema keywords', () => {
    const bundle = withChange((b) =>
      Object.assign(b.items[0]!.form.schema, { $comment: 'from 公安', dependentRequired: {} }),
    );
    expect(errorsOf(bundle)).toEqual([]);
  });

  it('accepts nested department mappings with values and items', () => {
    const bundle = withChange((b) =>
      Object.assign(b.items[1]!.form.map, {
        members: {
          field: 'parents',
          items: { xm: 'name', xb: { field: 'gender', values: { '1': 'M', '2': 'F' } } },
        },
      }),
    );
    expect(errorsOf(bundle)).toEqual([]);
  });
});

const fieldShapeKeys = {
  type: true,
  label: true,
  help: true,
  placeholder: true,
  format: true,
  enum: true,
  options: true,
  minLength: true,
  maxLength: true,
  pattern: true,
  minimum: true,
  maximum: true,
  minItems: true,
  maxItems: true,
  items: true,
  properties: true,
  required: true,
  widget: true,
  personal: true,
  default: true,
} satisfies Record<keyof FieldShape, true>;

/** Property names of each TS interface, listed by hand; `satisfies` fails to compile when one is missing or extra. */
const tsKeys = {
  Bundle: {
    $schema: true,
    id: true,
    version: true,
    title: true,
    description: true,
    leadDepartment: true,
    promisedDays: true,
    departments: true,
    fields: true,
    items: true,
    materials: true,
    rules: true,
    layout: true,
    procedures: true,
  } satisfies Record<keyof Bundle, true>,
  LocalizedText: { 'zh-CN': true, en: true } satisfies Record<keyof LocalizedText, true>,
  Department: { name: true, shortName: true } satisfies Record<keyof Department, true>,
  FieldOption: { value: true, label: true } satisfies Record<keyof FieldOption, true>,
  FieldShape: fieldShapeKeys,
  FieldDefinition: {
    ...fieldShapeKeys,
    visibleIf: true,
    requiredIf: true,
    computed: true,
    editable: true,
    readOnly: true,
  } satisfies Record<keyof FieldDefinition, true>,
  ServiceItem: {
    id: true,
    code: true,
    name: true,
    department: true,
    implementingAgency: true,
    itemType: true,
    caseType: true,
    legalLimitDays: true,
    promisedLimitDays: true,
    visitsOnSite: true,
    fee: true,
    result: true,
    legalBasis: true,
    dependsOn: true,
    applicableIf: true,
    outputs: true,
    form: true,
    materials: true,
  } satisfies Record<keyof ServiceItem, true>,
  Fee: { charged: true, standard: true, basis: true } satisfies Record<
    keyof NonNullable<ServiceItem['fee']>,
    true
  >,
  ItemResult: {
    name: true,
    type: true,
    licenceType: true,
    eLicenceCode: true,
  } satisfies Record<keyof NonNullable<ServiceItem['result']>, true>,
  DepartmentForm: { schema: true, map: true } satisfies Record<keyof DepartmentForm, true>,
  Material: {
    name: true,
    form: true,
    medium: true,
    copies: true,
    required: true,
    requiredIf: true,
    description: true,
    acceptMissing: true,
    commitment: true,
    eLicence: true,
    fromOutput: true,
    accept: true,
    maxSizeMB: true,
  } satisfies Record<keyof Material, true>,
  AcceptMissing: { supplyWithinDays: true } satisfies Record<
    keyof NonNullable<Material['acceptMissing']>,
    true
  >,
  Commitment: { text: true, verification: true } satisfies Record<
    keyof NonNullable<Material['commitment']>,
    true
  >,
  CommitmentVerification: {
    method: true,
    dueDays: true,
    exempt: true,
  } satisfies Record<keyof NonNullable<NonNullable<Material['commitment']>['verification']>, true>,
  ELicence: { licenceType: true, catalogCode: true } satisfies Record<
    keyof NonNullable<Material['eLicence']>,
    true
  >,
  FromOutput: { item: true, field: true } satisfies Record<keyof NonNullable<Material['fromOutput']>, true>,
  ValidationRule: {
    id: true,
    expr: true,
    when: true,
    message: true,
    fields: true,
    severity: true,
  } satisfies Record<keyof ValidationRule, true>,
  Layout: { mode: true, sections: true } satisfies Record<keyof Layout, true>,
  LayoutSection: { id: true, title: true, help: true, fields: true, visibleIf: true } satisfies Record<
    keyof LayoutSection,
    true
  >,
};

describe('bundle.schema.json mirrors types.ts', () => {
  it('has the top-level properties of the Bundle interface', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(tsKeys.Bundle).sort());
  });

  it.each(Object.entries(tsKeys).filter(([name]) => name !== 'Bundle'))(
    '$defs/%s has the properties of its TS type',
    (name, keys) => {
      expect(Object.keys(schema.$defs?.[name]?.properties ?? {}).sort()).toEqual(Object.keys(keys).sort());
    },
  );

  it('repeats the FieldShape keywords unchanged in FieldDefinition', () => {
    // Duplicated rather than $ref'd so that every object stays `additionalProperties: false` (editors and
    // the diagnostics understand that better than `unevaluatedProperties`); this test keeps the copies equal.
    const shape = schema.$defs?.FieldShape?.properties ?? {};
    const definition = schema.$defs?.FieldDefinition?.properties ?? {};
    for (const key of Object.keys(shape)) expect(definition[key], key).toEqual(shape[key]);
  });

  it('requires exactly the non-optional properties', () => {
    const required = (s: Schema | undefined) => [...((s?.required as string[] | undefined) ?? [])].sort();
    expect(required(schema)).toEqual([
      'departments',
      'fields',
      'id',
      'items',
      'leadDepartment',
      'promisedDays',
      'title',
      'version',
    ]);
    expect(required(schema.$defs?.ServiceItem)).toEqual([
      'department',
      'form',
      'id',
      'itemType',
      'name',
      'promisedLimitDays',
    ]);
    expect(required(schema.$defs?.FieldShape)).toEqual(['label', 'type']);
    expect(required(schema.$defs?.FieldDefinition)).toEqual(['label', 'type']);
    expect(required(schema.$defs?.Material)).toEqual(['name']);
    expect(required(schema.$defs?.ValidationRule)).toEqual(['expr', 'fields', 'id', 'message']);
    expect(required(schema.$defs?.LayoutSection)).toEqual(['fields', 'id', 'title']);
  });

  it('gives every property a bilingual description', () => {
    const missing: string[] = [];
    const visit = (s: Schema, path: string) => {
      for (const [key, sub] of Object.entries(s.properties ?? {})) {
        const description = (sub as { description?: unknown }).description;
        if (typeof description !== 'string' || !/[\u4e00-\u9fff].* \/ [A-Za-z]/.test(description))
          missing.push(`${path}/${key}`);
      }
    };
    visit(schema, '');
    for (const [name, def] of Object.entries(schema.$defs ?? {})) visit(def, `$defs/${name}`);
    expect(missing).toEqual([]);
  });
});

const exampleFiles = existsSync(examplesDir)
  ? readdirSync(examplesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        ['bundle.yaml', 'bundle.json']
          .map((file) => new URL(`${entry.name}/${file}`, examplesDir))
          .filter((url) => existsSync(url))
          .map((url) => ({ name: `${entry.name}/${url.pathname.split('/').pop()}`, url })),
      )
  : [];

describe.each(exampleFiles)('example $name', ({ url }) => {
  it('validates against the schema', () => {
    const text = readFileSync(url, 'utf8');
    const value: unknown = url.pathname.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    expect(errorsOf(value)).toEqual([]);
  });
});
