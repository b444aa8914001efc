import { describe, expect, it } from 'vitest';
import type { Bundle, DepartmentSchema, FieldDefinition, ServiceItem } from '../bundle/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { mergeForms } from './mergeForms.js';

const zh = (text: string) => ({ 'zh-CN': text });

function item(id: string, form: ServiceItem['form'], extra: Partial<ServiceItem> = {}): ServiceItem {
  return {
    id,
    name: zh(id),
    department: `d_${id}`,
    itemType: 'confirmation',
    promisedLimitDays: 1,
    form,
    ...extra,
  };
}

function bundle(
  fields: Record<string, FieldDefinition>,
  items: ServiceItem[],
  extra: Partial<Bundle> = {},
): Bundle {
  const departments = Object.fromEntries(items.map((i) => [i.department, { name: zh(i.department) }]));
  return {
    id: 't',
    version: '1.0.0',
    title: zh('测试'),
    leadDepartment: items[0]?.department ?? 'd',
    promisedDays: 5,
    departments,
    fields,
    items,
    ...extra,
  };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

describe('mergeForms: provenance', () => {
  const b = bundle(
    {
      name: { type: 'string', label: zh('姓名'), maxLength: 50 },
      mobile: { type: 'string', label: zh('手机号'), format: 'cn-mobile' },
      note: { type: 'string', label: zh('备注') },
    },
    [
      item('a', {
        schema: { type: 'object', properties: { xm: { type: 'string', maxLength: 20 } }, required: ['xm'] },
        map: { xm: 'name' },
      }),
      item('b', {
        schema: { type: 'object', properties: { name: { type: 'string' }, tel: { type: 'string' } } },
        map: { name: 'name', tel: 'mobile' },
      }),
    ],
  );
  const { form, diagnostics } = mergeForms(b);

  it('asks a shared field once and records every department property that feeds it', () => {
    expect(errors(diagnostics)).toEqual([]);
    expect(Object.keys(form.fields)).toEqual(['name', 'mobile', 'note']);
    expect(form.fields.name!.sources).toEqual([
      {
        item: 'a',
        department: 'd_a',
        property: 'xm',
        path: '/items/0/form/schema/properties/xm',
        required: true,
      },
      {
        item: 'b',
        department: 'd_b',
        property: 'name',
        path: '/items/1/form/schema/properties/name',
        required: false,
      },
    ]);
    expect(form.fields.name!.requiredBy).toEqual(['a']);
    expect(form.fields.name!.path).toBe('/fields/name');
  });

  it('keeps helper fields nobody maps, tightens maxLength and lists unconditional requirements', () => {
    expect(form.fields.note!.sources).toEqual([]);
    expect(form.fields.name!.schema).toMatchObject({ type: 'string', title: '姓名', maxLength: 20 });
    expect(form.schema.required).toEqual(['name']);
    expect(Object.keys(form.schema.properties as object)).toEqual(['name', 'mobile', 'note']);
  });
});

describe('mergeForms: type and format', () => {
  it('reports a string department on an integer field, naming the dictionary and the item', () => {
    const { diagnostics } = mergeForms(
      bundle({ age: { type: 'integer', label: zh('年龄') } }, [
        item('a', { schema: { properties: { nl: { type: 'string' } } }, map: { nl: 'age' } }),
      ]),
    );
    const [d] = errors(diagnostics);
    expect(d).toMatchObject({
      code: 'MERGE_TYPE_CONFLICT',
      path: '/items/0/form/schema/properties/nl/type',
      params: {
        field: 'age',
        itemA: '/fields/age',
        pathA: '/fields/age/type',
        itemB: 'a',
        a: 'integer',
        b: 'string',
      },
      related: [{ path: '/fields/age/type' }],
    });
  });

  it('names the departments on both sides of a conflict (short name first), and the field dictionary', () => {
    const { diagnostics } = mergeForms(
      bundle(
        { name: { type: 'string', label: zh('姓名') }, age: { type: 'integer', label: zh('年龄') } },
        [
          item('a', {
            schema: { properties: { xm: { type: 'string', maxLength: 15 } } },
            map: { xm: 'name' },
          }),
          item('b', {
            schema: { properties: { etxm: { type: 'string', minLength: 40 }, nl: { type: 'string' } } },
            map: { etxm: 'name', nl: 'age' },
          }),
        ],
        {
          departments: {
            d_a: {
              name: { 'zh-CN': '公安分局', en: 'Police branch' },
              shortName: { 'zh-CN': '公安', en: 'Police' },
            },
            d_b: { name: { 'zh-CN': '疾病预防控制中心', en: 'CDC' } },
          },
        },
      ),
    );
    const constraint = errors(diagnostics).find((d) => d.code === 'MERGE_CONSTRAINT_EMPTY')!;
    const named = [constraint.params.departmentA, constraint.params.departmentB];
    expect(named).toEqual(
      expect.arrayContaining([
        { 'zh-CN': '公安', en: 'Police' },
        { 'zh-CN': '疾病预防控制中心', en: 'CDC' },
      ]),
    );
    expect(constraint.messages['zh-CN']).toMatch(/公安“a”/);
    expect(constraint.messages['zh-CN']).toMatch(/疾病预防控制中心“b”/);
    expect(constraint.messages.en).toMatch(/Police \("a"\)/);
    const type = errors(diagnostics).find((d) => d.code === 'MERGE_TYPE_CONFLICT')!;
    expect(type.messages['zh-CN']).toContain('字段字典“/fields/age”');
  });

  it('lets an integer department tighten a number field and accepts a date-format string on a date field', () => {
    const { form, diagnostics } = mergeForms(
      bundle(
        { weight: { type: 'number', label: zh('体重') }, born: { type: 'date', label: zh('出生日期') } },
        [
          item('a', {
            schema: { properties: { tz: { type: 'integer' }, cs: { type: 'string', format: 'date' } } },
            map: { tz: 'weight', cs: 'born' },
          }),
        ],
      ),
    );
    expect(errors(diagnostics)).toEqual([]);
    expect(form.fields.weight!.schema.type).toBe('integer');
    expect(form.fields.born!.schema).toMatchObject({ type: 'string', format: 'date' });
  });

  it('reports date-time on a date field and two different department formats', () => {
    const { diagnostics } = mergeForms(
      bundle(
        { born: { type: 'date', label: zh('出生日期') }, contact: { type: 'string', label: zh('联系方式') } },
        [
          item('a', {
            schema: { properties: { cs: { type: 'string', format: 'date-time' }, c: { format: 'email' } } },
            map: { cs: 'born', c: 'contact' },
          }),
          item('b', {
            schema: { properties: { lx: { type: 'string', format: 'uri' } } },
            map: { lx: 'contact' },
          }),
        ],
      ),
    );
    const conflicts = errors(diagnostics);
    expect(codes(conflicts)).toEqual(['MERGE_FORMAT_CONFLICT', 'MERGE_FORMAT_CONFLICT']);
    expect(conflicts[0]!.params).toMatchObject({
      itemA: '/fields/born',
      pathA: '/fields/born/type',
      a: 'date',
      b: 'date-time',
    });
    expect(conflicts[1]!.params).toMatchObject({
      field: 'contact',
      itemA: 'a',
      pathA: '/items/0/form/schema/properties/c/format',
      itemB: 'b',
      pathB: '/items/1/form/schema/properties/lx/format',
      a: 'email',
      b: 'uri',
    });
  });
});

describe('mergeForms: enums', () => {
  const gender: FieldDefinition = {
    type: 'string',
    label: zh('性别'),
    options: [
      { value: '1', label: zh('男') },
      { value: '2', label: zh('女') },
      { value: '9', label: zh('未说明') },
    ],
  };

  it('maps department enum values back through `values` and intersects in canonical space', () => {
    const { form, diagnostics } = mergeForms(
      bundle({ gender }, [
        item('a', {
          schema: { properties: { xb: { type: 'string', enum: ['M', 'F'] } } },
          map: { xb: { field: 'gender', values: { '1': 'M', '2': 'F' } } },
        }),
        item('b', {
          schema: { properties: { sex: { type: 'string', enum: ['1', '2', '9'] } } },
          map: { sex: 'gender' },
        }),
      ]),
    );
    expect(errors(diagnostics)).toEqual([]);
    expect(form.fields.gender!.schema.enum).toEqual(['1', '2']);
    expect(diagnostics.find((d) => d.code === 'MERGE_ENUM_NARROWED')?.params).toMatchObject({
      item: 'a',
      values: ['1', '2'],
    });
  });

  it('reports an empty intersection naming the item that narrowed it and the one that emptied it', () => {
    const { diagnostics } = mergeForms(
      bundle({ gender }, [
        item('a', {
          schema: { properties: { xb: { enum: ['M', 'F'] } } },
          map: { xb: { field: 'gender', values: { '1': 'M', '2': 'F' } } },
        }),
        item('b', { schema: { properties: { sex: { enum: ['9'] } } }, map: { sex: 'gender' } }),
      ]),
    );
    expect(errors(diagnostics)).toEqual([
      expect.objectContaining({
        code: 'MERGE_ENUM_EMPTY',
        params: expect.objectContaining({
          itemA: 'a',
          pathA: '/items/0/form/schema/properties/xb/enum',
          itemB: 'b',
          pathB: '/items/1/form/schema/properties/sex/enum',
          a: ['1', '2'],
          b: ['9'],
        }),
      }),
    ]);
  });

  it('converts mapped keys back to the field type when the dictionary has no enum', () => {
    const { form } = mergeForms(
      bundle({ level: { type: 'integer', label: zh('等级') } }, [
        item('a', {
          schema: { properties: { dj: { type: 'string', enum: ['A', 'B'] } } },
          map: { dj: { field: 'level', values: { '1': 'A', '2': 'B', '3': 'C' } } },
        }),
      ]),
    );
    expect(form.fields.level!.schema.enum).toEqual([1, 2]);
  });
});

describe('mergeForms: bounds, lengths and patterns', () => {
  it('keeps the tightest bounds and reports min > max naming both sides', () => {
    const { form, diagnostics } = mergeForms(
      bundle(
        {
          n: { type: 'number', label: zh('数'), minimum: 0, maximum: 100 },
          s: { type: 'string', label: zh('串') },
        },
        [
          item('a', {
            schema: { properties: { n: { exclusiveMinimum: 0, maximum: 90 }, s: { minLength: 5 } } },
            map: { n: 'n', s: 's' },
          }),
          item('b', {
            schema: { properties: { n: { maximum: 95, exclusiveMaximum: 80 }, s: { maxLength: 3 } } },
            map: { n: 'n', s: 's' },
          }),
        ],
      ),
    );
    expect(form.fields.n!.schema).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 80 });
    expect(form.fields.n!.schema.minimum).toBeUndefined();
    expect(form.fields.n!.schema.maximum).toBeUndefined();
    expect(errors(diagnostics)).toEqual([
      expect.objectContaining({
        code: 'MERGE_CONSTRAINT_EMPTY',
        params: expect.objectContaining({
          field: 's',
          itemA: 'a',
          pathA: '/items/0/form/schema/properties/s/minLength',
          itemB: 'b',
          pathB: '/items/1/form/schema/properties/s/maxLength',
        }),
      }),
    ]);
  });

  it('finds integer ranges with no integer in them', () => {
    const { diagnostics } = mergeForms(
      bundle({ k: { type: 'integer', label: zh('整数'), minimum: 1 } }, [
        item('a', {
          schema: { properties: { k: { type: 'integer', exclusiveMaximum: 2, exclusiveMinimum: 1 } } },
          map: { k: 'k' },
        }),
      ]),
    );
    expect(codes(errors(diagnostics))).toEqual(['MERGE_CONSTRAINT_EMPTY']);
  });

  it('keeps every distinct pattern once', () => {
    const { form, diagnostics } = mergeForms(
      bundle({ code: { type: 'string', label: zh('编号'), pattern: '^[A-Z]' } }, [
        item('a', { schema: { properties: { bh: { pattern: '\\d$' } } }, map: { bh: 'code' } }),
        item('b', {
          schema: { properties: { bh: { pattern: '^[A-Z]' }, x: { pattern: '(' } } },
          map: { bh: 'code', x: 'code' },
        }),
      ]),
    );
    expect(form.fields.code!.schema.pattern).toBe('^[A-Z]');
    expect(form.fields.code!.schema.allOf).toEqual([{ pattern: '\\d$' }]);
    expect(codes(diagnostics)).toEqual(['PATTERN_INVALID']);
    expect(diagnostics[0]!.path).toBe('/items/1/form/schema/properties/x/pattern');
  });

  it('reports an enum no value of which passes the other constraints', () => {
    const { diagnostics } = mergeForms(
      bundle({ c: { type: 'string', label: zh('代码'), enum: ['aa', 'bbb'] } }, [
        item('a', { schema: { properties: { c: { maxLength: 1 } } }, map: { c: 'c' } }),
      ]),
    );
    expect(errors(diagnostics)[0]).toMatchObject({
      code: 'MERGE_CONSTRAINT_EMPTY',
      params: { itemA: '/fields/c', itemB: 'a', pathB: '/items/0/form/schema/properties/c/maxLength' },
    });
  });
});

