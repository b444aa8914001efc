import { describe, expect, it } from 'vitest';
import { cstDate, endOfDate, formatInstant, parseInstant } from './instants.js';

describe('instants', () => {
  it('parses ISO instants with an offset only', () => {
    expect(parseInstant('2025-03-20T09:00:00+08:00')).toBe(Date.parse('2025-03-20T01:00:00Z'));
    expect(parseInstant('2025-03-20T01:00Z')).toBe(Date.parse('2025-03-20T01:00:00Z'));
    expect(parseInstant('2025-03-20T01:00:00.123456789Z')).toBeDefined();
    for (const bad of [
      '2025-03-20T09:00:00',
      '2025-03-20',
      'soon',
      '',
      5,
      null,
      undefined,
      '2025-13-40T99:00:00Z',
    ]) {
      expect(parseInstant(bad)).toBeUndefined();
    }
  });

  it('formats and dates instants in China Standard Time whatever the offset of the input', () => {
    const ms = Date.parse('2025-03-19T16:30:00Z'); // 00:30 on the 20th in Beijing
    expect(formatInstant(ms)).toBe('2025-03-20T00:30:00+08:00');
    expect(cstDate(ms)).toBe('2025-03-20');
    expect(parseInstant(formatInstant(ms))).toBe(ms);
  });

  it('a date ends at the next midnight in Beijing', () => {
    expect(formatInstant(endOfDate('2025-09-30'))).toBe('2025-10-01T00:00:00+08:00');
    expect(cstDate(endOfDate('2025-12-31') - 1)).toBe('2025-12-31');
  });
});
