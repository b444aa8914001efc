// Every template loads with no diagnostic, compiles, accepts realistic data, and types the same in the
// browser generator as in Node; the restaurant template shows what it claims to. Issue #5.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBundle, createFormState, loadBundle, validateApplication } from '@onething/engine';
import { generateTypes } from '../../../engine/src/node/generateTypes.js';
import { generateBundleTypes, typeSchemasOf } from '../types/generateBundleTypes.js';
import { templates } from './templates.js';

const files: Record<string, string> = {
  'blank-two-departments': 'blank-two-departments.yaml',
  'open-restaurant': 'open-restaurant.yaml',
};
const compile = (text: string) => compileBundle(loadBundle(text, { fileName: 'bundle.yaml' }));

describe('templates', () => {
  it('lists the blank two-department template first, then the richer one, with distinct ids', () => {
    expect(templates.map((t) => t.id)).toEqual(['blank-two-departments', 'open-restaurant']);
    expect(templates[0]!.title['zh-CN']).toBe('空白：两个部门一件事');
  });

  describe.each(templates.map((t) => [t.id, t] as const))('%s', (id, template) => {
    const text = readFileSync(new URL(files[id]!, import.meta.url), 'utf8');

    it('is the .yaml file next to it (imported with ?raw)', () => {
      expect(template.text).toBe(text);
    });

    it('loads with zero diagnostics and compiles', () => {
      const loaded = loadBundle(text, { fileName: `${id}.yaml` });
      expect(loaded.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`)).toEqual([]);
      expect(loaded.ok).toBe(true);
      expect(Object.keys(compileBundle(loaded).form.fields).length).toBeGreaterThan(3);
    });

    it('types the same in the browser generator as in Node', async () => {
      const input = typeSchemasOf(compile(text));
      expect(await generateBundleTypes(input)).toBe(await generateTypes(input));
    });
  });
});

describe('the open-restaurant template', () => {
  const template = templates.find((t) => t.id === 'open-restaurant')!;
  const compiled = compile(template.text);
  const { bundle } = compiled;
  const today = () => '2026-03-02';
  const data = {
    shopName: '杭州市西湖区老张面馆',
    operatorName: '张建国',
    operatorIdNumber: '11010519491231002X',
    operatorMobile: '13912345678',
    premisesRegionCode: '330106',
    premisesAddress: '文三路 90 号 1 楼',
    businessArea: 80,
    seatCount: 40,
    foodCategories: ['HOT_FOOD', 'COLD_FOOD'],
    staff: [
      {
        name: '张建国',
        idNumber: '11010519491231002X',
        healthCertNo: 'JK2026000123',
        healthCertExpiry: '2027-01-31',
      },
      { name: '李秀英', idNumber: '330106199007120031' },
    ],
    hasOutdoorSign: true,
    signText: '老张面馆',
    signAreaM2: 3.5,
  };

  it('has three departments, a repeating group, a visibility rule, 容缺 and 告知承诺 materials', () => {
    expect(Object.keys(bundle.departments)).toHaveLength(3);
    expect(bundle.fields.staff).toMatchObject({ type: 'array', widget: 'repeat', items: { type: 'object' } });
    expect(bundle.fields.signText?.visibleIf).toBe('hasOutdoorSign');
    expect(Object.values(bundle.materials ?? {}).some((m) => m.acceptMissing)).toBe(true);
    expect(Object.values(bundle.materials ?? {}).some((m) => m.commitment)).toBe(true);
  });

  it('accepts complete data and splits it into four department payloads', () => {
    const result = validateApplication(compiled, data, { today, checkMaterials: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.payloads).sort()).toEqual(['bizReg', 'fireCheck', 'foodLicence', 'signboard']);
    expect(result.payloads.foodLicence!.cyry).toEqual([
      { xm: '张建国', sfzh: '11010519491231002X', jkzmbh: 'JK2026000123' },
      { xm: '李秀英', sfzh: '330106199007120031' },
    ]);
  });

  it('hides the sign fields and the sign item without an outdoor sign, and skips the fire check for a small shop', () => {
    const state = createFormState(compiled, {
      today,
      initialValues: { ...data, hasOutdoorSign: false, businessArea: 30, seatCount: 12 },
    });
    expect(state.isVisible('signText')).toBe(false);
    expect(state.isItemApplicable('signboard')).toBe(false);
    expect(state.isItemApplicable('fireCheck')).toBe(false);
    state.setValue('hasOutdoorSign', true);
    expect(state.isVisible('signText')).toBe(true);
    expect(state.isItemApplicable('signboard')).toBe(true);
  });

  it('warns about an expired health certificate', () => {
    const expired = { ...data, staff: [{ ...data.staff[0], healthCertExpiry: '2025-12-31' }] };
    const result = validateApplication(compiled, expired, { today, checkMaterials: false });
    expect(result.diagnostics.map((d) => d.params.rule ?? d.code)).toContain('healthCertsValid');
  });
});
