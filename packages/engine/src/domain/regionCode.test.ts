import { describe, it, expect } from 'vitest';
import { isRegionCode, prefectureOf, provinceOf, regionLevel } from './regionCode.js';

describe('regionCode', () => {
  it('checks shape and province prefix', () => {
    expect(isRegionCode('110108')).toBe(true);
    expect(isRegionCode('419001')).toBe(true);
    expect(isRegionCode('990108')).toBe(false);
    expect(isRegionCode('11010')).toBe(false);
    expect(isRegionCode('11010a')).toBe(false);
  });

  it('derives the level from trailing zeros', () => {
    expect(regionLevel('350000')).toBe('province');
    expect(regionLevel('350100')).toBe('prefecture');
    expect(regionLevel('350102')).toBe('county');
    expect(regionLevel('x')).toBeUndefined();
  });

  it('finds the province and prefecture', () => {
    expect(provinceOf('350102')).toBe('350000');
    expect(prefectureOf('350102')).toBe('350100');
    expect(prefectureOf('350100')).toBe('350100');
    expect(prefectureOf('350000')).toBeUndefined();
    expect(provinceOf('000000')).toBeUndefined();
  });
});
