import { describe, expect, it } from 'vitest';
import {
  FlowDriver,
  deepFreeze,
  jsonCopy,
  miniData,
  miniFlow,
  miniMaterials,
  newbornFlow,
  newbornMaterials,
  newbornSubmitData,
} from '../../test/fixtures/flowFixture.js';
import type { FlowInput } from './types.js';

const transient = { status: 'failed', transient: true, message: '网关超时' } as const;

function miniSubmitted(options: Parameters<typeof miniFlow>[1] = {}): FlowDriver {
  const d = new FlowDriver(miniFlow(undefined, options));
  d.send({ type: 'submit', data: miniData(), materials: miniMaterials() });
  expect(d.codes()).toEqual([]);
  return d;
}

const ms = (instant: string) => Date.parse(instant);

describe('decideInput: department calls and retries', () => {
  it('retries a transient failure with growing backoff, then fails after maxAttempts; the other items go on', () => {
    const d = miniSubmitted(); // default policy: 5 attempts, 60 s base, 1 h cap
    const keys = new Set<string>();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const call = d.pendingDispatches('birthCert')[0]!;
      expect(call.attempt).toBe(attempt);
      keys.add(call.idempotencyKey);
      d.answer('birthCert', transient);
      expect(d.status('birthCert')).toBe('retryWait');
      expect(d.state.items.birthCert!.reasons).toEqual([{ 'zh-CN': '网关超时', en: '网关超时' }]);
      const timer = d.timer('retry:birthCert');
      expect(timer).toMatchObject({ purpose: 'retry', item: 'birthCert' });
      expect(d.lastOf('setTimer')).toEqual([{ type: 'setTimer', timer }]);
      const delay = ms(timer.at) - ms(d.at);
      // Equal jitter: between half and all of base · 2^(attempt-1) (whole seconds in the instant).
      expect(delay).toBeGreaterThanOrEqual(60_000 * 2 ** (attempt - 1) * 0.5 - 1000);
      expect(delay).toBeLessThanOrEqual(60_000 * 2 ** (attempt - 1));
      delays.push(delay);
      // Too early: refused, nothing changes.
      const waiting = d.state;
      d.send({ type: 'timer', id: timer.id }, new Date(ms(timer.at) - 1000).toISOString());
      expect(d.codes()).toEqual(['FLOW_TIMER_EARLY']);
      expect(d.state).toBe(waiting);
      d.fire(timer.id);
      expect(d.status('birthCert')).toBe('dispatching');
      expect(d.state.timers[timer.id]).toBeUndefined();
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    const fifth = d.pendingDispatches('birthCert')[0]!;
    expect(fifth.attempt).toBe(5);
    d.answer('birthCert', transient);
    expect(d.status('birthCert')).toBe('failed');
    expect(d.state.timers['retry:birthCert']).toBeUndefined();
    expect(d.notices('itemStatus')).toEqual([
      { kind: 'itemStatus', item: 'birthCert', from: 'dispatching', to: 'failed' },
    ]);
    expect(d.status('birthReg')).toBe('waiting');
    expect(d.state.status).toBe('inProgress');

    // An operator retries: a new submission round, with the SAME idempotency key.
    d.send({ type: 'operatorRetry', item: 'birthCert' });
    const retried = d.lastOf('dispatch');
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ item: 'birthCert', attempt: 1, idempotencyKey: fifth.idempotencyKey });
    keys.add(retried[0]!.idempotencyKey);
    expect(keys).toEqual(new Set(['A1:birthCert']));
    expect(d.status('birthCert')).toBe('dispatching');
  });

  it('honours retry options and caps the backoff', () => {
    const d = miniSubmitted({ retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1500 } });
    d.answer('birthCert', transient);
    d.fire('retry:birthCert');
    d.answer('birthCert', transient);
    const delay = ms(d.timer('retry:birthCert').at) - ms(d.at);
    expect(delay).toBeLessThanOrEqual(1500);
    d.fire('retry:birthCert');
    d.answer('birthCert', transient);
    expect(d.status('birthCert')).toBe('failed');
  });

  it('a permanent failure fails at once, without a retry', () => {
    const d = miniSubmitted();
    d.answer('birthCert', { status: 'failed', transient: false, message: '接口参数错误' });
    expect(d.status('birthCert')).toBe('failed');
    expect(d.state.items.birthCert!.attempts).toBe(1);
    expect(Object.keys(d.state.timers)).toEqual([]);
    expect(d.state.items.birthCert!.reasons![0]!['zh-CN']).toBe('接口参数错误');
  });

  it('operatorRetry is only allowed on a failed item', () => {
    const d = miniSubmitted();
    const before = d.state;
    d.send({ type: 'operatorRetry', item: 'birthCert' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
    d.send({ type: 'operatorRetry', item: 'nope' });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_ITEM']);
  });

  it('ignores unknown call ids, answers for another item and late (repeated) answers', () => {
    const d = miniSubmitted();
    const call = d.pendingDispatches('birthCert')[0]!;
    const before = d.state;
    d.send({
      type: 'adapterResult',
      item: 'birthCert',
      callId: 'A1#999',
      result: { status: 'accepted', receiptNo: 'R' },
    });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_CALL']);
    expect(d.state).toBe(before);
    d.send({
      type: 'adapterResult',
      item: 'birthReg',
      callId: call.callId,
      result: { status: 'accepted', receiptNo: 'R' },
    });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_CALL']);
    expect(d.state).toBe(before);
    d.accept('birthCert');
    const accepted = d.state;
    d.send({
      type: 'adapterResult',
      item: 'birthCert',
      callId: call.callId,
      result: { status: 'refused', reasons: [{ 'zh-CN': 'x' }] },
    });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_CALL']);
    expect(d.state).toBe(accepted);
    expect(d.status('birthCert')).toBe('inReview');
  });

  // Regression (ok answer to a dispatch): the pending dispatch used to be deleted before the result
  // was looked at, leaving the item in `dispatching` with no call in flight and no retry timer.
  it('an `ok` answer to a submission is ignored and the call stays pending', () => {
    const d = miniSubmitted();
    const call = d.pendingDispatches('birthCert')[0]!;
    d.send({ type: 'adapterResult', item: 'birthCert', callId: call.callId, result: { status: 'ok' } });
    expect(d.codes()).toEqual(['FLOW_BAD_INPUT']);
    expect(d.state.pending[call.callId]).toEqual(call);
    expect(d.last.effects).toEqual([]);
    d.accept('birthCert');
    expect(d.status('birthCert')).toBe('inReview');
  });
});

