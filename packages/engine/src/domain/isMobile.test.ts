import { describe, it, expect } from 'vitest';
import { isMobile } from './isMobile.js';

describe('isMobile', () => {
  it('accepts 11-digit numbers starting 13–19', () => {
    expect(isMobile('13800138000')).toBe(true);
    expect(isMobile('19912345678')).toBe(true);
  });

  it('rejects other shapes', () => {
    for (const bad of ['12800138000', '1380013800', '138001380001', '+8613800138000', '138 0013 8000', '']) {
      expect(isMobile(bad)).toBe(false);
    }
  });
});
