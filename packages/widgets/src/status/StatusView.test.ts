import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
  createWorkCalendar,
  type Bundle,
  type FlowState,
  type ItemFlowState,
  type ItemStatus,
} from '../../../engine/src/index.js';
import { StatusView } from './StatusView.js';
import { statusChanges } from './statusChanges.js';

const XSS = '<img src=x onerror=alert(1)>';
const calendar = createWorkCalendar();

const bundle = {
  id: 'newborn',
  version: '1.0.0',
  title: { 'zh-CN': '新生儿出生一件事', en: 'Newborn' },
  leadDepartment: 'health',
  promisedDays: 5,
  departments: {
    health: { name: { 'zh-CN': '市卫生健康委', en: 'Health Commission' } },
    police: { name: { 'zh-CN': '市公安局', en: 'Public Security Bureau' } },
  },
  fields: {},
  materials: { proof: { name: { 'zh-CN': '出生证明原件', en: 'Birth proof' } } },
  items: [
    { id: 'cert', name: { 'zh-CN': '出生医学证明', en: 'Birth certificate' }, department: 'health' },
    { id: 'hukou', name: { 'zh-CN': '户口登记', en: 'Household registration' }, department: 'police' },
    { id: 'insurance', name: { 'zh-CN': '医保参保', en: 'Medical insurance' }, department: 'health' },
  ],
} as unknown as Bundle;

function item(status: ItemStatus, extra: Partial<ItemFlowState> = {}): ItemFlowState {
  return {
    status,
    attempts: 1,
    outstanding: [],
    verifications: [],
    sources: [],
    since: '2025-10-09T09:00:00+08:00',
    ...extra,
  };
}

function snapshot(
  items: Record<string, ItemFlowState>,
  status: FlowState['status'] = 'inProgress',
): FlowState {
  return {
    machineVersion: 1,
    bundle: { id: 'newborn', version: '1.0.0', hash: 'h' },
    applicationId: 'A-2025-0042',
    status,
    createdAt: '2025-09-30T09:00:00+08:00',
    submittedAt: '2025-09-30T09:30:00+08:00',
    updatedAt: '2025-10-09T09:00:00+08:00',
    data: {},
    outputs: {},
    materials: {},
    items,
    timers: {},
    pending: {},
    seen: [],
    seq: 0,
  };
}

const view = (
  state: FlowState,
  lang: 'zh-CN' | 'en' = 'zh-CN',
  today = '2025-10-09',
  b: Bundle | null = bundle,
) => renderToString(h(StatusView, { state, bundle: b ?? undefined, lang, today, calendar }));

const clock = { acceptedOn: '2025-09-30', limitDays: 5, paused: [], due: '2025-10-14' };