describe('decideInput: department updates', () => {
  it('applies an event id once (FLOW_DUPLICATE_UPDATE), whatever the update says the second time', () => {
    const d = miniSubmitted();
    d.accept('birthCert');
    d.send({ type: 'departmentUpdate', item: 'birthCert', eventId: 'dup-1', update: { status: 'approved' } });
    expect(d.status('birthCert')).toBe('approved');
    expect(d.state.seen).toEqual(['dup-1']);
    const before = d.state;
    d.send({
      type: 'departmentUpdate',
      item: 'birthCert',
      eventId: 'dup-1',
      update: { status: 'denied', reasons: [{ 'zh-CN': 'x' }] },
    });
    expect(d.codes()).toEqual(['FLOW_DUPLICATE_UPDATE']);
    expect(d.state).toBe(before);
    expect(d.last.effects).toEqual([]);
  });

  it('refuses updates the item cannot take in its status', () => {
    const d = miniSubmitted();
    const before = d.state;
    d.update('birthCert', { status: 'issued' }); // still dispatching
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
    d.update('birthReg', { status: 'inReview' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    d.update('nope', { status: 'inReview' });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_ITEM']);
    d.accept('birthCert');
    const reviewing = d.state;
    d.update('birthCert', { status: 'inReview' }); // a repeated "still in review" is fine
    expect(d.codes()).toEqual([]);
    expect(d.status('birthCert')).toBe('inReview');
    expect(d.state.seen.length).toBe(reviewing.seen.length + 1);
  });
});

describe('decideInput: time', () => {
  it('a clock going backwards is reported; the event still applies and updatedAt never decreases', () => {
    const d = miniSubmitted();
    const last = d.state.updatedAt;
    d.tick('2025-03-20T08:00:00+08:00');
    const call = d.pendingDispatches('birthCert')[0]!;
    d.send(
      {
        type: 'adapterResult',
        item: 'birthCert',
        callId: call.callId,
        result: { status: 'accepted', receiptNo: 'R1' },
      },
      '2025-03-20T08:00:00+08:00',
    );
    expect(d.codes()).toEqual(['FLOW_CLOCK_BACKWARDS']);
    expect(d.status('birthCert')).toBe('inReview');
    expect(d.state.updatedAt).toBe(last);
    expect(d.state.items.birthCert!.since).toBe(last);
    expect(d.state.items.birthCert!.clock?.acceptedOn).toBe('2025-03-20');
  });

  it('accepts instants in any offset and compares them as instants', () => {
    const d = miniSubmitted();
    const last = d.state.updatedAt; // 09:01 +08:00 = 01:01Z
    d.send({ type: 'operatorRetry', item: 'birthReg' }, '2025-03-20T01:30:00Z');
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']); // not backwards: 01:30Z is later
    expect(d.state.updatedAt).toBe(last); // nothing changed, the input state is returned as is
  });

  it.each(['constructor', 'toString', '__proto__'])('reports call id %s as unknown', (callId) => {
    const d = miniSubmitted();
    const before = d.state;
    d.send({ type: 'adapterResult', item: 'birthCert', callId, result: { status: 'ok' } });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_CALL']);
    expect(d.state).toBe(before);
  });

  it('reports an unknown timer', () => {
    const d = miniSubmitted();
    const before = d.state;
    d.send({ type: 'timer', id: 'retry:birthCert' });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_TIMER']);
    expect(d.state).toBe(before);
  });

  // Regression (ids looked up on the prototype): `timers['constructor']` used to find
  // Object.prototype's member and treat it as a due timer without item.
  it.each(['constructor', 'toString', '__proto__'])('reports timer id %s as unknown', (id) => {
    const d = miniSubmitted();
    const before = d.state;
    d.send({ type: 'timer', id });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_TIMER']);
    expect(d.state).toBe(before);
  });
});

describe('decideInput: bad input never throws', () => {
  const at = '2025-03-20T10:00:00+08:00';
  const bad: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'submit'],
    ['no at', { event: { type: 'withdraw' } }],
    ['at without offset', { at: '2025-03-20T10:00:00', event: { type: 'withdraw' } }],
    ['at not a date', { at: 'yesterday', event: { type: 'withdraw' } }],
    ['event null', { at, event: null }],
    ['event without type', { at, event: {} }],
    ['unknown event', { at, event: { type: 'explode' } }],
    ['submit without data', { at, event: { type: 'submit' } }],
    ['submit with array data', { at, event: { type: 'submit', data: [] } }],
    ['submit with materials list', { at, event: { type: 'submit', data: {}, materials: [] } }],
    ['withdraw with reason 1', { at, event: { type: 'withdraw', reason: 1 } }],
    ['supply without material', { at, event: { type: 'supply' } }],
    ['answerCorrection without item', { at, event: { type: 'answerCorrection' } }],
    [
      'adapterResult without callId',
      { at, event: { type: 'adapterResult', item: 'birthCert', result: { status: 'ok' } } },
    ],
    [
      'adapterResult bad status',
      {
        at,
        event: { type: 'adapterResult', item: 'birthCert', callId: 'A1#1', result: { status: 'maybe' } },
      },
    ],
    [
      'accepted without receipt',
      {
        at,
        event: { type: 'adapterResult', item: 'birthCert', callId: 'A1#1', result: { status: 'accepted' } },
      },
    ],
    [
      'refused without reasons',
      {
        at,
        event: { type: 'adapterResult', item: 'birthCert', callId: 'A1#1', result: { status: 'refused' } },
      },
    ],
    [
      'failed without transient',
      {
        at,
        event: {
          type: 'adapterResult',
          item: 'birthCert',
          callId: 'A1#1',
          result: { status: 'failed', message: 'x' },
        },
      },
    ],
    [
      'update without eventId',
      { at, event: { type: 'departmentUpdate', item: 'birthCert', update: { status: 'approved' } } },
    ],
    [
      'update unknown status',
      {
        at,
        event: { type: 'departmentUpdate', item: 'birthCert', eventId: 'e', update: { status: 'lost' } },
      },
    ],
    [
      'denied without reasons',
      {
        at,
        event: { type: 'departmentUpdate', item: 'birthCert', eventId: 'e', update: { status: 'denied' } },
      },
    ],
    [
      'issued with licence no 1',
      {
        at,
        event: {
          type: 'departmentUpdate',
          item: 'birthCert',
          eventId: 'e',
          update: { status: 'issued', licence: { no: 1 } },
        },
      },
    ],
    [
      'specialStep without step',
      {
        at,
        event: {
          type: 'departmentUpdate',
          item: 'birthCert',
          eventId: 'e',
          update: { status: 'specialStep' },
        },
      },
    ],
    [
      'verification result maybe',
      { at, event: { type: 'verificationResult', item: 'birthReg', material: 'm', result: 'maybe' } },
    ],
    ['timer without id', { at, event: { type: 'timer' } }],
    ['timer with empty id', { at, event: { type: 'timer', id: '' } }],
    ['operatorRetry without item', { at, event: { type: 'operatorRetry' } }],
  ];
  it.each(bad)('%s → FLOW_BAD_INPUT, state as is, no effects', (_name, input) => {
    const d = miniSubmitted();
    const state = deepFreeze(d.state);
    let decision: ReturnType<typeof d.flow.decide> | undefined;
    expect(() => (decision = d.flow.decide(state, input as FlowInput))).not.toThrow();
    expect(decision!.diagnostics.map((x) => x.code)).toEqual(['FLOW_BAD_INPUT']);
    expect(decision!.diagnostics[0]!.params.detail).toEqual(expect.any(String));
    expect(decision!.state).toBe(state);
    expect(decision!.effects).toEqual([]);
  });

  it('odd but well-shaped submissions are refused as data, never thrown', () => {
    const d = new FlowDriver(newbornFlow());
    const odd = [
      { type: 'submit', data: { babyName: { nested: true }, childOrder: 'x' }, materials: {} },
      { type: 'submit', data: newbornSubmitData(), materials: { m_parentIds: null, m_hukouBook: 5 } },
      { type: 'submit', data: newbornSubmitData(), materials: { m_parentIds: { kind: 'teleported' } } },
      { type: 'precheck', data: { unknownField: 1 } },
    ];
    for (const event of odd) {
      expect(() => d.send(event as never)).not.toThrow();
      expect(d.state.status).toBe('draft');
      expect(d.codes().length).toBeGreaterThan(0);
    }
  });
});

describe('decideInput: purity', () => {
  it('never mutates a deep-frozen input state and gives the same answer twice', () => {
    const d = new FlowDriver(newbornFlow()); // FlowDriver deep-freezes every state it decides on
    d.send({ type: 'submit', data: newbornSubmitData(), materials: newbornMaterials() });
    const frozen = d.state;
    const copy = jsonCopy(frozen);
    const input: FlowInput = {
      at: '2025-03-20T09:05:00+08:00',
      event: {
        type: 'adapterResult',
        item: 'birthCert',
        callId: d.pendingDispatches('birthCert')[0]!.callId,
        result: transient,
      },
    };
    const a = d.flow.decide(frozen, input);
    const b = d.flow.decide(frozen, input);
    expect(frozen).toEqual(copy);
    expect(a).toEqual(b);
    expect(a.state).not.toBe(frozen);
    // A state restored from JSON decides exactly like the original.
    expect(d.flow.decide(copy, input)).toEqual(a);
  });
});
