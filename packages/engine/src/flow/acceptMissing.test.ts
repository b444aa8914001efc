import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/createWorkCalendar.js';
import {
  FlowDriver,
  NEWBORN_OUTPUTS,
  SIGNED,
  newbornFlow,
  newbornMaterials,
  newbornSubmitData,
} from '../../test/fixtures/flowFixture.js';

/** 容缺受理 of the household register (m_hukouBook: supply within 3 working days; grace 15). */
const calendar = createWorkCalendar();

function deferredHukou(): FlowDriver {
  const d = new FlowDriver(newbornFlow()); // Thu 2025-03-20
  d.send({
    type: 'submit',
    data: newbornSubmitData(),
    materials: newbornMaterials({ m_hukouBook: { kind: 'deferred', ...SIGNED } }),
  });
  expect(d.codes()).toEqual([]);
  expect(d.state.items.birthReg!.outstanding).toEqual(['m_hukouBook']);
  expect(d.state.items.birthReg!.sources).toContainEqual({ material: 'm_hukouBook', source: 'deferred' });
  d.accept('birthCert');
  d.issue('birthCert', NEWBORN_OUTPUTS.birthCert);
  const dispatch = d.lastOf('dispatch').find((e) => e.item === 'birthReg')!;
  expect(dispatch.materials).toContainEqual({ material: 'm_hukouBook', source: 'deferred' });
  d.accept('birthReg');
  expect(d.status('birthReg')).toBe('inReview');
  return d;
}

