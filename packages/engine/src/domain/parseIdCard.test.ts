import { describe, it, expect } from 'vitest';
import { idCardCheckChar } from './isIdCard.js';
import { parseIdCard } from './parseIdCard.js';

describe('parseIdCard', () => {
  it('reads region, birth date and gender from an 18-digit number', () => {
    expect(parseIdCard('11010519491231002X')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: '2',
      legacy: false,
    });
  });

  it('maps an odd sequence digit to 1 (男)', () => {
    const first17 = '35010219851020413';
    expect(parseIdCard(first17 + idCardCheckChar(first17))?.gender).toBe('1');
  });

  it('reads legacy 15-digit numbers in the 1900s', () => {
    expect(parseIdCard('110105491231003')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: '1',
      legacy: true,
    });
  });

  it('returns undefined for invalid numbers', () => {
    expect(parseIdCard('110105194912310021')).toBeUndefined();
    expect(parseIdCard('abc')).toBeUndefined();
  });
});
