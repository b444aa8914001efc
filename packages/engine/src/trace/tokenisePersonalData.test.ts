import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../bundle/types.js';
import type { MergedForm } from '../compile/types.js';
import { isIdCard } from '../domain/isIdCard.js';
import { isMobile } from '../domain/isMobile.js';
import { parseIdCard } from '../domain/parseIdCard.js';
import type { FlowInput } from '../flow/types.js';
import { tokenisePersonalData } from './tokenisePersonalData.js';

const label = { 'zh-CN': '字段' };

/** A merged form holding just these field definitions. */
function formOf(definitions: Record<string, Omit<FieldDefinition, 'label'>>): MergedForm {
  const fields: MergedForm['fields'] = {};
  for (const [key, definition] of Object.entries(definitions)) {
    fields[key] = {
      key,
      definition: { label, ...definition },
      path: `/fields/${key}`,
      schema: {},
      sources: [],
      requiredBy: [],
    };
  }
  return { schema: {}, fields, order: Object.keys(definitions) };
}

const form = formOf({
  motherIdNumber: { type: 'string', format: 'cn-id-card' },
  motherMobile: { type: 'string', format: 'cn-mobile' },
  motherName: { type: 'string', personal: 'name', pattern: '^[\\u4e00-\\u9fa5·]{1,50}$' },
  bankAccountName: { type: 'string', personal: 'name' },
  homeAddress: { type: 'string', personal: 'address', minLength: 5 },
  bankAccountNo: { type: 'string', personal: 'account', pattern: '^\\d{12,19}$' },
  babyGender: { type: 'string', enum: ['1', '2'] },
  shareholders: {
    type: 'array',
    items: {
      type: 'object',
      label,
      properties: {
        name: { type: 'string', label, personal: 'name' },
        idNumber: { type: 'string', label, format: 'cn-id-card' },
        share: { type: 'number', label },
      },
    },
  },
});

const data = {
  motherIdNumber: '350203199405120248',
  motherMobile: '13859201234',
  motherName: '陈雅婷',
  bankAccountName: '陈雅婷',
  homeAddress: '福建省厦门市思明区莲前西路188号3单元1202室',
  bankAccountNo: '6236681930001234567',
  babyGender: '2',
  shareholders: [
    { name: '阿卜杜·热合曼', idNumber: '11010519491231002X', share: 60 },
    { name: 'Li Lei', idNumber: '350206199211030171', share: 40 },
  ],
};
const submit = (d: Record<string, unknown>): FlowInput => ({
  at: '2025-03-20T09:00:00+08:00',
  event: { type: 'submit', data: d },
});

