import { describe, expect, it } from 'vitest';
import { chinaToday } from './chinaToday.js';
import { safeHttpUrl } from './safeHttpUrl.js';

describe('safeHttpUrl', () => {
  it('keeps absolute http(s) URLs, normalised', () => {
    expect(safeHttpUrl('https://zz.example.gov.cn/l/1')).toBe('https://zz.example.gov.cn/l/1');
    expect(safeHttpUrl('  HTTP://Example.com/a b')).toBe('http://example.com/a%20b');
  });

  it('refuses other schemes, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(safeHttpUrl(url)).toBeUndefined();
      expect(safeHttpUrl(url, 'https://portal.example/')).toBeUndefined();
    }
    expect(safeHttpUrl(undefined)).toBeUndefined();
    expect(safeHttpUrl(42)).toBeUndefined();
  });

  it('resolves relative URLs against a base, and refuses them without one', () => {
    expect(safeHttpUrl('/l/1', 'https://portal.example/status/')).toBe('https://portal.example/l/1');
    expect(safeHttpUrl('/l/1')).toBeUndefined();
  });
});

describe('chinaToday', () => {
  it('is the date in China Standard Time', () => {
    expect(chinaToday(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(chinaToday(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });
});
