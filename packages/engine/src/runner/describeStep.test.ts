import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { FlowEffect, FlowEvent, FlowNotification } from '../flow/types.js';
import type { NoticeEntry } from '../form/types.js';
import { miniFlow } from '../../test/fixtures/flowFixture.js';
import { describeStep } from './describeStep.js';
import type { RunnerStep } from './types.js';

const flow = miniFlow();
const AT = '2025-03-20T09:30:00+08:00';
const state = flow.start({ applicationId: 'A1', at: AT });

/** A runner step built by hand: one event, some effects, some diagnostics. */
const step = (
  event: FlowEvent,
  effects: FlowEffect[] = [],
  diagnostics: RunnerStep['decision']['diagnostics'] = [],
): RunnerStep => ({
  applicationId: 'A1',
  input: { at: AT, event },
  decision: { state, effects, diagnostics },
});

const timer: FlowEvent = { type: 'timer', id: 'sla:birthCert' };
const notify = (notification: FlowNotification): FlowEffect => ({ type: 'notify', notification });

/** Every notification kind, with what each language's line must show. */
const notifications: Array<[FlowNotification, string, string]> = [
  [
    { kind: 'itemStatus', item: 'birthCert', from: 'inReview', to: 'issued' },
    '出生医学证明 已出证',
    'Birth certificate issued',
  ],
  [
    { kind: 'applicationStatus', from: 'inProgress', to: 'completed' },
    '申请 已办结',
    'application completed',
  ],
  [
    {
      kind: 'notice',
      notice: { ok: false, entries: [{} as NoticeEntry, {} as NoticeEntry], byDepartment: [] },
    },
    '一次性告知: 2',
    'one-time notice: 2',
  ],
  [
    { kind: 'slaWarning', item: 'birthReg', due: '2025-03-24', remainingDays: 1 },
    '预警 出生登记 (期限 2025-03-24)',
    'SLA warning Birth registration (due 2025-03-24)',
  ],
  [
    { kind: 'overdue', item: 'birthReg', due: '2025-03-24' },
    '超期 出生登记 (2025-03-24)',
    'OVERDUE Birth registration (2025-03-24)',
  ],
  [
    { kind: 'supplyOverdue', item: 'birthReg', materials: ['m_hukouBook', 'm_x'], graceDue: '2025-03-30' },
    '容缺材料逾期 出生登记: m_hukouBook, m_x (宽限至 2025-03-30)',
    '容缺 material overdue Birth registration: m_hukouBook, m_x (grace until 2025-03-30)',
  ],
  [{ kind: 'supplyOverdue', item: 'birthReg', materials: ['m_hukouBook'] }, '(宽限至 -)', '(grace until -)'],
  [
    { kind: 'verificationOverdue', item: 'benefit', material: 'm_c', due: '2025-04-20' },
    '核查逾期 生育津贴/m_c',
    'verification overdue Maternity benefit/m_c',
  ],
  [
    { kind: 'creditRecord', item: 'benefit', material: 'm_c', applicationId: 'A1', note: '虚假承诺' },
    '信用记录 生育津贴/m_c',
    'credit record Maternity benefit/m_c',
  ],
  [
    { kind: 'dependantsAffected', item: 'birthCert', dependants: ['birthReg', 'benefit'] },
    '撤销后需复核: 出生登记, 生育津贴',
    'to review after the revocation: Birth registration, Maternity benefit',
  ],
  [
    { kind: 'callFailed', item: 'birthReg', call: 'supplement', message: 'down' },
    '推送失败 出生登记 supplement',
    'call failed Birth registration supplement',
  ],
];

