import { describe, expect, it } from 'vitest';
import { createAdmission } from './createAdmission.js';

describe('createAdmission', () => {
  it('runs up to `concurrency`, queues up to `queue` in order, refuses the rest at once', async () => {
    const gate = createAdmission({ concurrency: 2, queue: 2 });
    const a = await gate.enter();
    const b = await gate.enter();
    expect(a && b).toBeTypeOf('function');
    const order: string[] = [];
    const c = gate.enter().then((r) => (order.push('c'), r));
    const d = gate.enter().then((r) => (order.push('d'), r));
    expect(await gate.enter()).toBeUndefined(); // two running, two waiting: refused without waiting
    expect([gate.running, gate.waiting]).toEqual([2, 2]);
    a!();
    a!(); // a second release of the same slot changes nothing
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect([gate.running, gate.waiting]).toEqual([2, 1]);
    b!();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC!();
    releaseD!();
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
    expect(await gate.enter()).toBeTypeOf('function');
  });
});
