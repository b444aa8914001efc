import type { Lang } from '@onething/engine/runtime';
import { fill } from './messages.js';

/**
 * The texts of the status and rating views, apart from the form's (`MESSAGES`) so that they load with
 * those views (`embed-status.js`), not with every form. `{name}` placeholders.
 */
export const STATUS_MESSAGES = {
  optional: { 'zh-CN': '选填', en: 'optional' },
  labelValue: { 'zh-CN': '{label}：{value}', en: '{label}: {value}' },
  statusHeading: { 'zh-CN': '办件进度', en: 'Application progress' },
  statusApplicationId: { 'zh-CN': '申请编号', en: 'Application no.' },
  statusSubmittedAt: { 'zh-CN': '提交时间', en: 'Submitted' },
  statusApplication: { 'zh-CN': '办理状态', en: 'Status' },
  statusItems: { 'zh-CN': '各事项办理情况', en: 'Service items' },
  statusSkipped: { 'zh-CN': '不适用的事项：{items}', en: 'Not applicable: {items}' },
  statusRefreshFailed: {
    'zh-CN': '办件进度刷新失败：{reason}（显示的是上次获取的进度）',
    en: 'The status could not be refreshed: {reason} (showing the last status received)',
  },
  applicationDraft: { 'zh-CN': '填写中', en: 'being filled in' },
  applicationInProgress: { 'zh-CN': '办理中', en: 'in progress' },
  applicationCompleted: { 'zh-CN': '已办结', en: 'completed' },
  applicationPartiallyCompleted: { 'zh-CN': '部分办结', en: 'partly completed' },
  applicationUnsuccessful: { 'zh-CN': '未办成', en: 'not successful' },
  applicationWithdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  itemSkipped: { 'zh-CN': '不适用', en: 'not applicable' },
  itemWaiting: { 'zh-CN': '等待前序事项办结', en: 'waiting for earlier items' },
  itemDispatching: { 'zh-CN': '正在提交', en: 'being submitted' },
  itemRetryWait: { 'zh-CN': '提交未成功，将自动重试', en: 'submission will be retried' },
  itemFailed: { 'zh-CN': '提交失败，待工作人员处理', en: 'submission failed; staff will follow up' },
  itemRefused: { 'zh-CN': '不予受理', en: 'not accepted' },
  itemInReview: { 'zh-CN': '审查中', en: 'in review' },
  itemAcceptedWithMissing: { 'zh-CN': '容缺受理（待补交）', en: 'accepted with materials to supply' },
  itemCorrection: { 'zh-CN': '待补正', en: 'correction requested' },
  itemApproved: { 'zh-CN': '已批准', en: 'approved' },
  itemApprovedWithMissing: {
    'zh-CN': '已批准（补交容缺材料后发证）',
    en: 'approved; licence once the outstanding materials are supplied',
  },
  itemSuspended: { 'zh-CN': '已中止（容缺材料逾期未补交）', en: 'suspended (materials overdue)' },
  itemIssued: { 'zh-CN': '已办结', en: 'completed' },
  itemDenied: { 'zh-CN': '不予许可', en: 'denied' },
  itemTerminated: { 'zh-CN': '已退件（容缺材料未补交）', en: 'terminated (materials not supplied)' },
  itemRevoked: { 'zh-CN': '已撤销', en: 'revoked' },
  itemBlocked: { 'zh-CN': '无法继续（前序事项未办成）', en: 'blocked by an earlier item' },
  itemWithdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  itemDepartment: { 'zh-CN': '承办部门', en: 'Department' },
  itemStatus: { 'zh-CN': '办理状态', en: 'Status' },
  itemReceipt: { 'zh-CN': '受理编号', en: 'Receipt no.' },
  itemDeadline: { 'zh-CN': '办理时限', en: 'Time limit' },
  itemSupply: { 'zh-CN': '容缺补交', en: 'Materials to supply' },
  itemVerifications: { 'zh-CN': '告知承诺核查', en: 'Checks of commitments' },
  itemLicence: { 'zh-CN': '证照', en: 'Licence' },
  itemReasons: { 'zh-CN': '原因说明', en: 'Reasons' },
  deadlineLeft: {
    'zh-CN': '剩余 {days} 个工作日（{due} 截止）',
    en: '{days} working day(s) left (due {due})',
  },
  deadlineToday: { 'zh-CN': '今天是办理时限的最后一天（{due}）', en: 'Due today ({due})' },
  deadlineOverdue: {
    'zh-CN': '已超期 {days} 个工作日（时限 {due}）',
    en: '{days} working day(s) overdue (due {due})',
  },
  deadlinePassed: { 'zh-CN': '已超过办理时限（{due}）', en: 'Past the time limit ({due})' },
  pausedCorrection: { 'zh-CN': '已暂停计时（补正）', en: 'Clock paused (correction)' },
  pausedSpecialStep: { 'zh-CN': '已暂停计时（特殊环节）', en: 'Clock paused (special procedure)' },
  pausedSuspension: { 'zh-CN': '已暂停计时（容缺中止）', en: 'Clock paused (suspension)' },
  supplyBy: { 'zh-CN': '请于 {date} 前补交：{materials}', en: 'Supply by {date}: {materials}' },
  supplyPending: { 'zh-CN': '待补交：{materials}', en: 'To supply: {materials}' },
  supplyGrace: { 'zh-CN': '宽限期至 {date}', en: 'grace period until {date}' },
  verificationPending: { 'zh-CN': '待核查', en: 'to be checked' },
  verificationPendingDue: { 'zh-CN': '待核查（{due} 前完成）', en: 'to be checked by {due}' },
  verificationVerified: { 'zh-CN': '核查通过', en: 'checked and confirmed' },
  verificationBreached: { 'zh-CN': '承诺不实', en: 'commitment found false' },
  verificationExempt: { 'zh-CN': '免于核查', en: 'exempt from checks' },
  licenceNo: { 'zh-CN': '编号 {no}', en: 'no. {no}' },
  licenceElectronic: { 'zh-CN': '（电子证照）', en: ' (electronic licence)' },
  licenceView: { 'zh-CN': '查看电子证照', en: 'View the electronic licence' },
  ratingHeading: { 'zh-CN': '服务评价', en: 'Rate this service' },
  ratingOverall: { 'zh-CN': '总体评价', en: 'Overall' },
  ratingLevel5: { 'zh-CN': '非常满意', en: 'Very satisfied' },
  ratingLevel4: { 'zh-CN': '满意', en: 'Satisfied' },
  ratingLevel3: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  ratingLevel2: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  ratingLevel1: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
  ratingReasons: { 'zh-CN': '不满意的原因（至少选一项）', en: 'What went wrong? (choose at least one)' },
  ratingReasonEfficiency: { 'zh-CN': '办事效率', en: 'Speed of handling' },
  ratingReasonAttitude: { 'zh-CN': '服务态度', en: 'Staff attitude' },
  ratingReasonGuide: { 'zh-CN': '办事指南', en: 'Service guide' },
  ratingReasonPlatform: { 'zh-CN': '平台操作', en: 'Using the platform' },
  ratingComment: {
    'zh-CN': '意见建议（选填，最多 {max} 字）',
    en: 'Comments (optional, up to {max} characters)',
  },
  ratingSubmit: { 'zh-CN': '提交评价', en: 'Submit rating' },
  ratingThanks: { 'zh-CN': '感谢您的评价！', en: 'Thank you for your rating.' },
  ratingLevelMissing: { 'zh-CN': '请为“{target}”选择评价等级', en: 'Choose a rating for “{target}”' },
  ratingReasonMissing: {
    'zh-CN': '“{target}”评价为不满意时，请至少选择一项原因',
    en: 'For “{target}”, choose at least one reason for the low rating',
  },
  ratingCommentTooLong: {
    'zh-CN': '意见建议最多 {max} 字，现为 {count} 字',
    en: 'Comments can have at most {max} characters; they have {count}',
  },
} as const;

export type StatusMessageKey = keyof typeof STATUS_MESSAGES;

/** One of the status and rating texts in `lang`, with `{name}` placeholders filled from `params`. */
export function ts(lang: Lang, key: StatusMessageKey, params: Record<string, string | number> = {}): string {
  return fill(STATUS_MESSAGES[key][lang], params);
}
