import { describe, expect, it } from 'vitest';
import { numberValue } from './numberValue.js';

describe('numberValue', () => {
  it('reports numbers as numbers and empty input as undefined', () => {
    expect(numberValue('')).toBeUndefined();
    expect(numberValue('  ')).toBeUndefined();
    expect(numberValue('3200')).toBe(3200);
    expect(numberValue(' 49.5 ')).toBe(49.5);
    expect(numberValue('-2')).toBe(-2);
    expect(numberValue('1.')).toBe(1);
    expect(Number.isInteger(numberValue('12'))).toBe(true);
  });

  it('passes text that is not a plain decimal on as typed, for the engine to report', () => {
    expect(numberValue('abc')).toBe('abc');
    expect(numberValue('0x10')).toBe('0x10');
    expect(numberValue('1e999')).toBe('1e999');
  });
});
