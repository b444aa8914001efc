/**
 * Every text of the simulator (办件模拟) in zh-CN and en: UI labels, outcome names, status names and
 * the simulator's own diagnostics. Flow and trace diagnostics come with their own two texts from the
 * engine.
 */
import type { Lang } from '@onething/engine';
import { fillText } from '../app/fillText.js';

/** One UI text in both languages. */
export type SimText = { 'zh-CN': string; en: string };

/** The simulator's texts by key. */
export const SIMULATE_MESSAGES = {
  title: { 'zh-CN': '办件模拟', en: 'Simulation' },
  intro: {
    'zh-CN': '为每个事项选择部门的处理结果，然后提交申请，并按工作日推进虚拟时钟。',
    en: "Pick each department's outcome, submit the application and move the virtual clock on by working days.",
  },
  outcomes: { 'zh-CN': '部门处理结果', en: 'Department outcomes' },
  item: { 'zh-CN': '事项', en: 'Item' },
  department: { 'zh-CN': '部门', en: 'Department' },
  result: { 'zh-CN': '结果', en: 'Outcome' },
  reviewDays: { 'zh-CN': '审查用时（自然日）', en: 'Review time (calendar days)' },
  outageAttempts: { 'zh-CN': '系统故障次数', en: 'Failed attempts (outage)' },
  slowSeconds: { 'zh-CN': '应答延迟（秒）', en: 'Reply delay (seconds)' },
  outcomeLocked: {
    'zh-CN': '已推送给部门，结果不可再改',
    en: 'Already sent to the department: the outcome is fixed',
  },
  actions: { 'zh-CN': '操作', en: 'Actions' },
  submit: { 'zh-CN': '提交申请', en: 'Submit the application' },
  advance: { 'zh-CN': '推进', en: 'Advance' },
  workingDays: { 'zh-CN': '个工作日', en: 'working days' },
  daysToAdvance: { 'zh-CN': '推进的工作日数', en: 'Working days to advance' },
  nextTimer: { 'zh-CN': '推进到下一个定时', en: 'Advance to the next timer' },
  runToEnd: { 'zh-CN': '运行到办结', en: 'Run until settled' },
  withdraw: { 'zh-CN': '撤回申请', en: 'Withdraw the application' },
  reset: { 'zh-CN': '重新开始', en: 'Start over' },
  now: { 'zh-CN': '虚拟时间', en: 'Virtual time' },
  application: { 'zh-CN': '申请状态', en: 'Application status' },
  busy: { 'zh-CN': '处理中…', en: 'Working…' },
  status: { 'zh-CN': '状态', en: 'Status' },
  receiptNo: { 'zh-CN': '受理编号', en: 'Receipt no.' },
  limit: { 'zh-CN': '承诺时限', en: 'Promised limit' },
  due: { 'zh-CN': '办结期限', en: 'Due' },
  daysLeft: { 'zh-CN': '剩余工作日', en: 'Working days left' },
  paused: { 'zh-CN': '暂停计时', en: 'clock paused' },
  days: { 'zh-CN': '个工作日', en: 'working days' },
  immediate: { 'zh-CN': '即办', en: 'same day' },
  attempts: { 'zh-CN': '推送次数', en: 'Attempts' },
  reasons: { 'zh-CN': '原因', en: 'Reasons' },
  answerCorrection: { 'zh-CN': '提交补正', en: 'Answer the correction' },
  retry: { 'zh-CN': '人工重试', en: 'Retry (operator)' },
  notice: { 'zh-CN': '一次性告知：申请未提交', en: 'One-time notice: the application was not submitted' },
  supplies: { 'zh-CN': '容缺材料', en: '容缺 materials (accepted missing)' },
  supplyDue: { 'zh-CN': '补交期限', en: 'Supply by' },
  graceDue: { 'zh-CN': '宽限至', en: 'Grace until' },
  supply: { 'zh-CN': '补交', en: 'Supply' },
  verifications: { 'zh-CN': '告知承诺核查', en: '告知承诺 verifications' },
  verificationDue: { 'zh-CN': '核查期限', en: 'Verify by' },
  verified: { 'zh-CN': '核查属实', en: 'Verified' },
  breached: { 'zh-CN': '承诺不实', en: 'Breached' },
  warnings: { 'zh-CN': '时限预警', en: 'Deadline warnings' },
  slaWarning: { 'zh-CN': '预警', en: 'Warning' },
  overdue: { 'zh-CN': '超期', en: 'Overdue' },
  licences: { 'zh-CN': '已出证照', en: 'Licences issued' },
  licenceNo: { 'zh-CN': '证照编号', en: 'Licence no.' },
  electronic: { 'zh-CN': '电子证照', en: 'electronic' },
  timeline: { 'zh-CN': '办件时间线', en: 'Timeline' },
  noSteps: { 'zh-CN': '尚无记录', en: 'Nothing yet' },
  problems: { 'zh-CN': '提示', en: 'Messages' },
  downloadTrace: { 'zh-CN': '下载轨迹', en: 'Download trace' },
  loadTrace: { 'zh-CN': '载入轨迹', en: 'Load trace' },
  replay: { 'zh-CN': '轨迹回放', en: 'Trace replay' },
  replayOk: { 'zh-CN': '全部 {n} 步重现', en: 'All {n} steps reproduce' },
  replayDiverged: {
    'zh-CN': '第 {step} 步（第 {line} 行）不一致：{what}',
    en: 'Step {step} (line {line}) diverges: {what}',
  },
  what_effects: { 'zh-CN': '效果', en: 'effects' },
  what_state: { 'zh-CN': '状态', en: 'state' },
  what_diagnostics: { 'zh-CN': '诊断', en: 'diagnostics' },
  stepOf: { 'zh-CN': '第 {n} 步 / 共 {total} 步', en: 'Step {n} of {total}' },
  toStart: { 'zh-CN': '到开头', en: 'To the start' },
  back: { 'zh-CN': '上一步', en: 'Step back' },
  forward: { 'zh-CN': '下一步', en: 'Step forward' },
  toEnd: { 'zh-CN': '到结尾', en: 'To the end' },
  input: { 'zh-CN': '输入', en: 'Input' },
  effects: { 'zh-CN': '效果', en: 'Effects' },
  stateSummary: { 'zh-CN': '状态摘要', en: 'State summary' },
  timers: { 'zh-CN': '定时器', en: 'Timers' },
  diff: { 'zh-CN': '差异', en: 'Difference' },
  verdict_reproduced: { 'zh-CN': '已重现', en: 'reproduced' },
  verdict_diverged: { 'zh-CN': '不一致', en: 'diverges' },
  verdict_notReplayed: { 'zh-CN': '未回放', en: 'not replayed' },
  closeReplay: { 'zh-CN': '关闭回放', en: 'Close the replay' },
  outcome_approve: { 'zh-CN': '受理并办结出证', en: 'Accept, approve and issue' },
  outcome_accept: { 'zh-CN': '受理（不作决定）', en: 'Accept, no decision yet' },
  outcome_refuse: { 'zh-CN': '不予受理', en: 'Refuse at intake (不予受理)' },
  outcome_deny: { 'zh-CN': '不予许可', en: 'Deny (不予许可)' },
  outcome_correction: { 'zh-CN': '要求补正后办结', en: 'Request a correction, then approve' },
  refuseReason: { 'zh-CN': '模拟：不符合受理条件', en: 'Simulated: the intake conditions are not met' },
  denyReason: { 'zh-CN': '模拟：审查不予许可', en: 'Simulated: refused on review' },
  correctionReason: { 'zh-CN': '模拟：请补正材料', en: 'Simulated: please correct the materials' },
  SIMULATE_NO_TIMER: { 'zh-CN': '没有待触发的定时器。', en: 'No timer is armed.' },
  SIMULATE_NOT_DRAFT: {
    'zh-CN': '申请已提交，不能再次提交。',
    en: 'The application has already been submitted.',
  },
  SIMULATE_BAD_DAYS: {
    'zh-CN': '推进的工作日数须为 1 到 366 之间的整数（收到 {days}）。',
    en: 'The working days to advance must be a whole number from 1 to 366 (got {days}).',
  },
  SIMULATE_FAILED: {
    'zh-CN': '模拟出错：{detail}',
    en: 'The simulation failed: {detail}',
  },
  TRACE_EMPTY_REPLAY: { 'zh-CN': '轨迹中没有步骤。', en: 'The trace has no steps.' },
} satisfies Record<string, SimText>;