describe('StatusView', () => {
  it('lists applicable items in an ordered list, the skipped ones quietly after it', () => {
    const html = view(
      snapshot({ insurance: item('skipped'), cert: item('inReview'), hukou: item('waiting') }),
    );
    expect(html).toMatch(/<ol class="ot-status-list"[^>]*>.*出生医学证明.*户口登记.*<\/ol>/s);
    expect(html).toContain('不适用的事项：医保参保');
    expect(html.indexOf('医保参保')).toBeGreaterThan(html.indexOf('</ol>'));
    expect(html).toContain('申请编号');
    expect(html).toContain('A-2025-0042');
    expect(html).toContain('办理中');
    expect(html).toContain('role="status"');
  });

  it.each<[ItemStatus, string, string]>([
    ['waiting', '等待前序事项办结', 'waiting for earlier items'],
    ['dispatching', '正在提交', 'being submitted'],
    ['retryWait', '提交未成功，将自动重试', 'submission will be retried'],
    ['failed', '提交失败，待工作人员处理', 'submission failed; staff will follow up'],
    ['refused', '不予受理', 'not accepted'],
    ['inReview', '审查中', 'in review'],
    ['correction', '待补正', 'correction requested'],
    ['approved', '已批准', 'approved'],
    ['suspended', '已中止（容缺材料逾期未补交）', 'suspended (materials overdue)'],
    ['issued', '已办结', 'completed'],
    ['denied', '不予许可', 'denied'],
    ['terminated', '已退件（容缺材料未补交）', 'terminated (materials not supplied)'],
    ['revoked', '已撤销', 'revoked'],
    ['blocked', '无法继续（前序事项未办成）', 'blocked by an earlier item'],
    ['withdrawn', '已撤回', 'withdrawn'],
  ])('says %s in words in both languages', (status, zh, en) => {
    const state = snapshot({ cert: item(status) });
    expect(view(state)).toContain(`<span class="ot-status-badge">${zh}</span>`);
    expect(view(state, 'en')).toContain(`<span class="ot-status-badge">${en}</span>`);
    expect(view(state)).toContain(`data-status="${status}"`);
  });

  it('shows 容缺受理（待补交） with the supply deadline and grace period', () => {
    const state = snapshot({
      cert: item('inReview', { outstanding: ['proof'], supplyDue: '2025-10-20', graceDue: '2025-10-27' }),
    });
    const html = view(state);
    expect(html).toContain('容缺受理（待补交）');
    expect(html).toContain('请于 2025-10-20 前补交：出生证明原件');
    expect(html).toContain('宽限期至 2025-10-27');
    expect(view(state, 'en')).toContain('Supply by 2025-10-20: Birth proof');
    const approved = snapshot({ cert: item('approved', { outstanding: ['proof'] }) });
    expect(view(approved)).toContain('已批准（补交容缺材料后发证）');
  });

  it('shows the receipt number, department and working days left', () => {
    const html = view(snapshot({ cert: item('inReview', { receiptNo: 'SL-001', clock }) }));
    expect(html).toContain('SL-001');
    expect(html).toContain('市卫生健康委');
    // 10-09 → 10-10, 10-11 (make-up Saturday), 10-13, 10-14.
    expect(html).toContain('剩余 4 个工作日（2025-10-14 截止）');
  });

  it('counts over the 国庆 holiday and marks overdue items', () => {
    const state = snapshot({ cert: item('inReview', { clock }) });
    expect(view(state, 'zh-CN', '2025-10-03')).toContain('剩余 5 个工作日');
    expect(view(state, 'zh-CN', '2025-10-14')).toContain('今天是办理时限的最后一天（2025-10-14）');
    const late = view(state, 'zh-CN', '2025-10-16');
    expect(late).toContain('<span class="ot-status-overdue">已超期 2 个工作日（时限 2025-10-14）</span>');
    expect(view(state, 'en', '2025-10-16')).toContain('2 working day(s) overdue (due 2025-10-14)');
  });

  it('says the clock is paused during a 补正', () => {
    const paused = {
      acceptedOn: '2025-09-30',
      limitDays: 5,
      paused: [],
      pausedSince: { from: '2025-10-10', reason: 'correction' as const },
    };
    const html = view(
      snapshot({
        cert: item('correction', {
          clock: paused,
          reasons: [{ 'zh-CN': '照片不清晰', en: 'Photo unclear' }],
        }),
      }),
    );
    expect(html).toContain('已暂停计时（补正）');
    expect(html).toContain('照片不清晰');
    expect(html).not.toContain('剩余');
  });

  it('shows 告知承诺 verifications with due dates and results', () => {
    const html = view(
      snapshot({
        cert: item('issued', {
          verifications: [
            { material: 'proof', status: 'pending', due: '2025-11-30' },
            { material: 'other', status: 'breached' },
          ],
        }),
      }),
    );
    expect(html).toContain('出生证明原件：待核查（2025-11-30 前完成）');
    expect(html).toContain('other：承诺不实');
    expect(html).toContain('ot-verification--breached');
  });

  it('links an electronic licence only through an http(s) URL', () => {
    const licensed = (url: string) =>
      view(snapshot({ cert: item('issued', { licence: { no: 'Z350001', electronic: true, url } }) }));
    const good = licensed('https://zz.example.gov.cn/l/Z350001');
    expect(good).toContain('编号 Z350001');
    expect(good).toContain('href="https://zz.example.gov.cn/l/Z350001"');
    expect(good).toContain('rel="noopener noreferrer"');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
    ]) {
      const html = licensed(bad);
      expect(html).toContain('编号 Z350001');
      expect(html).not.toContain('<a');
      expect(html.toLowerCase()).not.toContain('script:');
    }
  });

  it('renders bundle names, reasons and snapshot texts as text, never as markup', () => {
    const text = { 'zh-CN': XSS, en: XSS };
    const hostile = {
      ...bundle,
      title: text,
      departments: { health: { name: text } },
      materials: { proof: { name: text } },
      items: [
        { id: 'cert', name: text, department: 'health' },
        { id: 'skip', name: text, department: 'health' },
      ],
    } as unknown as Bundle;
    const state = snapshot({
      cert: item('denied', {
        receiptNo: XSS,
        reasons: [text],
        outstanding: ['proof'],
        licence: { no: XSS, name: text, electronic: true, url: XSS },
        verifications: [{ material: XSS, status: 'pending', due: XSS }],
      }),
      skip: item('skipped'),
    });
    const html = view(state, 'zh-CN', '2025-10-09', hostile);
    expect(html).not.toContain('<img');
    expect(html.split('&lt;img src=x onerror=alert(1)>').length - 1).toBeGreaterThanOrEqual(8);
  });

  it('shows item ids when there is no bundle', () => {
    const html = view(snapshot({ cert: item('inReview') }), 'en', '2025-10-09', null);
    expect(html).toContain('Application progress');
    expect(html).toContain('>cert</h3>');
  });
});

describe('statusChanges', () => {
  it('names the application and each item whose status text changed', () => {
    const before = snapshot({ cert: item('inReview', { outstanding: ['proof'] }), hukou: item('waiting') });
    const after = snapshot({ cert: item('inReview'), hukou: item('waiting') }, 'completed');
    expect(statusChanges(before, after, bundle, 'zh-CN')).toEqual([
      '办理状态：已办结',
      '出生医学证明：审查中',
    ]);
    expect(statusChanges(after, after, bundle, 'en')).toEqual([]);
  });
});
