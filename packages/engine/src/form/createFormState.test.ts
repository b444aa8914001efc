import { describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import { createFormState } from './createFormState.js';
import { miniBundle, IDS } from '../../test/fixtures/miniBundle.js';
import type { Bundle } from '../bundle/types.js';

function compiledOf(bundle: Bundle = miniBundle()) {
  const loaded = loadBundle(bundle);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compileBundle(loaded);
}
const today = () => '2026-11-27';

describe('createFormState', () => {
  it('computes values from other fields and updates them on change', () => {
    const state = createFormState(compiledOf(), { today });
    expect(state.getField('motherBirthDate').value).toBeUndefined();
    state.setValue('motherIdNumber', IDS.woman);
    expect(state.getField('motherBirthDate')).toMatchObject({
      value: '1949-12-31',
      computed: true,
      readOnly: true,
    });
    state.setValue('motherIdNumber', '');
    expect(state.getField('motherBirthDate').value).toBeUndefined();
  });

  it('shows, requires and hides fields by their rules; hidden values are dropped', () => {
    const state = createFormState(compiledOf(), { today });
    expect(state.getField('householderName')).toMatchObject({ visible: false, required: false });
    state.setValue('settleWith', 'OTHER');
    expect(state.getField('householderName')).toMatchObject({ visible: true, required: true });
    state.setValue('householderName', '张三');
    expect(state.getValues().householderName).toBe('张三');
    state.setValue('settleWith', 'MOTHER');
    expect(state.getField('householderName').visible).toBe(false);
    expect(state.getValues().householderName).toBeUndefined();
    expect(state.payloads().birthReg?.hzxm).toBeUndefined();
  });

  it('hides the fields of items that do not apply (情形)', () => {
    const state = createFormState(compiledOf(), { today });
    expect(state.isItemApplicable('benefit')).toBe(false);
    expect(state.getField('bankAccountNo').visible).toBe(false);
    state.setValue('applyBenefit', true);
    expect(state.isItemApplicable('benefit')).toBe(true);
    expect(state.getField('bankAccountNo')).toMatchObject({
      visible: true,
      required: true,
      departments: ['health'],
    });
  });

  it('marks fields required when any applicable item requires them, naming the departments', () => {
    const state = createFormState(compiledOf(), { today, lang: 'en' });
    const name = state.getField('babyName');
    expect(name.required).toBe(true);
    expect(name.departments.sort()).toEqual(['health', 'police']);
    expect(name.errors[0]).toMatchObject({ code: 'DATA_REQUIRED', path: '/babyName' });
    expect(name.errors[0]!.message).toContain('Health');
    expect(name.errors[0]!.messages['zh-CN']).toContain('卫健');
  });

  it('checks constraints and cross-field rules of one field', () => {
    const state = createFormState(compiledOf(), { today });
    state.setValue('motherIdNumber', '110105194912310021');
    expect(state.getField('motherIdNumber').errors.map((e) => e.code)).toContain('DATA_FORMAT');
    state.setValue('motherIdNumber', IDS.man);
    expect(state.getField('motherIdNumber').errors.map((e) => e.code)).toEqual(['DATA_RULE']);
    state.setValue('motherIdNumber', IDS.woman);
    expect(state.getField('motherIdNumber').errors).toEqual([]);
  });

  it('notifies field and form subscribers of what changed only', () => {
    const state = createFormState(compiledOf(), { today });
    const seen: string[][] = [];
    const birth: unknown[] = [];
    state.subscribe((changed) => seen.push(changed));
    const off = state.subscribeField('motherBirthDate', (f) => birth.push(f.value));
    state.setValue('motherIdNumber', IDS.woman);
    expect(seen.at(-1)).toEqual(expect.arrayContaining(['motherIdNumber', 'motherBirthDate']));
    expect(seen.at(-1)).not.toContain('babyName');
    expect(birth).toEqual(['1949-12-31']);
    off();
    state.setValue('motherIdNumber', '');
    expect(birth).toHaveLength(1);
  });

  it('validate() counts every field as touched and tells the untouched ones with errors', () => {
    const state = createFormState(compiledOf(), { today });
    const told: Array<{ touched: boolean; errors: number }> = [];
    state.subscribeField('babyName', (f) => told.push({ touched: f.touched, errors: f.errors.length }));
    expect(state.getField('babyName').touched).toBe(false);
    expect(state.validate().ok).toBe(false);
    expect(told).toEqual([{ touched: true, errors: 1 }]);
    state.validate(); // already revealed: nothing new to tell
    expect(told).toHaveLength(1);
  });

  it('lists everything missing at once, grouped by department (一次性告知)', () => {
    const state = createFormState(compiledOf(), { today });
    const notice = state.notice();
    expect(notice.ok).toBe(false);
    const keys = notice.entries.map((e) => e.key);
    expect(keys).toEqual(
      expect.arrayContaining(['babyName', 'babyGender', 'settleWith', 'm_parentIds', 'm_hukouBook']),
    );
    expect(keys).not.toContain('m_birthCertDoc'); // produced by birthCert: 免提交
    expect(keys).not.toContain('birthCertNo'); // an output, not asked
    const police = notice.byDepartment.find((g) => g.department === 'police')!;
    expect(police.entries.map((e) => e.key)).toEqual(expect.arrayContaining(['settleWith', 'm_hukouBook']));
    const hukou = notice.entries.find((e) => e.key === 'm_hukouBook')!;
    expect(hukou.diagnostics[0]!.messages['zh-CN']).toContain('容缺');
  });

  it('accepts material decisions only where the bundle allows them', () => {
    const state = createFormState(compiledOf(), { today });
    const signed = { signer: '李四', signedAt: '2026-11-27T10:00:00+08:00' };
    state.setMaterial('m_parentIds', { kind: 'committed', ...signed }); // no commitment allowed
    state.setMaterial('m_hukouBook', { kind: 'deferred', ...signed }); // 容缺 allowed
    const byId = Object.fromEntries(state.materials().map((m) => [m.id, m]));
    expect(byId.m_parentIds!.satisfiedBy).toBeUndefined();
    expect(byId.m_hukouBook!.satisfiedBy).toBe('deferred');
    expect(byId.m_birthCertDoc!.satisfiedBy).toBe('fromOutput');
  });

  it('splits the data into department payloads in their own names and codes', () => {
    const state = createFormState(compiledOf(), {
      today,
      initialValues: { babyName: '王小明', babyGender: '1', settleWith: 'MOTHER', motherIdNumber: IDS.woman },
    });
    const payloads = state.payloads();
    expect(payloads.birthCert).toEqual({ xm: '王小明', xb: 'M', mqsfzh: IDS.woman });
    expect(payloads.birthReg).toMatchObject({
      name: '王小明',
      gender: '1',
      lhfs: 'MOTHER',
      mother_id: IDS.woman,
    });
    expect(payloads.benefit).toBeUndefined();
  });

  it('re-evaluates only the rules that read a changed field', () => {
    const compiled = compiledOf();
    let evaluations = 0;
    for (const rule of compiled.rules.rules) {
      const original = rule.evaluate;
      rule.evaluate = (ctx) => {
        evaluations++;
        return original(ctx);
      };
    }
    const state = createFormState(compiled, { today });
    evaluations = 0;
    state.setValue('babyName', '王小明');
    expect(evaluations).toBe(0);
    state.setValue('settleWith', 'OTHER');
    expect(evaluations).toBe(2); // visibleIf and requiredIf of householderName
  });

  it('starts a left-out field at its default, and never overrides a given value', () => {
    const bundle = miniBundle();
    bundle.fields.settleWith!.default = 'MOTHER';
    const compiled = compiledOf(bundle);
    expect(createFormState(compiled, { today }).getField('settleWith').value).toBe('MOTHER');
    expect(
      createFormState(compiled, { today, initialValues: { settleWith: 'FATHER' } }).getValue('settleWith'),
    ).toBe('FATHER');
  });
});