describe('mergeForms: mappings', () => {
  it('reports unmapped properties, unknown keys, stray and malformed mappings', () => {
    const { diagnostics } = mergeForms(
      bundle({ name: { type: 'string', label: zh('姓名') } }, [
        item('a', {
          schema: { properties: { xm: {}, dz: {}, bad: {} } },
          map: { xm: 'nmae', bad: { values: {} } as never, ghost: 'name' },
        }),
      ]),
    );
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code + ':' + d.path, d]));
    expect(Object.keys(byCode).sort()).toEqual([
      'MAPPING_INVALID:/items/0/form/map/bad',
      'MAPPING_INVALID:/items/0/form/map/ghost',
      'MAPPING_MISSING:/items/0/form/schema/properties/dz',
      'UNKNOWN_REFERENCE:/items/0/form/map/xm',
    ]);
    expect(byCode['UNKNOWN_REFERENCE:/items/0/form/map/xm']!.params).toMatchObject({
      ref: 'nmae',
      hint: ' (name?)',
    });
  });

  it('ignores keywords it does not know', () => {
    // `type: 7` is not even valid JSON Schema: merging must shrug it off.
    const weird = {
      oneOf: [{ type: 'string' }],
      'x-dept': 1,
      if: true,
      dependentRequired: { a: ['b'] },
      type: 7,
    } as unknown as DepartmentSchema;
    const { diagnostics } = mergeForms(
      bundle({ name: { type: 'string', label: zh('姓名') } }, [
        item('a', { schema: { properties: { xm: weird } }, map: { xm: 'name' } }),
      ]),
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('mergeForms: nested arrays of objects', () => {
  const employees: FieldDefinition = {
    type: 'array',
    label: zh('员工'),
    items: {
      type: 'object',
      label: zh('员工'),
      properties: {
        name: { type: 'string', label: zh('姓名') },
        age: { type: 'integer', label: zh('年龄'), maximum: 70 },
      },
    },
  };

  it('maps sub-fields through `items`, tightening and requiring them', () => {
    const { form, diagnostics } = mergeForms(
      bundle({ employees }, [
        item('a', {
          schema: {
            properties: {
              yg: {
                type: 'array',
                maxItems: 10,
                items: {
                  type: 'object',
                  properties: { xm: { maxLength: 20 }, nl: { maximum: 60 } },
                  required: ['xm'],
                },
              },
            },
          },
          map: { yg: { field: 'employees', items: { xm: 'name', nl: 'age' } } },
        }),
      ]),
    );
    expect(diagnostics).toEqual([]);
    const schema = form.fields.employees!.schema as { maxItems: number; items: Record<string, unknown> };
    expect(schema.maxItems).toBe(10);
    expect(schema.items).toMatchObject({
      required: ['name'],
      properties: { name: { maxLength: 20 }, age: { maximum: 60 } },
      additionalProperties: false,
    });
  });

  it('reports nested conflicts and mapping problems with nested paths', () => {
    const { diagnostics } = mergeForms(
      bundle({ employees }, [
        item('a', {
          schema: {
            properties: { yg: { type: 'array', items: { properties: { xm: { type: 'integer' }, zz: {} } } } },
          },
          map: { yg: { field: 'employees', items: { xm: 'name' } } },
        }),
      ]),
    );
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['MERGE_TYPE_CONFLICT', '/items/0/form/schema/properties/yg/items/properties/xm/type'],
      ['MAPPING_MISSING', '/items/0/form/schema/properties/yg/items/properties/zz'],
    ]);
    expect(diagnostics[0]!.params).toMatchObject({
      field: 'employees[].name',
      pathA: '/fields/employees/items/properties/name/type',
    });
  });
});

describe('mergeForms: required and order', () => {
  it('requires only what an always-applicable item needs on an always-shown, entered field', () => {
    const fields: Record<string, FieldDefinition> = {
      a: { type: 'string', label: zh('A') },
      b: { type: 'string', label: zh('B') },
      c: { type: 'string', label: zh('C'), visibleIf: 'a == "x"' },
      d: { type: 'string', label: zh('D') },
    };
    const all = { properties: { a: {}, b: {}, c: {}, d: {} }, required: ['a', 'b', 'c', 'd'] };
    const map = { a: 'a', b: 'b', c: 'c', d: 'd' };
    const { form } = mergeForms(
      bundle(
        fields,
        [
          item(
            'p',
            {
              schema: { properties: { a: {}, c: {}, d: {} }, required: ['a', 'c', 'd'] },
              map: { a: 'a', c: 'c', d: 'd' },
            },
            { outputs: ['d'] },
          ),
          item('q', { schema: all, map }, { applicableIf: 'a == "y"' }),
        ],
        { layout: { sections: [{ id: 's', title: zh('S'), fields: ['d', 'b', 'zz', 'd'] }] } },
      ),
    );
    expect(form.schema.required).toEqual(['a']);
    expect(form.fields.b!.requiredBy).toEqual(['q']);
    expect(form.fields.d!.outputOf).toBe('p');
    expect(form.fields.d!.schema.readOnly).toBe(true);
    expect(form.order).toEqual(['d', 'b', 'a', 'c']);
  });
});
