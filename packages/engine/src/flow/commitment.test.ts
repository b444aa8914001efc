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

/** 告知承诺: a collective household needs m_noHouseCommit, replaced by a signed commitment (核查 in 30 days). */
const calendar = createWorkCalendar();

function committed(): FlowDriver {
  const d = new FlowDriver(newbornFlow()); // Thu 2025-03-20
  d.send({
    type: 'submit',
    data: newbornSubmitData({ householdType: 'COLLECTIVE' }),
    materials: newbornMaterials({ m_noHouseCommit: { kind: 'committed', ...SIGNED } }),
  });
  expect(d.codes()).toEqual([]);
  expect(d.state.items.birthReg!.verifications).toEqual([
    { material: 'm_noHouseCommit', status: 'pending', method: 'interDepartment' },
  ]);
  return d;
}

describe('告知承诺 (commitment)', () => {
  it('a collective household without the commitment is refused with a notice', () => {
    const d = new FlowDriver(newbornFlow());
    d.send({
      type: 'submit',
      data: newbornSubmitData({ householdType: 'COLLECTIVE' }),
      materials: newbornMaterials(),
    });
    expect(d.codes()).toContain('FLOW_SUBMISSION_INVALID');
    expect(d.state.notice!.entries.map((e) => e.key)).toEqual(['m_noHouseCommit']);
  });

  it('issuing starts the 核查: a verify effect with its due date, and a timer', () => {
    const d = committed();
    d.settleAll(NEWBORN_OUTPUTS);
    expect(d.state.status).toBe('completed');
    const verify = d.effects.filter((e) => e.type === 'verify');
    const due = calendar.addWorkingDays('2025-03-20', 30);
    expect(verify).toEqual([
      { type: 'verify', item: 'birthReg', material: 'm_noHouseCommit', method: 'interDepartment', due },
    ]);
    expect(d.state.items.birthReg!.verifications[0]).toMatchObject({ status: 'pending', due });
    expect(d.timer('verificationDue:birthReg:m_noHouseCommit')).toMatchObject({
      purpose: 'verificationDue',
      material: 'm_noHouseCommit',
    });
  });

  it('verified: recorded, the timer cancelled, the application stays completed', () => {
    const d = committed();
    d.settleAll(NEWBORN_OUTPUTS);
    d.send({ type: 'verificationResult', item: 'birthReg', material: 'm_noHouseCommit', result: 'verified' });
    expect(d.state.items.birthReg!.verifications[0]).toMatchObject({ status: 'verified', doneAt: d.at });
    expect(d.lastOf('cancelTimer')).toEqual([
      { type: 'cancelTimer', id: 'verificationDue:birthReg:m_noHouseCommit' },
    ]);
    expect(d.state.status).toBe('completed');
    expect(d.status('birthReg')).toBe('issued');
    d.send({ type: 'verificationResult', item: 'birthReg', material: 'm_noHouseCommit', result: 'breached' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
  });

  it('breached: the decision is revoked, a credit record is notified, the application partially completed', () => {
    const d = committed();
    d.settleAll(NEWBORN_OUTPUTS);
    d.send({
      type: 'verificationResult',
      item: 'birthReg',
      material: 'm_noHouseCommit',
      result: 'breached',
      note: '名下有房',
    });
    expect(d.status('birthReg')).toBe('revoked');
    expect(d.state.items.birthReg!.verifications[0]!.status).toBe('breached');
    expect(d.notices('creditRecord')).toEqual([
      {
        kind: 'creditRecord',
        item: 'birthReg',
        material: 'm_noHouseCommit',
        applicationId: 'A1',
        note: '名下有房',
      },
    ]);
    expect(d.state.status).toBe('partiallyCompleted');
    expect(d.notices('applicationStatus')).toEqual([
      { kind: 'applicationStatus', from: 'completed', to: 'partiallyCompleted' },
    ]);
    expect(Object.keys(d.state.timers).filter((id) => id.includes('birthReg'))).toEqual([]);
  });

  it('a verification result before the item is issued is not allowed', () => {
    const d = committed();
    const before = d.state;
    d.send({ type: 'verificationResult', item: 'birthReg', material: 'm_noHouseCommit', result: 'verified' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
    d.send({ type: 'verificationResult', item: 'nope', material: 'm_noHouseCommit', result: 'verified' });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_ITEM']);
  });

  it('an overdue 核查 is notified when its timer fires', () => {
    const d = committed();
    d.settleAll(NEWBORN_OUTPUTS);
    const due = d.state.items.birthReg!.verifications[0]!.due!;
    d.fire('verificationDue:birthReg:m_noHouseCommit');
    expect(d.notices('verificationOverdue')).toEqual([
      { kind: 'verificationOverdue', item: 'birthReg', material: 'm_noHouseCommit', due },
    ]);
    // Still pending: a late result is accepted.
    d.send({ type: 'verificationResult', item: 'birthReg', material: 'm_noHouseCommit', result: 'verified' });
    expect(d.codes()).toEqual([]);
  });
});
