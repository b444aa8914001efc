import { describe, expect, it } from 'vitest';
import type { Bundle } from '@onething/engine/runtime';
import { supplyDays } from './supplyDays.js';

const bundle = (supplyWithinDays: number | undefined, limits: number[]) =>
  ({
    items: limits.map((promisedLimitDays, i) => ({ id: `i${i}`, promisedLimitDays })),
    materials: { m: { name: { 'zh-CN': 'm' }, acceptMissing: { supplyWithinDays } } },
  }) as unknown as Bundle;

describe('supplyDays (as the flow runtime reckons the 容缺 deadline)', () => {
  it('uses the material’s own deadline, capped by each item’s promised limit', () => {
    expect(supplyDays(bundle(3, [5]), 'm', ['i0'])).toBe(3);
    expect(supplyDays(bundle(8, [5]), 'm', ['i0'])).toBe(5);
    expect(supplyDays(bundle(8, [5, 2]), 'm', ['i0', 'i1'])).toBe(2);
  });

  it('falls back to the promised limit, and to one day for an item done on the spot', () => {
    expect(supplyDays(bundle(undefined, [10]), 'm', ['i0'])).toBe(10);
    expect(supplyDays(bundle(undefined, [0]), 'm', ['i0'])).toBe(1);
    expect(supplyDays(bundle(4, [0]), 'm', ['i0'])).toBe(4);
  });
});
