import { describe, expect, it } from 'vitest';
import type { Bundle, ServiceItem } from '../bundle/types.js';
import { loadBundle } from '../bundle/loadBundle.js';
import { createFormState } from '../form/createFormState.js';
import { validateApplication } from '../form/validateApplication.js';
import { compileBundle } from './compileBundle.js';

const zh = (text: string) => ({ 'zh-CN': text });

/**
 * A property-transfer-like bundle: the always-applicable item takes any of five ID types, the
 * optional broadband item (`applicableIf: wantsNet`) only three, in its own codes.
 */
function bundle(netForm?: ServiceItem['form']): Bundle {
  const item = (id: string, form: ServiceItem['form'], extra: Partial<ServiceItem> = {}): ServiceItem => ({
    id,
    name: zh(id),
    department: id,
    itemType: 'publicService',
    promisedLimitDays: 1,
    form,
    ...extra,
  });
  return {
    id: 't',
    version: '1.0.0',
    title: zh('测试'),
    leadDepartment: 'reg',
    promisedDays: 1,
    departments: { reg: { name: zh('不动产') }, net: { name: zh('宽带') } },
    fields: {
      idType: {
        type: 'string',
        label: { 'zh-CN': '证件类型', en: 'ID type' },
        options: ['ID', 'PP', 'HK', 'TW', 'PR'].map((value) => ({ value, label: zh(`证件${value}`) })),
      },
      wantsNet: { type: 'boolean', label: zh('办理宽带过户') },
    },
    items: [
      item('reg', { schema: { properties: { zjlx: { type: 'string' } } }, map: { zjlx: 'idType' } }),
      item(
        'net',
        netForm ?? {
          schema: { properties: { certType: { type: 'string', enum: ['1', '2', '3'] } } },
          map: { certType: { field: 'idType', values: { ID: '1', PP: '2', HK: '3', TW: '4', PR: '5' } } },
        },
        { applicableIf: 'wantsNet' },
      ),
    ],
  };
}

function compiledOf(b: Bundle = bundle()) {
  const loaded = loadBundle(b);
  expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return compileBundle(loaded);
}

describe('constraints of a conditional item', () => {
  it('do not narrow the merged field', () => {
    expect(compiledOf().form.fields.idType!.schema.enum).toEqual(['ID', 'PP', 'HK', 'TW', 'PR']);
  });

  it('bind only while the item applies, on the canonical field, naming the item', () => {
    const state = createFormState(compiledOf(), { initialValues: { idType: 'TW' } });
    expect(state.getField('idType').errors).toEqual([]);

    state.setValue('wantsNet', true);
    const [error, ...more] = state.getField('idType').errors;
    expect(more).toEqual([]);
    expect(error).toMatchObject({
      code: 'DATA_ENUM',
      path: '/idType',
      params: { allowed: ['ID', 'PP', 'HK'], item: 'net', department: 'net' },
    });
    expect(error!.message).toContain('证件类型');
    expect(error!.message).toContain('证件HK');
    expect(state.notice().entries.map((e) => e.key)).toEqual(['idType']);

    state.setValue('idType', 'PP');
    expect(state.getField('idType').errors).toEqual([]);
    state.setValue('idType', 'PR');
    expect(state.getField('idType').errors).toHaveLength(1);

    state.setValue('wantsNet', false);
    expect(state.getField('idType').errors).toEqual([]);
    expect(state.notice().ok).toBe(true);
  });

  it('are reported by validateApplication only when the item applies', () => {
    const compiled = compiledOf();
    expect(validateApplication(compiled, { idType: 'TW' }).diagnostics).toEqual([]);
    const applied = validateApplication(
      compiled,
      { idType: 'TW', wantsNet: true },
      { checkMaterials: false },
    );
    expect(applied.diagnostics.map((d) => [d.code, d.path])).toEqual([['DATA_ENUM', '/idType']]);
  });

  it('re-render in the new language', () => {
    const state = createFormState(compiledOf(), { initialValues: { idType: 'TW', wantsNet: true } });
    state.setLang('en');
    expect(state.getField('idType').errors[0]!.message).toContain('ID type');
  });

  it('that contradict the merged field are a load-time warning, not an error', () => {
    const loaded = loadBundle(
      bundle({
        schema: { properties: { certType: { type: 'string', enum: ['X'] } } },
        map: { certType: 'idType' },
      }),
    );
    expect(loaded.ok).toBe(true);
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([
      expect.objectContaining({
        code: 'MERGE_ENUM_EMPTY',
        severity: 'warning',
        path: '/items/1/form/schema/properties/certType/enum',
      }),
    ]);
  });

  it('still make an incompatible type a load-time error', () => {
    const loaded = loadBundle(
      bundle({ schema: { properties: { certType: { type: 'integer' } } }, map: { certType: 'idType' } }),
    );
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
      'MERGE_TYPE_CONFLICT',
      'error',
    ]);
  });
});