describe('describeStep', () => {
  it('covers every notification kind', () => {
    // The compiler keeps this list complete when a kind is added to FlowNotification.
    const every: Record<FlowNotification['kind'], true> = {
      notice: true,
      itemStatus: true,
      applicationStatus: true,
      slaWarning: true,
      overdue: true,
      supplyOverdue: true,
      verificationOverdue: true,
      callFailed: true,
      dependantsAffected: true,
      creditRecord: true,
    };
    expect(new Set(notifications.map(([n]) => n.kind))).toEqual(new Set(Object.keys(every)));
  });

  it.each(notifications)('renders %j in zh-CN and en', (notification, zh, en) => {
    const s = step(timer, [notify(notification)]);
    const zhLine = describeStep(flow, s);
    const enLine = describeStep(flow, s, 'en');
    expect(describeStep(flow, s, 'zh-CN')).toBe(zhLine);
    expect(zhLine).toBe(`2025-03-20 09:30  定时 sla:birthCert → ${zhLine.split(' → ')[1]}`);
    expect(zhLine).toContain(zh);
    expect(enLine).toMatch(/^2025-03-20 09:30 {2}timer sla:birthCert → /);
    expect(enLine).toContain(en);
  });

  it('renders each event kind', () => {
    const events: Array<[FlowEvent, string, string]> = [
      [{ type: 'submit', data: {} }, 'submit', 'submit'],
      [{ type: 'precheck', data: {} }, 'precheck', 'precheck'],
      [{ type: 'withdraw' }, 'withdraw', 'withdraw'],
      [{ type: 'supply', material: 'm_hukouBook' }, '补交 m_hukouBook', 'supplied m_hukouBook'],
      [
        { type: 'answerCorrection', item: 'birthReg' },
        'answerCorrection 出生登记',
        'answerCorrection Birth registration',
      ],
      [
        { type: 'operatorRetry', item: 'birthReg' },
        'operatorRetry 出生登记',
        'operatorRetry Birth registration',
      ],
      [
        {
          type: 'adapterResult',
          item: 'birthCert',
          callId: 'c1',
          result: { status: 'accepted', receiptNo: 'R' },
        },
        '出生医学证明: 部门应答 accepted',
        'Birth certificate: department answered accepted',
      ],
      [
        { type: 'departmentUpdate', item: 'birthCert', eventId: 'E', update: { status: 'approved' } },
        '出生医学证明: 部门更新 approved',
        'Birth certificate: department update approved',
      ],
      [
        { type: 'verificationResult', item: 'benefit', material: 'm_c', result: 'breached' },
        '生育津贴: 核查 m_c breached',
        'Maternity benefit: verification m_c breached',
      ],
      [timer, '定时 sla:birthCert', 'timer sla:birthCert'],
    ];
    for (const [event, zh, en] of events) {
      expect(describeStep(flow, step(event))).toBe(`2025-03-20 09:30  ${zh}`);
      expect(describeStep(flow, step(event), 'en')).toBe(`2025-03-20 09:30  ${en}`);
    }
  });

  it('lists verification tasks and non-info diagnostics, and skips other effects', () => {
    const s = step(
      timer,
      [
        { type: 'verify', item: 'benefit', material: 'm_c', due: '2025-04-20' },
        { type: 'cancelTimer', id: 'x' },
        { type: 'setTimer', timer: { id: 't', at: AT, purpose: 'retry' } },
        notify({ kind: 'itemStatus', item: 'birthCert', from: 'dispatching', to: 'retryWait' }),
      ],
      [
        createDiagnostic('FLOW_CLOCK_BACKWARDS', { params: { at: AT, last: AT } }),
        createDiagnostic('FLOW_DUPLICATE_UPDATE', { params: { eventId: 'E' } }),
      ],
    );
    expect(describeStep(flow, s, 'en')).toBe(
      '2025-03-20 09:30  timer sla:birthCert → verification task Maternity benefit/m_c ≤ 2025-04-20; ' +
        'Birth certificate retry scheduled; ⚠ FLOW_CLOCK_BACKWARDS',
    );
    expect(describeStep(flow, s)).toContain(
      '核查任务 生育津贴/m_c ≤ 2025-04-20; 出生医学证明 等待重试; ⚠ FLOW_CLOCK_BACKWARDS',
    );
  });

  it('falls back to ids for unknown items and statuses', () => {
    const s = step({ type: 'operatorRetry', item: 'ghost' }, [
      notify({ kind: 'itemStatus', item: 'ghost', from: 'waiting', to: 'mystery' as 'issued' }),
    ]);
    expect(describeStep(flow, s, 'en')).toBe('2025-03-20 09:30  operatorRetry ghost → ghost mystery');
  });

  it('uses the zh-CN name when an item has no English one', () => {
    const zhOnly = miniFlow((bundle) => {
      bundle.items[0]!.name = { 'zh-CN': '出生医学证明' };
    });
    const s = step({ type: 'operatorRetry', item: 'birthCert' });
    expect(describeStep(zhOnly, s, 'en')).toBe('2025-03-20 09:30  operatorRetry 出生医学证明');
  });
});
