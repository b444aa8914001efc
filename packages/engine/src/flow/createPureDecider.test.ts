import { describe, expect, it } from 'vitest';
import { createItemMachine, ITEM_ACTIONS, type ItemMachineEvent } from './createItemMachine.js';
import { createPureDecider } from './createPureDecider.js';
import type { ItemStatus } from './types.js';

const full = createPureDecider<ItemStatus, ItemMachineEvent>(
  createItemMachine({ acceptMissing: true, commitment: true }),
);
const plain = createPureDecider<ItemStatus, ItemMachineEvent>(
  createItemMachine({ acceptMissing: false, commitment: false }),
);

describe('createPureDecider over the item machine', () => {
  it('returns the next status and the named actions, without executing anything', () => {
    expect(full.initial).toBe('waiting');
    expect(full.step('waiting', { type: 'ready' })).toEqual({ value: 'dispatching', actions: ['dispatch'] });
    expect(full.step('dispatching', { type: 'failed', canRetry: true })).toEqual({
      value: 'retryWait',
      actions: ['scheduleRetry'],
    });
    expect(full.step('dispatching', { type: 'failed', canRetry: false })).toEqual({
      value: 'failed',
      actions: ['markFailed'],
    });
    expect(full.step('inReview', { type: 'withdraw', dispatched: true })).toEqual({
      value: 'withdrawn',
      actions: ['sendWithdraw', 'stopClock', 'cancelTimers'],
    });
  });

  it('returns undefined for an event the status does not accept, or a failing guard', () => {
    expect(full.step('waiting', { type: 'accepted' })).toBeUndefined();
    expect(full.step('inReview', { type: 'issued', outstanding: 1 })).toBeUndefined();
    expect(full.step('refused', { type: 'withdraw', dispatched: true })).toBeUndefined();
    expect(full.step('issued', { type: 'withdraw', dispatched: true })).toBeUndefined();
  });

  it('generates 容缺 and 告知承诺 transitions only for items whose materials allow them', () => {
    expect(full.step('inReview', { type: 'supplyDue', outstanding: 1 })?.value).toBe('suspended');
    expect(plain.step('inReview', { type: 'supplyDue', outstanding: 1 })).toBeUndefined();
    expect(full.step('issued', { type: 'breached' })).toEqual({
      value: 'revoked',
      actions: ['revoke', 'cancelTimers'],
    });
    expect(plain.step('issued', { type: 'breached' })).toBeUndefined();
  });

  it('is repeatable: the same step twice gives equal answers', () => {
    const a = full.step('suspended', { type: 'supplied', outstanding: 0, resumeTo: 'approved' });
    expect(a).toEqual({ value: 'approved', actions: ['resume'] });
    expect(full.step('suspended', { type: 'supplied', outstanding: 0, resumeTo: 'approved' })).toEqual(a);
  });

  it('only names actions the decider knows', () => {
    const known = new Set<string>(ITEM_ACTIONS);
    const statuses: ItemStatus[] = [
      'waiting',
      'dispatching',
      'retryWait',
      'failed',
      'inReview',
      'correction',
      'approved',
      'suspended',
      'issued',
    ];
    const events: ItemMachineEvent[] = [
      { type: 'skip' },
      { type: 'ready' },
      { type: 'block' },
      { type: 'accepted' },
      { type: 'refused' },
      { type: 'failed', canRetry: true },
      { type: 'retryDue' },
      { type: 'operatorRetry' },
      { type: 'correctionRequested' },
      { type: 'answered' },
      { type: 'approved' },
      { type: 'denied' },
      { type: 'issued', outstanding: 0 },
      { type: 'supplyDue', outstanding: 1 },
      { type: 'supplied', outstanding: 0, resumeTo: 'correction' },
      { type: 'graceDue' },
      { type: 'breached' },
      { type: 'withdraw', dispatched: false },
    ];
    for (const s of statuses)
      for (const e of events) for (const a of full.step(s, e)?.actions ?? []) expect(known.has(a)).toBe(true);
  });
});
