import { describe, expect, it } from 'vitest';
import { canonicalJson, stableHash } from './stableHash.js';

describe('stableHash', () => {
  it('is 16 hex digits and ignores key order', () => {
    const a = stableHash({ b: 1, a: [1, { d: 2, c: 3 }] });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash({ a: [1, { c: 3, d: 2 }], b: 1 })).toBe(a);
  });

  it('tells apart values that differ anywhere, including array order and types', () => {
    const values = [
      { a: 1 },
      { a: '1' },
      { a: [1, 2] },
      { a: [2, 1] },
      { a: null },
      {},
      [],
      '',
      0,
      null,
      '出生医学证明',
    ];
    expect(new Set(values.map(stableHash)).size).toBe(values.length);
  });

  it('canonicalises scalars as JSON, and undefined as null', () => {
    expect(canonicalJson('a')).toBe('"a"');
    expect(stableHash(undefined)).toBe(stableHash(null)); // both canonicalise to "null"
  });

  it('leaves out undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(stableHash({ a: undefined, b: 1 })).toBe(stableHash({ b: 1 }));
  });
});
