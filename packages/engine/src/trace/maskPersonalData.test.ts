import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './maskPersonalData.js';

describe('maskPersonalData', () => {
  it('masks ID numbers and mobiles found anywhere in a string', () => {
    expect(maskPersonalData('母亲 350203199405120248 电话 13859201234')).toBe(
      '母亲 350203********0248 电话 138****1234',
    );
    expect(maskPersonalData('11010519491231002X,11010519491231002x')).toBe(
      '110105********002X,110105********002x',
    );
    expect(maskPersonalData('旧证 350203940512024')).toBe('旧证 350203*****2024');
  });

  it('leaves longer digit runs, codes with letters and short numbers alone', () => {
    for (const text of [
      '6236681930001234567',
      'J350203-2021-001234',
      '91350200MA2YB3K7XB',
      '12345',
      '138592012345',
    ]) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });

  it('masks the strings of a JSON value, keeping its shape and keys', () => {
    const value = { a: ['13906025678', 1, null], b: { c: 'x 350206199211030171' }, '13906025678': true };
    expect(maskPersonalData(value)).toEqual({
      a: ['139****5678', 1, null],
      b: { c: 'x 350206********0171' },
      '13906025678': true,
    });
    expect(value.a[0]).toBe('13906025678');
  });
});
