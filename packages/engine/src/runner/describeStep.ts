import type { Lang } from '../diagnostics/types.js';
import type { Flow } from '../flow/createFlow.js';
import type { FlowEffect, FlowEvent, FlowNotification } from '../flow/types.js';
import type { RunnerStep } from './types.js';

const ITEM_STATUS: Record<string, [string, string]> = {
  skipped: ['不适用', 'not applicable'],
  waiting: ['等待前置事项', 'waiting'],
  dispatching: ['推送中', 'dispatching'],
  retryWait: ['等待重试', 'retry scheduled'],
  failed: ['推送失败', 'failed'],
  refused: ['不予受理', 'refused'],
  inReview: ['审查中', 'in review'],
  correction: ['补正中', 'correction requested'],
  approved: ['已批准', 'approved'],
  suspended: ['中止（容缺逾期）', 'suspended'],
  issued: ['已出证', 'issued'],
  denied: ['不予许可', 'denied'],
  terminated: ['终止（退件）', 'terminated'],
  revoked: ['已撤销', 'revoked'],
  blocked: ['前置事项未通过', 'blocked'],
  withdrawn: ['已撤回', 'withdrawn'],
  draft: ['草稿', 'draft'],
  inProgress: ['办理中', 'in progress'],
  completed: ['已办结', 'completed'],
  partiallyCompleted: ['部分办结', 'partially completed'],
  unsuccessful: ['未办成', 'unsuccessful'],
};

/**
 * One line of a human-readable timeline for a runner step: when, what came in, and what changed
 * (item statuses, deadlines, 一次性告知, credit records). Used by `onething simulate` and the playground.
 */
export function describeStep(flow: Flow, step: RunnerStep, lang: Lang = 'zh-CN'): string {
  const en = lang === 'en';
  const name = (item: string) => {
    const found = flow.compiled.bundle.items.find((i) => i.id === item)?.name;
    return (en ? found?.en : undefined) ?? found?.['zh-CN'] ?? item;
  };
  const status = (s: string) => ITEM_STATUS[s]?.[en ? 1 : 0] ?? s;
  const what: string[] = [];
  for (const effect of step.decision.effects) {
    const text = describeEffect(effect, name, status, en);
    if (text) what.push(text);
  }
  for (const d of step.decision.diagnostics) if (d.severity !== 'info') what.push(`⚠ ${d.code}`);
  const when = step.input.at.replace('T', ' ').slice(0, 16);
  return `${when}  ${describeEvent(step.input.event, name, en)}${what.length ? ` → ${what.join('; ')}` : ''}`;
}

function describeEvent(event: FlowEvent, name: (item: string) => string, en: boolean): string {
  switch (event.type) {
    case 'adapterResult':
      return `${name(event.item)}: ${en ? 'department answered' : '部门应答'} ${event.result.status}`;
    case 'departmentUpdate':
      return `${name(event.item)}: ${en ? 'department update' : '部门更新'} ${event.update.status}`;
    case 'verificationResult':
      return `${name(event.item)}: ${en ? 'verification' : '核查'} ${event.material} ${event.result}`;
    case 'timer':
      return `${en ? 'timer' : '定时'} ${event.id}`;
    case 'answerCorrection':
    case 'operatorRetry':
      return `${event.type} ${name(event.item)}`;
    case 'supply':
      return `${en ? 'supplied' : '补交'} ${event.material}`;
    default:
      return event.type;
  }
}

function describeEffect(
  effect: FlowEffect,
  name: (item: string) => string,
  status: (s: string) => string,
  en: boolean,
): string | undefined {
  switch (effect.type) {
    case 'verify':
      return `${en ? 'verification task' : '核查任务'} ${name(effect.item)}/${effect.material} ≤ ${effect.due}`;
    case 'notify':
      return describeNotification(effect.notification, name, status, en);
    default:
      return undefined;
  }
}

function describeNotification(
  n: FlowNotification,
  name: (item: string) => string,
  status: (s: string) => string,
  en: boolean,
): string | undefined {
  switch (n.kind) {
    case 'itemStatus':
      return `${name(n.item)} ${status(n.to)}`;
    case 'applicationStatus':
      return `${en ? 'application' : '申请'} ${status(n.to)}`;
    case 'notice':
      return `${en ? 'one-time notice' : '一次性告知'}: ${n.notice.entries.length}`;
    case 'slaWarning':
      return `${en ? 'SLA warning' : '预警'} ${name(n.item)} (${en ? 'due' : '期限'} ${n.due})`;
    case 'overdue':
      return `${en ? 'OVERDUE' : '超期'} ${name(n.item)} (${n.due})`;
    case 'supplyOverdue':
      return `${en ? '容缺 material overdue' : '容缺材料逾期'} ${name(n.item)}: ${n.materials.join(', ')} (${en ? 'grace until' : '宽限至'} ${n.graceDue ?? '-'})`;
    case 'verificationOverdue':
      return `${en ? 'verification overdue' : '核查逾期'} ${name(n.item)}/${n.material}`;
    case 'creditRecord':
      return `${en ? 'credit record' : '信用记录'} ${name(n.item)}/${n.material}`;
    case 'dependantsAffected':
      return `${en ? 'to review after the revocation' : '撤销后需复核'}: ${n.dependants.map(name).join(', ')}`;
    case 'callFailed':
      return `${en ? 'call failed' : '推送失败'} ${name(n.item)} ${n.call}`;
  }
}
