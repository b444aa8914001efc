import { describe, expect, it } from 'vitest';
import { dateTimeValue, localDateTime } from './dateTimeValue.js';

describe('dateTimeValue', () => {
  it('turns local input into ISO with the +08:00 offset', () => {
    expect(dateTimeValue('2025-03-14T08:35')).toBe('2025-03-14T08:35:00+08:00');
    expect(dateTimeValue('2025-03-14T08:35:20')).toBe('2025-03-14T08:35:20+08:00');
    expect(dateTimeValue('')).toBeUndefined();
  });
});

describe('localDateTime', () => {
  it('shows a +08:00 value as it is and shifts other offsets to Beijing time', () => {
    expect(localDateTime('2025-03-14T08:35:00+08:00')).toBe('2025-03-14T08:35');
    expect(localDateTime('2025-03-14T20:10:00Z')).toBe('2025-03-15T04:10');
    expect(localDateTime('2025-03-14T08:35:00-05:00')).toBe('2025-03-14T21:35');
  });

  it('shows nothing for values that are not date-times', () => {
    expect(localDateTime(undefined)).toBe('');
    expect(localDateTime('yesterday')).toBe('');
    expect(localDateTime(12)).toBe('');
  });

  it('round-trips what the control reports', () => {
    expect(localDateTime(dateTimeValue('2024-02-29T23:59'))).toBe('2024-02-29T23:59');
  });
});