describe('容缺受理 (accept with missing materials)', () => {
  it('sets a supply deadline on acceptance', () => {
    const d = deferredHukou();
    const item = d.state.items.birthReg!;
    expect(item.supplyDue).toBe('2025-03-25');
    expect(item.supplyDue).toBe(calendar.addWorkingDays('2025-03-20', 3));
    expect(d.timer('supplyDue:birthReg')).toMatchObject({
      at: '2025-03-26T00:00:00+08:00',
      purpose: 'supplyDue',
    });
  });

  it('withholds the licence while a material is outstanding; supply sends a supplement, then issue works', () => {
    const d = deferredHukou();
    d.update('birthReg', { status: 'approved' });
    expect(d.status('birthReg')).toBe('approved');
    d.send({
      type: 'departmentUpdate',
      item: 'birthReg',
      eventId: 'issue-1',
      update: { status: 'issued', licence: { no: 'L1' } },
    });
    expect(d.codes()).toEqual(['FLOW_ISSUE_WITHHELD']);
    expect(d.last.diagnostics[0]!.params).toMatchObject({ item: 'birthReg', materials: ['m_hukouBook'] });
    expect(d.status('birthReg')).toBe('approved');
    expect(d.state.items.birthReg!.licence).toBeUndefined();
    expect(d.state.status).toBe('inProgress');

    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.codes()).toEqual([]);
    const supplement = d.lastOf('supplement');
    expect(supplement).toEqual([
      expect.objectContaining({ item: 'birthReg', department: 'police', materials: ['m_hukouBook'] }),
    ]);
    expect(d.state.pending[supplement[0]!.callId]).toEqual(supplement[0]);
    const item = d.state.items.birthReg!;
    expect(item.outstanding).toEqual([]);
    expect(item.supplyDue).toBeUndefined();
    expect(item.sources).toContainEqual({ material: 'm_hukouBook', source: 'deferred', suppliedAt: d.at });
    expect(d.state.materials.m_hukouBook).toEqual({ kind: 'provided' });
    expect(d.lastOf('cancelTimer')).toEqual([{ type: 'cancelTimer', id: 'supplyDue:birthReg' }]);

    // The withheld event was not remembered: delivered again once supplied, it is applied.
    d.send({
      type: 'departmentUpdate',
      item: 'birthReg',
      eventId: 'issue-1',
      update: { status: 'issued', licence: { no: 'L1' }, outputs: NEWBORN_OUTPUTS.birthReg },
    });
    expect(d.codes()).toEqual([]);
    expect(d.status('birthReg')).toBe('issued');
    expect(d.lastOf('dispatch').map((e) => e.item)).toEqual(['medInsReg']);

    // The supplement's answer clears the call; supplying again is not allowed.
    d.send({
      type: 'adapterResult',
      item: 'birthReg',
      callId: supplement[0]!.callId,
      result: { status: 'ok' },
    });
    expect(d.state.pending[supplement[0]!.callId]).toBeUndefined();
    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
  });

  it('supplied before the item is submitted: no supplement, the submission carries it', () => {
    const d = new FlowDriver(newbornFlow());
    d.send({
      type: 'submit',
      data: newbornSubmitData(),
      materials: newbornMaterials({ m_hukouBook: { kind: 'deferred', ...SIGNED } }),
    });
    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.lastOf('supplement')).toEqual([]);
    d.accept('birthCert');
    d.issue('birthCert', NEWBORN_OUTPUTS.birthCert);
    d.accept('birthReg');
    expect(d.state.items.birthReg!.supplyDue).toBeUndefined();
    expect(d.state.timers['supplyDue:birthReg']).toBeUndefined();
  });

  it('a transient supplement failure is re-sent later with the same key; a permanent one notifies an operator', () => {
    const d = deferredHukou();
    d.send({ type: 'supply', material: 'm_hukouBook' });
    const first = d.lastOf('supplement')[0]!;
    d.send({
      type: 'adapterResult',
      item: 'birthReg',
      callId: first.callId,
      result: { status: 'failed', transient: true, message: '超时' },
    });
    const timer = d.timer(`resend:${first.idempotencyKey}`);
    expect(timer.resend).toMatchObject({
      type: 'supplement',
      attempt: 2,
      idempotencyKey: first.idempotencyKey,
    });
    d.fire(timer.id);
    const again = d.lastOf('supplement')[0]!;
    expect(again).toMatchObject({
      idempotencyKey: first.idempotencyKey,
      attempt: 2,
      materials: ['m_hukouBook'],
    });
    expect(again.callId).not.toBe(first.callId);
    d.send({
      type: 'adapterResult',
      item: 'birthReg',
      callId: again.callId,
      result: { status: 'failed', transient: false, message: '拒收' },
    });
    expect(d.codes()).toEqual(['FLOW_CALL_FAILED']);
    expect(d.notices('callFailed')).toEqual([
      { kind: 'callFailed', item: 'birthReg', call: 'supplement', message: '拒收' },
    ]);
  });

  it('deadline passed → suspended (clock paused); supplied within the grace period → resumes', () => {
    const d = deferredHukou();
    d.fire('supplyDue:birthReg'); // 2025-03-26 00:00
    expect(d.status('birthReg')).toBe('suspended');
    const graceDue = calendar.addWorkingDays('2025-03-25', 15);
    expect(d.state.items.birthReg!.graceDue).toBe(graceDue);
    expect(d.notices('supplyOverdue')).toEqual([
      { kind: 'supplyOverdue', item: 'birthReg', materials: ['m_hukouBook'], graceDue },
    ]);
    expect(d.timer('graceDue:birthReg').at).toBe(`${dayAfter(graceDue)}T00:00:00+08:00`);
    const clock = d.state.items.birthReg!.clock!;
    expect(clock.pausedSince).toEqual({ from: '2025-03-26', reason: 'suspension' });
    expect(d.state.timers['slaDue:birthReg']).toBeUndefined();
    // Issued while suspended: refused.
    d.issue('birthReg');
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);

    d.send({ type: 'supply', material: 'm_hukouBook' }, '2025-03-28T10:00:00+08:00');
    expect(d.status('birthReg')).toBe('inReview');
    expect(d.lastOf('supplement')).toHaveLength(1);
    expect(d.state.timers['graceDue:birthReg']).toBeUndefined();
    const resumed = d.state.items.birthReg!.clock!;
    expect(resumed.paused).toEqual([{ from: '2025-03-26', to: '2025-03-28', reason: 'suspension' }]);
    expect(resumed.due).toBe(calendar.addWorkingDays('2025-03-20', 3, { paused: resumed.paused }));
    expect(d.state.timers['slaDue:birthReg']).toBeDefined();
    d.issue('birthReg', NEWBORN_OUTPUTS.birthReg);
    expect(d.status('birthReg')).toBe('issued');
  });

  it('approved before the deadline, suspended, then supplied: back to approved', () => {
    const d = deferredHukou();
    d.update('birthReg', { status: 'approved' });
    d.fire('supplyDue:birthReg');
    expect(d.status('birthReg')).toBe('suspended');
    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.status('birthReg')).toBe('approved');
  });

  it('grace period passed → terminated with a withdraw call; dependents blocked; partially completed', () => {
    const d = deferredHukou();
    d.fire('supplyDue:birthReg');
    d.fire('graceDue:birthReg');
    expect(d.status('birthReg')).toBe('terminated');
    expect(d.lastOf('withdraw')).toEqual([
      expect.objectContaining({
        item: 'birthReg',
        department: 'police',
        idempotencyKey: 'A1:birthReg:withdraw',
        receiptNo: 'R-birthReg',
      }),
    ]);
    expect(Object.keys(d.state.timers).filter((id) => id.endsWith(':birthReg'))).toEqual([]);
    expect(d.state.items.birthReg!.clock!.stoppedOn).toBeDefined();
    expect(d.status('medInsReg')).toBe('blocked');
    expect(d.status('ssCard')).toBe('blocked');
    expect(d.status('medInsPay')).toBe('blocked');
    d.settleAll();
    expect(d.state.status).toBe('partiallyCompleted');
  });

  // Regression (supply after the item ended): onSupply used to pick every item whose `outstanding`
  // listed the material whatever its status, and sent a supplement for a withdrawn/terminated case.
  it('a supply after withdrawal sends nothing', () => {
    const d = deferredHukou();
    d.send({ type: 'withdraw' });
    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.lastOf('supplement')).toEqual([]);
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
  });

  it('a supply after termination sends nothing', () => {
    const d = deferredHukou();
    d.fire('supplyDue:birthReg');
    d.fire('graceDue:birthReg');
    const before = d.state;
    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.lastOf('supplement')).toEqual([]);
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
  });

  // Regression (correction lost by a suspension): supplying used to move suspended → inReview even
  // when the suspension had interrupted an unanswered 补正 request.
  it('a suspension during a correction returns to the correction once supplied', () => {
    const d = deferredHukou();
    d.update('birthReg', { status: 'correctionRequested', reasons: [{ 'zh-CN': '地址不全' }] });
    d.fire('supplyDue:birthReg');
    expect(d.status('birthReg')).toBe('suspended');
    d.send({ type: 'supply', material: 'm_hukouBook' });
    expect(d.status('birthReg')).toBe('correction');
    expect(d.state.items.birthReg!.clock!.pausedSince?.reason).toBe('correction');
    expect(d.state.timers['graceDue:birthReg']).toBeUndefined();
    d.send({ type: 'answerCorrection', item: 'birthReg', data: { babyName: '林语彤' } });
    expect(d.codes()).toEqual([]);
    expect(d.status('birthReg')).toBe('inReview');
    expect(d.state.items.birthReg!.clock!.due).toBeDefined();
  });
});

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
