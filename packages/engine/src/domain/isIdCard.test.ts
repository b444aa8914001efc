import { describe, it, expect } from 'vitest';
import { idCardCheckChar, isIdCard } from './isIdCard.js';

/** Build an 18-digit number with a correct check character from region, date and sequence. */
function make(region: string, yyyymmdd: string, seq: string): string {
  const first17 = region + yyyymmdd + seq;
  return first17 + idCardCheckChar(first17);
}

describe('isIdCard', () => {
  it('accepts the GB 11643 sample number and its lowercase x', () => {
    expect(isIdCard('11010519491231002X')).toBe(true);
    expect(isIdCard('11010519491231002x')).toBe(true);
  });

  it('computes the check character with ISO 7064 MOD 11-2', () => {
    // By hand: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167, 167 mod 11 = 2 → 'X'.
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('11010519491231003')).toBe('8');
  });

  it('rejects a wrong check character', () => {
    const valid = make('350102', '19851020', '413');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(isIdCard(valid)).toBe(true);
    expect(isIdCard(wrong)).toBe(false);
  });

  it('rejects unknown province prefixes', () => {
    expect(isIdCard(make('100105', '19900101', '001'))).toBe(false);
    expect(isIdCard(make('990105', '19900101', '001'))).toBe(false);
    expect(isIdCard(make('820000', '19900101', '001'))).toBe(true);
  });

  it('rejects impossible and pre-1900 dates', () => {
    expect(isIdCard(make('110105', '20230229', '001'))).toBe(false);
    expect(isIdCard(make('110105', '20240229', '001'))).toBe(true);
    expect(isIdCard(make('110105', '19991301', '001'))).toBe(false);
    expect(isIdCard(make('110105', '18991231', '001'))).toBe(false);
  });

  it('rejects birth dates after today when today is given', () => {
    const id = make('110105', '20250102', '001');
    expect(isIdCard(id)).toBe(true);
    expect(isIdCard(id, { today: '2025-01-02' })).toBe(true);
    expect(isIdCard(id, { today: '2025-01-01' })).toBe(false);
  });

  it('accepts legacy 15-digit numbers only when asked', () => {
    expect(isIdCard('110105491231002')).toBe(false);
    expect(isIdCard('110105491231002', { allowLegacy15: true })).toBe(true);
    expect(isIdCard('110105491331002', { allowLegacy15: true })).toBe(false);
  });

  it('rejects wrong shapes and non-strings', () => {
    for (const bad of [
      '',
      '1101051949123100',
      '11010519491231002Y',
      ' 11010519491231002X',
      '110105194912310021X',
    ]) {
      expect(isIdCard(bad)).toBe(false);
    }
    expect(isIdCard(42 as unknown as string)).toBe(false);
  });
});
