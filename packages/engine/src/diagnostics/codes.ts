import { DATA_DIAGNOSTICS } from './dataCodes.js';

/**
 * Every diagnostic code, sorted, with its severity and zh-CN/en templates.
 * `{name}` placeholders are filled from the diagnostic's params.
 * A code never changes meaning; add new codes instead.
 */
export const DIAGNOSTICS = {
  ...DATA_DIAGNOSTICS,
  ADAPTER_SCRIPT_PLACEHOLDER: {
    severity: 'warning',
    'zh-CN': '模拟部门脚本的模式“{pattern}”含未知占位符 {placeholder}，将原样输出。可用占位符：{allowed}。',
    en: 'Pattern "{pattern}" of the simulated department script has an unknown placeholder {placeholder}; it is kept as is. Placeholders: {allowed}.',
  },
  ADAPTER_SCRIPT_TYPE: {
    severity: 'error',
    'zh-CN': '模拟部门脚本中“{name}”应为{expected}，实际为 {actual}。',
    en: '"{name}" in the simulated department script must be {expected}, got {actual}.',
  },
  ADAPTER_SCRIPT_UNKNOWN_KEY: {
    severity: 'error',
    'zh-CN': '模拟部门脚本中有未知属性“{key}”{hint}。可用属性：{allowed}。',
    en: 'Unknown property "{key}" in the simulated department script{hint}. Properties: {allowed}.',
  },
  ADAPTER_SCRIPT_UNKNOWN_STEP: {
    severity: 'error',
    'zh-CN': '模拟部门脚本中有未知的办理步骤“{status}”{hint}。可用步骤：{allowed}。',
    en: 'Unknown step "{status}" in the simulated department script{hint}. Steps: {allowed}.',
  },
  BUNDLE_COMPILE_FAILED: {
    severity: 'error',
    'zh-CN': '捆绑包通过了检查，但无法编译：{reason}。这是引擎的问题，请附上捆绑包报告。',
    en: 'The bundle passed its checks but could not be compiled: {reason}. This is an engine bug; please report it with the bundle attached.',
  },
  CEL_FIELD_KEY_INVALID: {
    severity: 'warning',
    'zh-CN':
      '字段键“{field}”无法在规则表达式中使用（{problem}）：键须以字母或下划线开头、只含字母、数字和下划线，且不能是保留字或 today。',
    en: 'Field key "{field}" cannot be used in CEL expressions ({problem}): a key must start with a letter or underscore, contain only letters, digits and underscores, and not be a reserved word or today.',
  },
  CEL_SYNTAX: {
    severity: 'error',
    'zh-CN': '规则表达式语法错误：{detail}（表达式：{expr}）',
    en: 'CEL syntax error: {detail} (expression: {expr})',
  },
  CEL_TOO_COMPLEX: {
    severity: 'error',
    'zh-CN':
      '规则表达式过于复杂，可能运行过久或占用过多内存（{reason}）。请拆分规则、缩小列表；正则须为字面量，且重复的分组内不含量词或“|”。（表达式：{expr}）',
    en: 'The expression is too complex to run safely ({reason}). Split the rule or use smaller lists; a regular expression must be a literal, with no quantifier or "|" inside a repeated group. (expression: {expr})',
  },
  CEL_TYPE: {
    severity: 'error',
    'zh-CN': '规则表达式类型错误：{detail}（表达式：{expr}）',
    en: 'CEL type error: {detail} (expression: {expr})',
  },
  CEL_WRONG_RESULT_TYPE: {
    severity: 'error',
    'zh-CN': '规则表达式应返回 {expected}，实际返回 {actual}（表达式：{expr}）',
    en: 'The expression must return {expected} but returns {actual} (expression: {expr})',
  },
  COMPUTED_CYCLE: {
    severity: 'error',
    'zh-CN': '计算字段之间存在循环依赖：{cycle}',
    en: 'Computed fields depend on each other in a cycle: {cycle}',
  },
  DEPENDENCY_CYCLE: {
    severity: 'error',
    'zh-CN': '事项依赖关系存在循环：{cycle}',
    en: 'Items depend on each other in a cycle: {cycle}',
  },
  DUPLICATE_ID: {
    severity: 'error',
    'zh-CN': '{kind} id “{id}”重复（首次出现在 {first}）。',
    en: 'Duplicate {kind} id "{id}" (first defined at {first}).',
  },
  DUPLICATE_KEY: {
    severity: 'error',
    'zh-CN': '键“{key}”重复出现。',
    en: 'Key "{key}" appears more than once.',
  },
  FIELD_NOT_IN_LAYOUT: {
    severity: 'warning',
    'zh-CN': '字段“{field}”未出现在任何分组中，将显示在“其他信息”。',
    en: 'Field "{field}" is in no layout section; it will be shown under "Other".',
  },
  FIELD_UNUSED: {
    severity: 'info',
    'zh-CN': '字段“{field}”既未被任何事项使用，也未被任何规则引用。',
    en: 'Field "{field}" is used by no item and no rule.',
  },
  FLOW_BAD_INPUT: {
    severity: 'error',
    'zh-CN': '流程输入格式错误，已忽略：{detail}',
    en: 'A flow input has the wrong shape and was ignored: {detail}',
  },
  FLOW_CALL_FAILED: {
    severity: 'warning',
    'zh-CN': '向“{item}”发送{call}失败，需人工跟进：{message}',
    en: 'Sending the {call} to "{item}" failed and needs an operator: {message}',
  },
  FLOW_CLOCK_BACKWARDS: {
    severity: 'warning',
    'zh-CN': '输入时间 {at} 早于上一次输入 {last}（时钟回拨），按 {last} 处理。',
    en: 'The input time {at} is before the last input {last} (the clock went backwards); {last} is used.',
  },
  FLOW_DUPLICATE_UPDATE: {
    severity: 'info',
    'zh-CN': '部门事件 {eventId} 已处理过，重复投递被忽略。',
    en: 'Department event {eventId} was already applied; the repeated delivery is ignored.',
  },
  FLOW_EVENT_NOT_ALLOWED: {
    severity: 'warning',
    'zh-CN': '“{event}”在当前状态（{status}）下不适用，已忽略。{hint}',
    en: '"{event}" does not apply in the current state ({status}) and was ignored. {hint}',
  },
  FLOW_ISSUE_WITHHELD: {
    severity: 'warning',
    'zh-CN': '“{item}”的容缺材料（{materials}）尚未补齐，不能出证。',
    en: 'The licence of "{item}" cannot be issued while 容缺 materials ({materials}) are outstanding.',
  },
  FLOW_STATE_MISMATCH: {
    severity: 'error',
    'zh-CN': '持久化记录与当前流程不符：{detail}',
    en: 'The persisted record does not match this flow: {detail}',
  },
  FLOW_SUBMISSION_INVALID: {
    severity: 'error',
    'zh-CN': '申请有 {count} 处问题未通过预审，已一次性告知，未提交。',
    en: 'The application has {count} problems and was not submitted; all of them are in the one-time notice.',
  },
  FLOW_TIMER_EARLY: {
    severity: 'warning',
    'zh-CN': '定时器 {id} 应于 {due} 触发，当前时间 {at} 尚未到期，已忽略。',
    en: 'Timer {id} is due at {due}, not at {at}; it was ignored.',
  },
  FLOW_UNEXPECTED_OUTPUT: {
    severity: 'warning',
    'zh-CN': '“{item}”返回了未声明的产出字段 {field}，已忽略。',
    en: '"{item}" returned output {field}, which it does not declare; it was ignored.',
  },
  FLOW_UNKNOWN_CALL: {
    severity: 'warning',
    'zh-CN': '调用 {callId} 不在进行中（重复或迟到的应答），已忽略。',
    en: 'Call {callId} is not in flight (a repeated or late answer); it was ignored.',
  },
  FLOW_UNKNOWN_ITEM: {
    severity: 'error',
    'zh-CN': '本事项包中没有事项“{item}”。',
    en: 'This bundle has no item "{item}".',
  },
  FLOW_UNKNOWN_TIMER: {
    severity: 'warning',
    'zh-CN': '定时器 {id} 未设置或已取消，已忽略。',
    en: 'Timer {id} is not armed (cancelled or already fired); it was ignored.',
  },
  FORBIDDEN_KEY: {
    severity: 'error',
    'zh-CN': '不允许使用键名“{key}”（它与 JavaScript 对象的内置属性同名）。',
    en: 'The key "{key}" is not allowed (it clashes with a built-in JavaScript object property).',
  },
  LIMIT_BUNDLE_TOO_SHORT: {
    severity: 'warning',
    'zh-CN': '整体承诺时限 {promised} 个工作日短于最长依赖链 {chain}（共 {needed} 个工作日）。',
    en: 'The bundle promises {promised} working days, less than its longest dependency chain {chain} ({needed} days).',
  },
  LIMIT_EXCEEDS_LEGAL: {
    severity: 'error',
    'zh-CN': '事项“{item}”的承诺时限 {promised} 个工作日超过法定时限 {legal} 个工作日。',
    en: 'Item "{item}" promises {promised} working days, more than its legal limit of {legal}.',
  },
  LIMIT_SUPPLY_EXCEEDS_PROMISED: {
    severity: 'warning',
    'zh-CN':
      '材料“{material}”容缺后补期限 {supply} 个工作日超过事项“{item}”的承诺时限 {promised} 个工作日；后补期限不应超过承诺办结时限。',
    en: 'Material "{material}" may be supplied within {supply} working days, more than the {promised} days item "{item}" promises; the supply deadline must not exceed the promised limit.',
  },
  MAPPING_INVALID: {
    severity: 'error',
    'zh-CN': '字段映射无效：{detail}',
    en: 'Invalid field mapping: {detail}',
  },
  MAPPING_MISSING: {
    severity: 'error',
    'zh-CN': '部门表单字段“{prop}”没有映射到共享字段。',
    en: 'Department form field "{prop}" is not mapped to a shared field.',
  },
  MERGE_CONSTRAINT_EMPTY: {
    severity: 'error',
    'zh-CN':
      '字段“{field}”的约束互相矛盾：{departmentA}“{itemA}”的 {pathA} 要求 {a}，{departmentB}“{itemB}”的 {pathB} 要求 {b}，没有值能同时满足。',
    en: 'Field "{field}" has contradictory constraints: {departmentA} ("{itemA}") at {pathA} requires {a}, {departmentB} ("{itemB}") at {pathB} requires {b}; no value satisfies both.',
  },
  MERGE_ENUM_EMPTY: {
    severity: 'error',
    'zh-CN':
      '字段“{field}”的可选值没有交集：{departmentA}“{itemA}”的 {pathA} 允许 {a}，{departmentB}“{itemB}”的 {pathB} 允许 {b}。',
    en: 'Field "{field}" has no common allowed value: {departmentA} ("{itemA}") at {pathA} allows {a}, {departmentB} ("{itemB}") at {pathB} allows {b}.',
  },
  MERGE_ENUM_NARROWED: {
    severity: 'info',
    'zh-CN': '字段“{field}”的可选值按“{item}”收窄为 {values}。',
    en: 'Field "{field}" narrowed to {values} by "{item}".',
  },
  MERGE_FORMAT_CONFLICT: {
    severity: 'error',
    'zh-CN':
      '字段“{field}”的格式冲突：{departmentA}“{itemA}”的 {pathA} 为 {a}，{departmentB}“{itemB}”的 {pathB} 为 {b}。',
    en: 'Field "{field}" has conflicting formats: {departmentA} ("{itemA}") at {pathA} is {a}, {departmentB} ("{itemB}") at {pathB} is {b}.',
  },
  MERGE_TYPE_CONFLICT: {
    severity: 'error',
    'zh-CN':
      '字段“{field}”的类型冲突：{departmentA}“{itemA}”的 {pathA} 为 {a}，{departmentB}“{itemB}”的 {pathB} 为 {b}。',
    en: 'Field "{field}" has conflicting types: {departmentA} ("{itemA}") at {pathA} is {a}, {departmentB} ("{itemB}") at {pathB} is {b}.',
  },
  NESTING_TOO_DEEP: {
    severity: 'error',
    'zh-CN': '嵌套层级过深（超过 {limit} 层）。',
    en: 'Nesting is too deep (more than {limit} levels).',
  },
  OUTPUT_BEFORE_AVAILABLE: {
    severity: 'error',
    'zh-CN':
      '事项“{item}”使用了“{field}”，但它由“{producer}”产生，而“{item}”并不依赖“{producer}”。请在 dependsOn 中加入“{producer}”。',
    en: 'Item "{item}" uses "{field}", produced by "{producer}", but does not depend on "{producer}". Add "{producer}" to its dependsOn.',
  },
  OUTPUT_DUPLICATE: {
    severity: 'error',
    'zh-CN': '字段“{field}”同时是“{itemA}”和“{itemB}”的产出。',
    en: 'Field "{field}" is an output of both "{itemA}" and "{itemB}".',
  },
  PATTERN_INVALID: {
    severity: 'error',
    'zh-CN': '正则表达式无效：{detail}',
    en: 'Invalid regular expression: {detail}',
  },
  PATTERN_UNSAFE: {
    severity: 'error',
    'zh-CN':
      '正则表达式“{pattern}”可能回溯极久（重复的分组内含量词或“|”），申请人输入一个字符串即可卡住校验。请改写，例如用字符类 [ab]+ 代替 (a|b)+。',
    en: 'Regular expression "{pattern}" can backtrack for an extremely long time (a repeated group contains a quantifier or "|"): one applicant string could stall validation. Rewrite it, e.g. [ab]+ instead of (a|b)+.',
  },
  SCHEMA_VIOLATION: {
    severity: 'error',
    'zh-CN': '{detail}',
    en: '{detail}',
  },
  SIMULATION_SCRIPT_INVALID: {
    severity: 'error',
    'zh-CN': '模拟脚本有误：{detail}',
    en: 'The simulation script is wrong here: {detail}',
  },
  SOURCE_EMPTY: {
    severity: 'error',
    'zh-CN': '文件为空。',
    en: 'The file is empty.',
  },
  SOURCE_TOO_LARGE: {
    severity: 'error',
    'zh-CN': '文件过大（{size} 字节，上限 {limit} 字节）。',
    en: 'The file is too large ({size} bytes, limit {limit}).',
  },
  SYNTAX_JSON: {
    severity: 'error',
    'zh-CN': 'JSON 语法错误：{detail}',
    en: 'JSON syntax error: {detail}',
  },
  SYNTAX_YAML: {
    severity: 'error',
    'zh-CN': 'YAML 语法错误：{detail}',
    en: 'YAML syntax error: {detail}',
  },
  TRACE_AFTER_END: {
    severity: 'error',
    'zh-CN': '结束行之后还有内容（第 {line} 行）。',
    en: 'There is content after the end line (line {line}).',
  },
  TRACE_BUNDLE_MISMATCH: {
    severity: 'error',
    'zh-CN':
      '轨迹由另一版本的事项包或流程记录（{detail}），不能用当前版本重放。请用记录时的版本重放，或重新录制。',
    en: 'The trace was recorded with another bundle or flow version ({detail}) and cannot be replayed with this one. Replay it with the version it was recorded with, or record it again.',
  },
  TRACE_DIVERGED: {
    severity: 'error',
    'zh-CN': '重放在第 {step} 步（第 {line} 行）出现偏差：{what}与记录不同。',
    en: 'Replay diverged at step {step} (line {line}): the {what} differ from the recording.',
  },
  TRACE_EMPTY: {
    severity: 'error',
    'zh-CN': '轨迹为空。',
    en: 'The trace is empty.',
  },
  TRACE_FORMAT_UNKNOWN: {
    severity: 'error',
    'zh-CN': '不支持的轨迹格式 {format} 版本 {version}（支持 onething-trace 版本 {supported}）。',
    en: 'Unsupported trace format {format} version {version} (onething-trace version {supported} is supported).',
  },
  TRACE_HEADER_DUPLICATE: {
    severity: 'error',
    'zh-CN': '第 {line} 行又出现一个头部行；一个轨迹只能有一个头部。',
    en: 'Line {line} is a second header; a trace has exactly one.',
  },
  TRACE_HEADER_MISSING: {
    severity: 'error',
    'zh-CN': '第 1 行应为头部行（"kind": "header"）。',
    en: 'Line 1 must be the header ("kind": "header").',
  },
  TRACE_LINE_INVALID: {
    severity: 'error',
    'zh-CN': '第 {line} 行格式不正确：{detail}',
    en: 'Line {line} has the wrong shape: {detail}',
  },
  TRACE_LINE_TOO_LONG: {
    severity: 'error',
    'zh-CN': '第 {line} 行过长（{size} 个字符，上限 {limit}）。',
    en: 'Line {line} is too long ({size} characters, limit {limit}).',
  },
  TRACE_NOT_TEXT: {
    severity: 'error',
    'zh-CN': '轨迹应为文本（JSON Lines），实际为 {actual}。',
    en: 'A trace must be text (JSON Lines), not {actual}.',
  },
  TRACE_STEP_ORDER: {
    severity: 'error',
    'zh-CN': '第 {line} 行应为第 {expected} 步，实际为 {actual}。',
    en: 'Line {line} should be step {expected} but is {actual}.',
  },
  TRACE_SYNTAX: {
    severity: 'error',
    'zh-CN': '第 {line} 行不是有效的 JSON：{detail}',
    en: 'Line {line} is not valid JSON: {detail}',
  },
  TRACE_TOO_LARGE: {
    severity: 'error',
    'zh-CN': '轨迹过大（{size} 个字符，上限 {limit}）。',
    en: 'The trace is too large ({size} characters, limit {limit}).',
  },
  TRACE_TOO_MANY_LINES: {
    severity: 'error',
    'zh-CN': '轨迹行数过多（上限 {limit} 行），其余行未读取。',
    en: 'The trace has too many lines (limit {limit}); the rest were not read.',
  },
  TRACE_TRUNCATED: {
    severity: 'error',
    'zh-CN': '轨迹不完整：{detail}',
    en: 'The trace is incomplete: {detail}',
  },
  UNKNOWN_REFERENCE: {
    severity: 'error',
    'zh-CN': '引用了不存在的{kind}“{ref}”。{hint}',
    en: 'Unknown {kind} "{ref}".{hint}',
  },
  VALUE_NOT_JSON: {
    severity: 'error',
    'zh-CN': '此处的值不是 JSON 数据（{actual}）。',
    en: 'The value here is not JSON data ({actual}).',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; 'zh-CN': string; en: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
