import { describe, it, expect } from 'vitest';
import type { FieldDefinition } from '../bundle/types.js';
import { toCelContext } from './toCelContext.js';

const label = { 'zh-CN': '字段' };
const fields: Record<string, FieldDefinition> = {
  count: { type: 'integer', label },
  amount: { type: 'number', label },
  name: { type: 'string', label },
  flag: { type: 'boolean', label },
  codes: { type: 'array', label, items: { type: 'integer', label } },
  people: {
    type: 'array',
    label,
    items: {
      type: 'object',
      label,
      properties: { age: { type: 'integer', label }, share: { type: 'number', label } },
    },
  },
};

describe('toCelContext', () => {
  it('converts integers to BigInt recursively and keeps doubles', () => {
    const ctx = toCelContext(
      { count: 3, amount: 2, codes: [1, 2], people: [{ age: 30, share: 0.5, note: 'x' }] },
      fields,
      '2025-01-01',
    );
    expect(ctx.count).toBe(3n);
    expect(ctx.amount).toBe(2);
    expect(ctx.codes).toEqual([1n, 2n]);
    expect({ ...(ctx.people as Array<Record<string, unknown>>)[0] }).toEqual({
      age: 30n,
      share: 0.5,
      note: 'x',
    });
    expect(ctx.today).toBe('2025-01-01');
  });

  it('drops empty and mistyped values so rules see them as absent', () => {
    const ctx = toCelContext(
      { count: 1.5, amount: null, name: '', flag: 'yes', codes: [1, null, ''] },
      fields,
      '2025-01-01',
    );
    expect(Object.keys(ctx).sort()).toEqual(['codes', 'today']);
    expect(ctx.codes).toEqual([1n]);
  });

  it('converts only the keys asked for and ignores unknown ones', () => {
    const ctx = toCelContext({ count: 1, amount: 2, stray: 3 }, fields, '', ['amount', 'stray']);
    expect(Object.keys(ctx)).toEqual(['amount']);
  });

  it('never lets data reach Object.prototype', () => {
    const hostile = JSON.parse(
      '{"people":[{"__proto__":{"polluted":1},"age":1}],"__proto__":{"polluted":2}}',
    ) as Record<string, unknown>;
    const ctx = toCelContext(hostile, fields, '2025-01-01');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(ctx)).toBeNull();
    expect((ctx.people as Array<Record<string, unknown>>)[0]!.age).toBe(1n);
    expect('toString' in ctx).toBe(false);
  });
});
