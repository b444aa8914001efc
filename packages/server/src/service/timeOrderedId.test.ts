import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './timeOrderedId.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('makes RFC 9562 version 7 UUIDs carrying the millisecond', () => {
    const id = timeOrderedId(Date.UTC(2026, 10, 27, 12, 0, 0, 123));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 27, 12, 0, 0, 123));
  });

  it('sorts by time and does not repeat', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => timeOrderedId(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 10; i < ids.length; i += 10) expect(ids[i - 1]! < ids[i]!).toBe(true);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(UUID_V7);
  });
});
