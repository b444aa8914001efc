import { describe, expect, it } from 'vitest';
import {
  FlowDriver,
  NEWBORN_OUTPUTS,
  miniData,
  miniFlow,
  miniMaterials,
  newbornFlow,
  newbornMaterials,
  newbornSubmitData,
} from '../../test/fixtures/flowFixture.js';
import type { FlowState } from './types.js';

const statuses = (state: FlowState) =>
  Object.fromEntries(Object.entries(state.items).map(([id, i]) => [id, i.status]));

function submitted(d = new FlowDriver(newbornFlow())): FlowDriver {
  d.send({ type: 'submit', data: newbornSubmitData(), materials: newbornMaterials() });
  expect(d.codes()).toEqual([]);
  return d;
}

describe('createFlow: start', () => {
  it('starts a draft with every item waiting, stamped with the bundle and machine version', () => {
    const flow = newbornFlow();
    const state = flow.start({ applicationId: 'A1', at: '2025-03-20T09:00:00+08:00' });
    expect(state).toMatchObject({
      machineVersion: flow.machineVersion,
      bundle: { id: 'newborn', version: '1.0.0', hash: flow.bundleHash },
      status: 'draft',
      createdAt: '2025-03-20T09:00:00+08:00',
      updatedAt: '2025-03-20T09:00:00+08:00',
      seq: 0,
    });
    expect(Object.keys(state.items)).toEqual(flow.compiled.bundle.items.map((i) => i.id));
    expect(new Set(Object.values(state.items).map((i) => i.status))).toEqual(new Set(['waiting']));
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('fingerprints the bundle: another bundle has another hash', () => {
    expect(newbornFlow().bundleHash).toBe(newbornFlow().bundleHash);
    expect(miniFlow().bundleHash).not.toBe(newbornFlow().bundleHash);
    expect(miniFlow((b) => (b.promisedDays = 6)).bundleHash).not.toBe(miniFlow().bundleHash);
  });
});

describe('createFlow: precheck and submit (一次性告知)', () => {
  it('a precheck lists everything missing at once and leaves the draft as it was', () => {
    const d = new FlowDriver(newbornFlow());
    const before = d.state;
    const { motherMobile: _omitted, ...partial } = newbornSubmitData();
    d.send({ type: 'precheck', data: partial, materials: {} });
    expect(d.state.status).toBe('draft');
    expect(d.state.notice?.ok).toBe(false);
    const keys = d.state.notice!.entries.map((e) => e.key);
    expect(keys).toContain('motherMobile');
    expect(keys).toEqual(
      expect.arrayContaining(['m_parentIds', 'm_hukouBook', 'm_insConfirm', 'm_bankCard']),
    );
    expect(d.codes()).toContain('DATA_MATERIAL_MISSING');
    expect(d.lastOf('dispatch')).toEqual([]);
    const { notice: _n, updatedAt: _u, ...rest } = d.state;
    const { updatedAt: _u0, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  // Regression (precheck double notice): `check()` used to notify a failing notice, and the precheck
  // branch notified it a second time.
  it('a failing precheck sends the one-time notice once', () => {
    const d = new FlowDriver(newbornFlow());
    d.send({ type: 'precheck', data: newbornSubmitData(), materials: {} });
    expect(d.notices('notice')).toHaveLength(1);
  });

  it('a passing precheck records an ok notice and notifies it once', () => {
    const d = new FlowDriver(newbornFlow());
    d.send({ type: 'precheck', data: newbornSubmitData(), materials: newbornMaterials() });
    expect(d.state.notice?.ok).toBe(true);
    expect(d.notices('notice')).toHaveLength(1);
    expect(d.state.status).toBe('draft');
  });

  it('refuses a submission with missing materials: a one-time notice, and nothing else changes', () => {
    const d = new FlowDriver(newbornFlow());
    const before = d.state;
    const { m_hukouBook: _h, m_bankCard: _b, ...materials } = newbornMaterials();
    d.send({ type: 'submit', data: newbornSubmitData(), materials });
    expect(d.codes()).toContain('FLOW_SUBMISSION_INVALID');
    expect(d.codes().filter((c) => c === 'DATA_MATERIAL_MISSING')).toHaveLength(2);
    expect(d.notices('notice')).toHaveLength(1);
    expect(d.state.notice!.entries.map((e) => e.key).sort()).toEqual(['m_bankCard', 'm_hukouBook']);
    expect(d.last.effects.filter((e) => e.type !== 'notify')).toEqual([]);
    const { notice: _n, updatedAt, ...rest } = d.state;
    const { updatedAt: _u0, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(updatedAt).toBe(d.at);
  });

  it('a valid submission stores the accepted data, starts the items without dependencies and clears the notice', () => {
    const d = new FlowDriver(newbornFlow());
    d.send({ type: 'precheck', data: newbornSubmitData(), materials: {} });
    expect(d.state.notice).toBeDefined();
    submitted(d);
    expect(d.state.status).toBe('inProgress');
    expect(d.state.submittedAt).toBe(d.at);
    expect(d.state.notice).toBeUndefined();
    expect(d.state.data.babyBirthDate).toBe('2025-03-14'); // computed value kept
    expect(d.notices('applicationStatus')).toEqual([
      { kind: 'applicationStatus', from: 'draft', to: 'inProgress' },
    ]);
    expect(d.lastOf('dispatch').map((e) => e.item)).toEqual([
      'birthCert',
      'vaccineCert',
      'birthRegistration',
    ]);
    for (const e of d.lastOf('dispatch')) {
      expect(e).toMatchObject({ attempt: 1, idempotencyKey: `A1:${e.item}` });
      expect(d.state.pending[e.callId]).toEqual(e);
    }
    expect(d.state.items.birthReg!.sources).toContainEqual({
      material: 'm_birthCertDoc',
      source: 'fromOutput',
      item: 'birthCert',
      field: 'birthCertNo',
    });
  });

  it('a second submit is not allowed once in progress', () => {
    const d = submitted();
    const before = d.state;
    d.send({ type: 'submit', data: newbornSubmitData(), materials: newbornMaterials() });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
    expect(d.last.effects).toEqual([]);
  });
});

describe('createFlow: 情形 and dependencies', () => {
  it('skips items whose applicability is false; skipped items count as done', () => {
    const d = new FlowDriver(newbornFlow());
    const { payYear: _p, ...data } = newbornSubmitData({ payMedIns: false, applyParentingGuide: false });
    d.send({ type: 'submit', data, materials: newbornMaterials() });
    expect(d.codes()).toEqual([]);
    expect(d.status('medInsPay')).toBe('skipped');
    expect(d.status('parentingGuide')).toBe('skipped');
    expect(d.notices('itemStatus')).toContainEqual({
      kind: 'itemStatus',
      item: 'medInsPay',
      from: 'waiting',
      to: 'skipped',
    });
    d.settleAll(NEWBORN_OUTPUTS);
    expect(d.state.status).toBe('completed');
    expect(d.status('medInsPay')).toBe('skipped');
  });

  it('dispatches birthReg only after birthCert is issued, with birthCertNo in its payload', () => {
    const d = submitted();
    expect(d.status('birthReg')).toBe('waiting');
    d.accept('birthCert');
    expect(d.status('birthCert')).toBe('inReview');
    expect(d.lastOf('dispatch')).toEqual([]);
    expect(d.status('birthReg')).toBe('waiting');
    d.issue('birthCert', NEWBORN_OUTPUTS.birthCert);
    expect(d.state.outputs).toEqual(NEWBORN_OUTPUTS.birthCert);
    const dispatched = d.lastOf('dispatch').map((e) => e.item);
    expect(dispatched).toEqual(['birthReg', 'maternityBenefit', 'parentingGuide']);
    const birthReg = d.lastOf('dispatch').find((e) => e.item === 'birthReg')!;
    expect(birthReg.payload.cszbh).toBe('O350123456');
    expect(birthReg.department).toBe('police');
    // medInsReg needs birthReg, ssCard needs birthReg and medInsReg.
    expect(d.status('medInsReg')).toBe('waiting');
    d.accept('birthReg');
    d.issue('birthReg', NEWBORN_OUTPUTS.birthReg);
    expect(d.lastOf('dispatch').map((e) => e.item)).toEqual(['medInsReg']);
    expect(d.status('ssCard')).toBe('waiting');
    d.accept('medInsReg');
    d.issue('medInsReg', NEWBORN_OUTPUTS.medInsReg);
    expect(
      d
        .lastOf('dispatch')
        .map((e) => e.item)
        .sort(),
    ).toEqual(['medInsPay', 'ssCard']);
  });

  it('ignores outputs an item does not declare (FLOW_UNEXPECTED_OUTPUT)', () => {
    const d = submitted();
    d.accept('birthCert');
    d.issue('birthCert', { birthCertNo: 'O350123456', babyIdNumber: 'x' });
    expect(d.codes()).toEqual(['FLOW_UNEXPECTED_OUTPUT']);
    expect(d.state.outputs).toEqual({ birthCertNo: 'O350123456' });
    expect(d.status('birthCert')).toBe('issued');
  });

  it('a refusal at intake blocks every dependent, the rest goes on: partially completed', () => {
    const d = submitted();
    d.answer('birthCert', { status: 'refused', reasons: [{ 'zh-CN': '助产机构信息不符' }] });
    expect(d.status('birthCert')).toBe('refused');
    expect(d.state.items.birthCert!.reasons).toEqual([{ 'zh-CN': '助产机构信息不符' }]);
    expect(statuses(d.state)).toMatchObject({
      birthReg: 'blocked',
      medInsReg: 'blocked',
      medInsPay: 'blocked',
      ssCard: 'blocked',
      maternityBenefit: 'blocked',
      parentingGuide: 'blocked',
      vaccineCert: 'dispatching',
      birthRegistration: 'dispatching',
    });
    expect(d.state.status).toBe('inProgress');
    d.settleAll();
    expect(d.status('vaccineCert')).toBe('issued');
    expect(d.state.status).toBe('partiallyCompleted');
    expect(d.notices('applicationStatus')).toEqual([
      { kind: 'applicationStatus', from: 'inProgress', to: 'partiallyCompleted' },
    ]);
  });

  it('a department denial after review also blocks dependents', () => {
    const d = submitted();
    d.accept('birthCert');
    d.update('birthCert', { status: 'denied', reasons: [{ 'zh-CN': '不予许可' }] });
    expect(d.status('birthCert')).toBe('denied');
    expect(d.state.items.birthCert!.clock?.stoppedOn).toBe('2025-03-20');
    expect(d.status('ssCard')).toBe('blocked');
  });

  it('no item issued at all: unsuccessful', () => {
    const d = new FlowDriver(miniFlow());
    d.send({ type: 'submit', data: miniData(), materials: miniMaterials() });
    d.answer('birthCert', { status: 'refused', reasons: [{ 'zh-CN': '不予受理' }] });
    expect(statuses(d.state)).toEqual({ birthCert: 'refused', birthReg: 'blocked', benefit: 'blocked' });
    expect(d.state.status).toBe('unsuccessful');
  });

  it('every item issued: completed, and the happy path is JSON all the way', () => {
    const d = submitted();
    d.settleAll(NEWBORN_OUTPUTS);
    expect(d.state.status).toBe('completed');
    expect(new Set(Object.values(statuses(d.state)))).toEqual(new Set(['issued']));
    expect(d.state.items.birthReg!.licence).toEqual({ no: 'L-birthReg' });
    expect(d.state.items.birthReg!.receiptNo).toBe('R-birthReg');
    expect(Object.keys(d.state.pending)).toEqual([]);
    expect(JSON.parse(JSON.stringify(d.state))).toEqual(d.state);
  });
});

describe('createFlow: withdraw', () => {
  it('withdraws a draft: every item withdrawn, nothing sent', () => {
    const d = new FlowDriver(newbornFlow());
    d.send({ type: 'withdraw', reason: '不办了' });
    expect(d.state.status).toBe('withdrawn');
    expect(new Set(Object.values(statuses(d.state)))).toEqual(new Set(['withdrawn']));
    expect(d.lastOf('withdraw')).toEqual([]);
    const again = d.state;
    d.send({ type: 'withdraw' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(again);
  });

  it('withdraws in progress: issued items stay issued, dispatched ones get a withdraw call, timers go', () => {
    const d = submitted();
    d.accept('birthCert');
    d.issue('birthCert', NEWBORN_OUTPUTS.birthCert);
    d.accept('vaccineCert');
    d.accept('birthReg');
    expect(Object.keys(d.state.timers).some((id) => id.endsWith(':birthReg'))).toBe(true);
    const pendingMaternity = d.pendingDispatches('maternityBenefit')[0]!;
    d.send({ type: 'withdraw' });
    expect(d.state.status).toBe('withdrawn');
    expect(d.status('birthCert')).toBe('issued');
    expect(statuses(d.state)).toMatchObject({
      vaccineCert: 'withdrawn',
      birthReg: 'withdrawn',
      maternityBenefit: 'withdrawn',
      medInsReg: 'withdrawn',
      ssCard: 'withdrawn',
    });
    const withdrawals = d.lastOf('withdraw');
    expect(withdrawals.map((w) => w.item).sort()).toEqual(
      ['birthReg', 'birthRegistration', 'maternityBenefit', 'parentingGuide', 'vaccineCert'].sort(),
    );
    expect(withdrawals.find((w) => w.item === 'birthReg')).toMatchObject({
      department: 'police',
      idempotencyKey: 'A1:birthReg:withdraw',
      receiptNo: 'R-birthReg',
    });
    expect(Object.values(d.state.timers).filter((t) => t.item !== 'birthCert')).toEqual([]);
    expect(d.state.items.birthReg!.clock?.stoppedOn).toBe('2025-03-20');
    // A late answer to a submission of a withdrawn item only clears the call.
    d.send({
      type: 'adapterResult',
      item: 'maternityBenefit',
      callId: pendingMaternity.callId,
      result: { status: 'accepted', receiptNo: 'R-late' },
    });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.status('maternityBenefit')).toBe('withdrawn');
    expect(d.state.pending[pendingMaternity.callId]).toBeUndefined();
    // The withdraw call's own answer clears it.
    const call = withdrawals[0]!;
    d.send({ type: 'adapterResult', item: call.item, callId: call.callId, result: { status: 'ok' } });
    expect(d.codes()).toEqual([]);
    expect(d.state.pending[call.callId]).toBeUndefined();
  });

  it('a completed application cannot be withdrawn', () => {
    const d = submitted();
    d.settleAll(NEWBORN_OUTPUTS);
    const before = d.state;
    d.send({ type: 'withdraw' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
  });
});