describe('tokenisePersonalData', () => {
  const tokens = tokenisePersonalData({ form }, [submit(data)], 'k1');
  const out = tokens.apply(data);

  it('keeps an ID number valid with its province, birth date and gender', () => {
    for (const [original, token] of [
      [data.motherIdNumber, out.motherIdNumber],
      [data.shareholders[0]!.idNumber, out.shareholders[0]!.idNumber],
      [data.shareholders[1]!.idNumber, out.shareholders[1]!.idNumber],
    ] as const) {
      expect(token).not.toBe(original);
      expect(isIdCard(token)).toBe(true);
      const [a, b] = [parseIdCard(original)!, parseIdCard(token)!];
      expect(b.birthDate).toBe(a.birthDate);
      expect(b.gender).toBe(a.gender);
      expect(token.slice(0, 2)).toBe(original.slice(0, 2));
    }
  });

  it('keeps an invalid ID number invalid (a replay meets the same check-digit error)', () => {
    const bad = '350203199405120249';
    const token = tokenisePersonalData({ form }, [submit({ motherIdNumber: bad })], 'k1').table.get(bad)!;
    expect(token).toMatch(/^\d{17}[\dX]$/);
    expect(isIdCard(token)).toBe(false);
    expect(token.slice(6, 14)).toBe(bad.slice(6, 14));
  });

  it('keeps a mobile valid with its first three digits', () => {
    expect(isMobile(out.motherMobile)).toBe(true);
    expect(out.motherMobile.slice(0, 3)).toBe('138');
    expect(out.motherMobile).not.toBe(data.motherMobile);
  });

  it('gives names same-length Han pseudonyms that still match the field pattern, keeping ·', () => {
    expect(out.motherName).toMatch(/^[\u4e00-\u9fa5·]{3}$/);
    expect(out.motherName).not.toBe(data.motherName);
    expect(out.shareholders[0]!.name).toMatch(/^[\u4e00-\u9fa5]{3}·[\u4e00-\u9fa5]{3}$/);
    expect(out.shareholders[1]!.name).toMatch(/^[A-Z][a-z] [A-Z][a-z]{2}$/);
  });

  it('maps equal values to equal tokens (a cross-field equality rule still holds)', () => {
    expect(out.bankAccountName).toBe(out.motherName);
  });

  it('turns an address into 某地址… of the same length, and an account into digits of the same length', () => {
    expect(out.homeAddress.startsWith('某地址')).toBe(true);
    expect([...out.homeAddress]).toHaveLength([...data.homeAddress].length);
    expect(out.homeAddress).toMatch(/^[\u4e00-\u9fa5]+$/);
    expect(out.bankAccountNo).toMatch(/^[1-9]\d{18}$/);
    expect(out.bankAccountNo).not.toBe(data.bankAccountNo);
  });

  it('leaves non-personal values, keys and numbers alone', () => {
    expect(out.babyGender).toBe('2');
    expect(out.shareholders[0]!.share).toBe(60);
    expect(Object.keys(out)).toEqual(Object.keys(data));
  });

  it('replaces personal values anywhere, also quoted inside longer strings', () => {
    const effect = {
      type: 'notify',
      payload: { mqgmsfhm: data.motherIdNumber, note: `联系电话 ${data.motherMobile}。` },
      list: [data.motherName],
    };
    const replaced = tokens.apply(effect);
    expect(replaced.payload.mqgmsfhm).toBe(out.motherIdNumber);
    expect(replaced.payload.note).toBe(`联系电话 ${out.motherMobile}。`);
    expect(replaced.list).toEqual([out.motherName]);
    expect(JSON.stringify(replaced)).not.toContain(data.motherIdNumber);
  });

  it('replaces quoted values holding regular-expression characters', () => {
    const odd = '6222-0001 (a|b) [x]*';
    const t = tokenisePersonalData({ form }, [submit({ bankAccountNo: odd })], 'k1');
    const token = t.table.get(odd)!;
    expect(token).toMatch(/^\d{4}-\d{4} \([a-z]\|[a-z]\) \[[a-z]\]\*$/);
    expect(t.apply({ note: `账户 ${odd}。` })).toEqual({ note: `账户 ${token}。` });
  });

  it('collects from precheck, answerCorrection and issued outputs too', () => {
    const inputs: FlowInput[] = [
      { at: 'a', event: { type: 'precheck', data: { motherMobile: '13900000001' } } },
      { at: 'b', event: { type: 'answerCorrection', item: 'x', data: { motherMobile: '13900000002' } } },
      {
        at: 'c',
        event: {
          type: 'departmentUpdate',
          item: 'x',
          eventId: 'e',
          update: { status: 'issued', outputs: { motherMobile: '13900000003' } },
        },
      },
      { at: 'd', event: { type: 'withdraw', reason: '13900000004' } },
    ];
    const table = tokenisePersonalData({ form }, inputs, 'k').table;
    expect([...table.keys()].sort()).toEqual(['13900000001', '13900000002', '13900000003']);
  });

  it('depends on the key, and never stores it', () => {
    const other = tokenisePersonalData({ form }, [submit(data)], 'k2').apply(data);
    expect(other.motherIdNumber).not.toBe(out.motherIdNumber);
    expect(JSON.stringify([...tokens.table])).not.toContain('k1');
  });

  it('never treats strings of the bundle (codes, ids, labels) as personal', () => {
    const bundle = { id: 'b', fields: { x: { label: { 'zh-CN': '陈雅婷' } } } };
    const table = tokenisePersonalData({ form, bundle: bundle as never }, [submit(data)], 'k1').table;
    expect(table.has('陈雅婷')).toBe(false);
    expect(table.has(data.motherMobile)).toBe(true);
  });

  it('keeps a __proto__ key a plain key', () => {
    const value = JSON.parse(`{"__proto__": {"x": "${data.motherMobile}"}}`) as Record<string, unknown>;
    const replaced = tokens.apply(value);
    expect(Object.getPrototypeOf(replaced)).toBe(Object.prototype);
    expect(Object.keys(replaced)).toEqual(['__proto__']);
  });

  it('refuses to run without a key', () => {
    expect(() => tokenisePersonalData({ form }, [], '')).toThrow(/key/);
  });
});
