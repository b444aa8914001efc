import { describe, it, expect } from 'vitest';
import { isUscc, usccCheckChar } from './isUscc.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('isUscc', () => {
  it('accepts a real public code', () => {
    expect(isUscc('91350100M000100Y43')).toBe(true);
  });

  it('accepts codes generated with a computed check character', () => {
    for (const first17 of [
      '91110108MA01ABCD1',
      '12100000400000624',
      '52440300MJL12345X',
      '93330100Y00000001',
    ]) {
      const code = first17 + usccCheckChar(first17);
      expect(isUscc(code)).toBe(true);
      const other = CHARSET[(CHARSET.indexOf(code[17]!) + 1) % 31]!;
      expect(isUscc(first17 + other)).toBe(false);
    }
  });

  it('rejects the early Fujian pilot code unless lenient', () => {
    expect(isUscc('91350100M0001TGQXM')).toBe(false);
    expect(isUscc('91350100M0001TGQXM', { lenient: true })).toBe(true);
  });

  it('rejects bad shapes even when lenient', () => {
    for (const bad of [
      '',
      '91350100M000100Y4',
      '9135010OM000100Y43',
      '91350100M000100I43',
      '91A50100M000100Y43',
      '91350100m000100y43',
    ]) {
      expect(isUscc(bad, { lenient: true })).toBe(false);
    }
  });
});