export type SimulateMessageKey = keyof typeof SIMULATE_MESSAGES;

/** A simulator text in `lang`, with `{name}` placeholders filled from `params`. */
export function simText(key: SimulateMessageKey, lang: Lang, params: Record<string, unknown> = {}): string {
  return fillText(SIMULATE_MESSAGES[key][lang], params);
}

/** Names of item and application statuses (限时办结 table, timeline). */
export const STATUS_NAMES: Record<string, SimText> = {
  skipped: { 'zh-CN': '不适用', en: 'not applicable' },
  waiting: { 'zh-CN': '等待前置事项', en: 'waiting' },
  dispatching: { 'zh-CN': '推送中', en: 'dispatching' },
  retryWait: { 'zh-CN': '等待重试', en: 'retry scheduled' },
  failed: { 'zh-CN': '推送失败', en: 'failed' },
  refused: { 'zh-CN': '不予受理', en: 'refused' },
  inReview: { 'zh-CN': '审查中', en: 'in review' },
  correction: { 'zh-CN': '补正中', en: 'correction requested' },
  approved: { 'zh-CN': '已批准', en: 'approved' },
  suspended: { 'zh-CN': '中止（容缺逾期）', en: 'suspended' },
  issued: { 'zh-CN': '已出证', en: 'issued' },
  denied: { 'zh-CN': '不予许可', en: 'denied' },
  terminated: { 'zh-CN': '终止（退件）', en: 'terminated' },
  revoked: { 'zh-CN': '已撤销', en: 'revoked' },
  blocked: { 'zh-CN': '前置事项未通过', en: 'blocked' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  draft: { 'zh-CN': '草稿', en: 'draft' },
  inProgress: { 'zh-CN': '办理中', en: 'in progress' },
  completed: { 'zh-CN': '已办结', en: 'completed' },
  partiallyCompleted: { 'zh-CN': '部分办结', en: 'partially completed' },
  unsuccessful: { 'zh-CN': '未办成', en: 'unsuccessful' },
};

/** A status name in `lang` (the id itself when unknown). */
export function statusName(status: string, lang: Lang): string {
  return STATUS_NAMES[status]?.[lang] ?? status;
}
