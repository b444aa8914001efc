import { describe, expect, it } from 'vitest';
import { isUnsafePattern } from './isUnsafePattern.js';

describe('isUnsafePattern', () => {
  it.each([
    '^(a+)+$',
    '^(a*)*$',
    '(a?)+',
    '^(a|aa)+$',
    '^(\\w|a)+$',
    '^((ab)?c)+$',
    '^(?:a+b)*$',
    '^(.*a){12}$',
    '^(a{1,3}){2,}$',
    '^((a)+)+$',
  ])('flags the ReDoS shape %s', (pattern) => {
    expect(isUnsafePattern(pattern)).toBe(true);
  });

  it.each([
    '^\\d{17}[\\dX]$',
    '^[A-Z]{1,2}\\d{6}-\\d{4}-\\d{6}$',
    '^[\\u4e00-\\u9fa5·]{1,50}$',
    '^(\\d{3}){2}$',
    '^(?:\\+86)?1\\d{10}$',
    '^(\\d{3}-)?\\d{4}$',
    '^[(a+)+]$',
    '^\\(a+\\)+$',
    '^(ab)+$',
    '^(a|b)?c$',
  ])('accepts %s', (pattern) => {
    expect(isUnsafePattern(pattern)).toBe(false);
  });
});
