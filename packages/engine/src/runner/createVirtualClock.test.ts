import { describe, expect, it } from 'vitest';
import { OnethingError } from '../diagnostics/OnethingError.js';
import { createVirtualClock } from './createVirtualClock.js';

describe('createVirtualClock', () => {
  it('starts at an ISO instant and moves only when told', () => {
    const clock = createVirtualClock('2025-03-17T09:00:00+08:00');
    const start = Date.parse('2025-03-17T01:00:00Z');
    expect(clock.now()).toBe(start);
    expect(clock.now()).toBe(start);
    clock.advance(60_000);
    expect(clock.now()).toBe(start + 60_000);
    clock.set(start - 1);
    expect(clock.now()).toBe(start - 1); // backwards, when a test says so
    clock.advance(-1);
    expect(clock.now()).toBe(start - 2);
  });

  it.each([
    ['not a date', 'yesterday'],
    ['an empty string', ''],
    ['no offset', '2025-03-17T09:00:00'],
    ['a date only', '2025-03-17'],
    ['an impossible date', '2025-13-40T09:00:00+08:00'],
    ['a number', 1742173200000 as unknown as string],
  ])('rejects a start that is %s', (_, start) => {
    let thrown: unknown;
    try {
      createVirtualClock(start);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OnethingError);
    expect(thrown).toMatchObject({ code: 'FLOW_BAD_INPUT' });
    expect((thrown as Error).message).toContain('ISO instant with an offset');
  });
});
