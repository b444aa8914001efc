import { describe, expect, it } from 'vitest';
import { miniFlow } from '../../test/fixtures/flowFixture.js';
import { createMemoryStore } from './createMemoryStore.js';
import type { FlowRecord } from './types.js';

const flow = miniFlow();
const record = (revision: number, at = '2025-03-20T09:00:00+08:00'): FlowRecord => ({
  revision,
  state: flow.start({ applicationId: 'A1', at }),
});

describe('createMemoryStore', () => {
  it('saves JSON copies: neither the saved nor the loaded object is shared', async () => {
    const store = createMemoryStore();
    const saved = record(1);
    expect(await store.save('A1', saved)).toBe(true);
    saved.state.status = 'withdrawn';
    const loaded = (await store.load('A1'))!;
    expect(loaded.state.status).toBe('draft');
    loaded.state.status = 'completed';
    loaded.state.items.birthCert!.status = 'issued';
    const again = (await store.load('A1'))!;
    expect(again.state.status).toBe('draft');
    expect(again.state.items.birthCert!.status).not.toBe('issued');
    expect(again).not.toBe(loaded);
    expect(again).toEqual(record(1));
  });

  it('keeps what survives JSON, as a durable store would', async () => {
    const store = createMemoryStore();
    const odd = record(1);
    (odd.state as unknown as Record<string, unknown>).extra = undefined;
    odd.state.data = { when: new Date(0) as unknown, n: Number.NaN };
    await store.save('A1', odd);
    const loaded = (await store.load('A1'))!;
    expect('extra' in loaded.state).toBe(false);
    expect(loaded.state.data).toEqual({ when: '1970-01-01T00:00:00.000Z', n: null });
  });

  it('accepts only the next revision', async () => {
    const store = createMemoryStore();
    expect(await store.save('A1', record(2))).toBe(false); // the first must be revision 1
    expect(await store.save('A1', record(0))).toBe(false);
    expect(await store.save('A1', record(1))).toBe(true);
    expect(await store.save('A1', record(1, '2025-03-20T10:00:00+08:00'))).toBe(false);
    expect(await store.save('A1', record(3))).toBe(false);
    expect((await store.load('A1'))!.state.createdAt).toBe('2025-03-20T09:00:00+08:00');
    expect(await store.save('A1', record(2, '2025-03-20T11:00:00+08:00'))).toBe(true);
    expect(await store.load('A1')).toMatchObject({
      revision: 2,
      state: { createdAt: '2025-03-20T11:00:00+08:00' },
    });
  });

  it('keeps applications apart, lists them and measures them in UTF-8 bytes', async () => {
    const store = createMemoryStore();
    expect(await store.load('A1')).toBeUndefined();
    expect(await store.list()).toEqual([]);
    expect(store.sizeOf('A1')).toBe(0);
    const named = record(1);
    named.state.data = { babyName: '林语桐', emoji: '👶' };
    await store.save('A1', named);
    await store.save('A2', record(1));
    expect(await store.save('A2', record(2))).toBe(true);
    expect(await store.list()).toEqual(['A1', 'A2']);
    expect((await store.load('A1'))!.revision).toBe(1);
    const json = JSON.stringify(await store.load('A1'));
    expect(store.sizeOf('A1')).toBe(Buffer.byteLength(json, 'utf8'));
    expect(store.sizeOf('A1')).toBe(json.length + 3 * 2 + 2); // a Han character is 3 bytes (1 unit), 👶 4 bytes (2 units)
  });
});
