import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCardCheckChar, isIdCard } from '../domain/isIdCard.js';
import { idCardProblem } from './idCardProblem.js';

function withCheck(body17: string): string {
  return body17 + idCardCheckChar(body17);
}

describe('idCardProblem', () => {
  const valid = withCheck('11010519491231002');

  it('finds nothing wrong with a valid number, lower-case x included', () => {
    expect(idCardProblem(valid)).toBeUndefined();
    const sequences = Array.from({ length: 100 }, (_, i) =>
      withCheck(`110105194912310${String(i).padStart(2, '0')}`),
    );
    const withX = sequences.find((v) => v.endsWith('X'))!;
    expect(withX).toBeDefined();
    expect(idCardProblem(withX.toLowerCase())).toBeUndefined();
  });

  it('names the failing part', () => {
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(idCardProblem(wrongCheck)).toBe('checkDigit');
    expect(idCardProblem(valid.slice(0, 17))).toBe('length');
    expect(idCardProblem(valid + '1')).toBe('length');
    expect(idCardProblem('1101051949123100AX')).toBe('characters');
    expect(idCardProblem(withCheck('00010519491231002'))).toBe('region');
    expect(idCardProblem(withCheck('11010519491332002'))).toBe('date');
    expect(idCardProblem(withCheck('11010518991231002'))).toBe('date');
  });

  it('agrees with isIdCard on every 18-character string', () => {
    const idLike = fc
      .tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom(...'0123456789Xx'))
      .map(([b, c]) => b + c);
    const nearValid = fc
      .tuple(
        fc.constantFrom('11', '44', '65', '00', '99'),
        fc.integer({ min: 1890, max: 2030 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([p, y, m, d]) =>
        withCheck(`${p}0105${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}002`),
      );
    fc.assert(
      fc.property(fc.oneof(idLike, nearValid, fc.string()), (value) => {
        expect(idCardProblem(value) === undefined).toBe(isIdCard(value));
      }),
    );
  });
});
