import { describe, expect, it } from 'vitest';
import { fillPattern, unknownPlaceholders } from './fillPattern.js';

const values = { seq: 42, item: 'food', department: 'market', applicationId: 'a1' };

describe('fillPattern', () => {
  it('fills known placeholders and keeps unknown ones', () => {
    expect(fillPattern('JY{seq:6}-{seq}-{item}@{department}/{applicationId}', values)).toBe(
      'JY000042-42-food@market/a1',
    );
    expect(fillPattern('{seq:1}{nope}{}', values)).toBe('42{nope}{}');
    expect(unknownPlaceholders('{seq:6}{nope}{item}{seq:x}')).toEqual(['{nope}', '{seq:x}']);
  });
});
