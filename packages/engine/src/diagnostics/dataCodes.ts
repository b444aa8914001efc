/**
 * The diagnostic codes of data checked at run time (values, materials, compiled modules), with
 * their severity and zh-CN/en templates: the part of `DIAGNOSTICS` the browser runtime carries.
 */
export const DATA_DIAGNOSTICS = {
  BUNDLE_MODULE_INVALID: {
    severity: 'error',
    'zh-CN': '编译后的事项包模块无效：{reason}。请用当前版本的 onething compile 重新生成。',
    en: 'The compiled bundle module is invalid: {reason}. Generate it again with this version of onething compile.',
  },
  DATA_ENUM: {
    severity: 'error',
    'zh-CN': '“{label}”的取值不在允许范围内{choices}。',
    en: '"{label}" must be one of the allowed values{choices}.',
  },
  DATA_FORMAT: {
    severity: 'error',
    'zh-CN': '“{label}”格式不正确：{detail}',
    en: '"{label}" is not valid: {detail}',
  },
  DATA_HIDDEN_FIELD: {
    severity: 'error',
    'zh-CN': '字段“{label}”当前不适用，不应提交。',
    en: 'Field "{label}" does not apply and must not be submitted.',
  },
  DATA_INVALID: {
    severity: 'error',
    'zh-CN': '“{label}”{detail}',
    en: '"{label}" {detail}',
  },
  DATA_MATERIAL_MISSING: {
    severity: 'error',
    'zh-CN': '缺少材料“{material}”（{items}需要）。{options}',
    en: 'Material "{material}" is missing (needed by {items}). {options}',
  },
  DATA_NOT_OBJECT: {
    severity: 'error',
    'zh-CN': '申请数据必须是对象，实际为 {actual}。',
    en: 'Application data must be an object, got {actual}.',
  },
  DATA_OUTPUT_FIELD: {
    severity: 'error',
    'zh-CN': '“{label}”由“{item}”办结后产生，不应由申请人提交。',
    en: '"{label}" is produced by "{item}" and must not be submitted by the applicant.',
  },
  DATA_REQUIRED: {
    severity: 'error',
    'zh-CN': '请填写“{label}”（{depts}需要）。',
    en: 'Please fill in "{label}" (needed by {depts}).',
  },
  DATA_REQUIRED_FIELD: {
    severity: 'error',
    'zh-CN': '请填写“{label}”。',
    en: 'Please fill in "{label}".',
  },
  DATA_RULE: {
    severity: 'error',
    'zh-CN': '{text}',
    en: '{text}',
  },
  DATA_TYPE: {
    severity: 'error',
    'zh-CN': '“{label}”应为{expected}。',
    en: '"{label}" must be {expected}.',
  },
  DATA_UNKNOWN_FIELD: {
    severity: 'error',
    'zh-CN': '未知字段“{field}”。',
    en: 'Unknown field "{field}".',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; 'zh-CN': string; en: string }>;

export type DataDiagnosticCode = keyof typeof DATA_DIAGNOSTICS;
