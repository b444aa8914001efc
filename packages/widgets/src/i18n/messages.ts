import type { Lang } from '@onething/engine/runtime';

/** The widgets' own texts (bundle texts come from the bundle). `{name}` placeholders. */
export const MESSAGES = {
  required: { 'zh-CN': '必填', en: 'required' },
  providedTo: { 'zh-CN': '将提供给：{departments}', en: 'Shared with: {departments}' },
  computed: { 'zh-CN': '自动生成', en: 'filled in automatically' },
  errorSummary: { 'zh-CN': '还有 {count} 处需要处理', en: '{count} problem(s) to fix' },
  summaryMore: {
    'zh-CN': '另有 {count} 处未列出，各字段旁均已标出',
    en: '{count} more not listed here; each is marked at its field',
  },
  summaryShowAll: { 'zh-CN': '列出全部 {count} 处', en: 'List all {count}' },
  submit: { 'zh-CN': '提交申请', en: 'Submit' },
  next: { 'zh-CN': '下一步', en: 'Next' },
  previous: { 'zh-CN': '上一步', en: 'Back' },
  review: { 'zh-CN': '核对信息', en: 'Review' },
  step: { 'zh-CN': '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  choose: { 'zh-CN': '请选择', en: 'Choose…' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  loadFailed: { 'zh-CN': '表单加载失败：{reason}', en: 'The form could not be loaded: {reason}' },
  otherSection: { 'zh-CN': '其他信息', en: 'Other information' },
  separator: { 'zh-CN': '、', en: ', ' },
  edit: { 'zh-CN': '修改', en: 'Edit' },
  precheck: { 'zh-CN': '检查是否齐全', en: 'Check what is missing' },
  confirmSubmit: { 'zh-CN': '确认提交', en: 'Confirm and submit' },
  backToForm: { 'zh-CN': '返回修改', en: 'Back to the form' },
  entries: { 'zh-CN': '{count} 项', en: '{count} entries' },
  regionHint: { 'zh-CN': '6 位行政区划代码，如 350203', en: '6-digit division code, e.g. 350203' },
  regionProvince: { 'zh-CN': '省（自治区、直辖市）', en: 'Province' },
  regionPrefecture: { 'zh-CN': '市（地区、州、盟）', en: 'City or prefecture' },
  regionCounty: { 'zh-CN': '区县', en: 'County or district' },
  regionLoading: { 'zh-CN': '正在加载行政区划…', en: 'Loading the list of places…' },
  regionLoadFailed: {
    'zh-CN': '行政区划列表加载失败（{reason}），请直接输入 6 位行政区划代码',
    en: 'The list of places could not be loaded ({reason}); type the 6-digit division code instead',
  },
  regionUnknown: {
    'zh-CN': '代码 {code} 不在现行行政区划中，请重新选择',
    en: 'Code {code} is not a current division; choose again',
  },
  repeatEntry: { 'zh-CN': '第 {n} 项', en: 'Entry {n}' },
  repeatAdd: { 'zh-CN': '添加一项', en: 'Add an entry' },
  repeatRemove: { 'zh-CN': '删除第 {n} 项', en: 'Remove entry {n}' },
  repeatMoveUp: { 'zh-CN': '上移第 {n} 项', en: 'Move entry {n} up' },
  repeatMoveDown: { 'zh-CN': '下移第 {n} 项', en: 'Move entry {n} down' },
  repeatMoved: { 'zh-CN': '第 {from} 项已移到第 {to} 项', en: 'Entry {from} moved to position {to}' },
  repeatRemoved: { 'zh-CN': '已删除第 {n} 项，还有 {count} 项', en: 'Entry {n} removed; {count} left' },
  statusLoadFailed: { 'zh-CN': '办件进度加载失败：{reason}', en: 'The status could not be loaded: {reason}' },
  materialsTitle: { 'zh-CN': '申请材料', en: 'Materials' },
  materialForItems: { 'zh-CN': '用于：{items}', en: 'Needed for: {items}' },
  materialFormOriginal: { 'zh-CN': '原件', en: 'original' },
  materialFormCopy: { 'zh-CN': '复印件', en: 'copy' },
  materialFormOriginalAndCopy: { 'zh-CN': '原件及复印件', en: 'original and copy' },
  materialCopies: { 'zh-CN': '{n} 份', en: '{n} copies' },
  materialFromOutput: {
    'zh-CN': '由前序事项自动提供（免提交）',
    en: 'Provided automatically by an earlier item (nothing to submit)',
  },
  materialMissing: { 'zh-CN': '尚未提供', en: 'Not provided yet' },
  materialUndo: { 'zh-CN': '撤销，重新选择', en: 'Undo and choose again' },
  materialWays: { 'zh-CN': '提供方式', en: 'How to provide it' },
  wayProvided: { 'zh-CN': '上传材料', en: 'Upload' },
  wayELicence: { 'zh-CN': '使用电子证照（免证）', en: 'Use the electronic licence' },
  wayDeferred: { 'zh-CN': '容缺受理，后补', en: 'Supply it later (容缺受理)' },
  wayCommitted: { 'zh-CN': '签署告知承诺', en: 'Sign the commitment (告知承诺)' },
  uploadLabel: { 'zh-CN': '选择文件', en: 'Choose files' },
  uploadTypes: { 'zh-CN': '支持格式：{types}', en: 'Accepted: {types}' },
  uploadMaxSize: { 'zh-CN': '单个文件不超过 {size} MB', en: 'Up to {size} MB per file' },
  fileNone: { 'zh-CN': '请选择文件', en: 'Choose a file' },
  fileType: {
    'zh-CN': '文件“{name}”的格式不符合要求（支持：{types}）',
    en: '“{name}” is not an accepted type ({types})',
  },
  fileSize: { 'zh-CN': '文件“{name}”超过 {size} MB', en: '“{name}” is larger than {size} MB' },
  fileEmpty: { 'zh-CN': '文件“{name}”是空文件', en: '“{name}” is empty' },
  eLicenceType: { 'zh-CN': '电子证照：{type}', en: 'Electronic licence: {type}' },
  eLicenceUse: { 'zh-CN': '使用电子证照', en: 'Use the electronic licence' },
  eLicencePending: { 'zh-CN': '正在查询电子证照…', en: 'Looking up the electronic licence…' },
  eLicenceNotFound: {
    'zh-CN': '未查到可用的电子证照，请选择其他方式',
    en: 'No electronic licence was found; choose another way',
  },
  eLicenceFailed: {
    'zh-CN': '电子证照查询失败，请稍后重试或选择其他方式',
    en: 'The electronic licence lookup failed; try again later or choose another way',
  },
  deferDeadline: {
    'zh-CN': '须在受理后 {days} 个工作日内补交',
    en: 'Must be supplied within {days} working day(s) after acceptance',
  },
  deferPledge: {
    'zh-CN': '本人承诺在受理后 {days} 个工作日内补交该材料；逾期未补交的，同意按规定中止或终止办理。',
    en: 'I undertake to supply this material within {days} working day(s) after acceptance; if I do not, the application may be suspended or terminated as the rules provide.',
  },
  deferSign: { 'zh-CN': '签署容缺承诺', en: 'Sign and supply later' },
  commitAgree: {
    'zh-CN': '本人已阅读上述承诺，确认内容属实并愿意承担相应责任',
    en: 'I have read this commitment, confirm it is true and accept the liability',
  },
  commitSign: { 'zh-CN': '签署告知承诺', en: 'Sign the commitment' },
  signerLabel: { 'zh-CN': '签署人姓名', en: "Signer's full name" },
  signNotAgreed: { 'zh-CN': '请先勾选同意承诺内容', en: 'Tick the box to accept the commitment first' },
  signerMissing: { 'zh-CN': '请填写签署人姓名', en: "Enter the signer's name" },
  decisionProvided: { 'zh-CN': '已上传：{files}', en: 'Uploaded: {files}' },
  decisionProvidedNoFiles: { 'zh-CN': '已提供', en: 'Provided' },
  materialOptional: { 'zh-CN': '（选填）', en: ' (optional)' },
  decisionELicence: { 'zh-CN': '使用电子证照', en: 'Electronic licence' },
  decisionLicenceNo: { 'zh-CN': '使用电子证照（证照编号：{no}）', en: 'Electronic licence (no. {no})' },
  decisionDeferred: {
    'zh-CN': '容缺后补：{signer} 于 {at} 签署容缺承诺',
    en: 'To be supplied later: signed by {signer} at {at}',
  },
  decisionCommitted: {
    'zh-CN': '告知承诺：{signer} 于 {at} 签署',
    en: 'Commitment signed by {signer} at {at}',
  },
  noticeTitle: {
    'zh-CN': '一次性告知：共 {count} 项需要补充或更正',
    en: 'One-time notice: {count} thing(s) to supply or correct',
  },
  noticeComplete: { 'zh-CN': '材料和信息齐全', en: 'All information and materials are complete' },
  noticePrint: { 'zh-CN': '打印告知单', en: 'Print the notice' },
  noticeDepartment: { 'zh-CN': '{department}（{count} 项）', en: '{department} ({count})' },
  noticeField: { 'zh-CN': '信息', en: 'Information' },
  noticeMaterial: { 'zh-CN': '材料', en: 'Material' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A template with `{name}` placeholders filled from `params`. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? ''));
}

/** One of the widgets' texts in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][lang], params);
}
