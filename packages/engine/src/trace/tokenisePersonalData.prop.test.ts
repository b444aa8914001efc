import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergedForm } from '../compile/types.js';
import { idCardCheckChar, isIdCard } from '../domain/isIdCard.js';
import { isMobile } from '../domain/isMobile.js';
import type { FlowInput } from '../flow/types.js';
import { tokenisePersonalData } from './tokenisePersonalData.js';

const label = { 'zh-CN': '字段' };
const field = (key: string, definition: MergedForm['fields'][string]['definition']) => ({
  key,
  definition,
  path: '',
  schema: {},
  sources: [],
  requiredBy: [],
});
const form: MergedForm = {
  schema: {},
  order: [],
  fields: {
    ids: field('ids', { type: 'array', label, items: { type: 'string', label, format: 'cn-id-card' } }),
    mobiles: field('mobiles', {
      type: 'array',
      label,
      items: { type: 'string', label, format: 'cn-mobile' },
    }),
    names: field('names', { type: 'array', label, items: { type: 'string', label, personal: 'name' } }),
  },
};

const idNumber = fc
  .tuple(
    fc.constantFrom('11', '35', '44', '65'),
    fc.stringMatching(/^\d{4}$/),
    fc.date({ min: new Date('1920-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([province, region, birth, sequence]) => {
    const first17 = province + region + birth.toISOString().slice(0, 10).replace(/-/g, '') + sequence;
    return first17 + idCardCheckChar(first17);
  });
const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
const name = fc
  .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 2, maxLength: 4 })
  .map((codes) => String.fromCharCode(...codes));

const inputsOf = (ids: string[], mobiles: string[], names: string[]): FlowInput[] => [
  { at: '2025-03-20T09:00:00+08:00', event: { type: 'submit', data: { ids, mobiles, names } } },
];

describe('tokenisePersonalData (properties)', () => {
  it('is injective and deterministic for a key, and keeps formats', () => {
    fc.assert(
      fc.property(
        fc.array(idNumber, { maxLength: 30 }),
        fc.array(mobile, { maxLength: 30 }),
        fc.array(name, { maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        (ids, mobiles, names, key) => {
          const first = tokenisePersonalData({ form }, inputsOf(ids, mobiles, names), key).table;
          // Same values in another order: the same table.
          const again = tokenisePersonalData(
            { form },
            inputsOf([...ids].reverse(), [...mobiles].reverse(), [...names].reverse()),
            key,
          ).table;
          expect([...again].sort()).toEqual([...first].sort());
          const tokens = [...first.values()];
          expect(new Set(tokens).size).toBe(tokens.length);
          for (const [original, token] of first) {
            expect(token).not.toBe(original);
            if (ids.includes(original)) {
              expect(isIdCard(token)).toBe(true);
              expect(token.slice(6, 14)).toBe(original.slice(6, 14));
              expect(Number(token[16]) % 2).toBe(Number(original[16]) % 2);
            } else if (mobiles.includes(original)) {
              expect(isMobile(token)).toBe(true);
            } else {
              expect(token).toMatch(new RegExp(`^[\\u4e00-\\u9fa5]{${original.length}}$`));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays injective when the format space is tiny (two-digit values)', () => {
    const tiny: MergedForm = {
      schema: {},
      order: [],
      fields: {
        codes: field('codes', { type: 'array', label, items: { type: 'string', label, personal: 'other' } }),
      },
    };
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[1-9]\d$/), { maxLength: 90 }), (codes) => {
        const table = tokenisePersonalData(
          { form: tiny },
          [{ at: 'x', event: { type: 'submit', data: { codes } } }],
          'k',
        ).table;
        const tokens = [...table.values()];
        expect(new Set(tokens).size).toBe(codes.length);
        for (const [original, token] of table) expect(token).not.toBe(original);
      }),
      { numRuns: 30 },
    );
  });
});
