import type { Diagnostic, Severity } from '@onething/engine';

/**
 * The diagnostic codes of the HTTP API, with zh-CN and en templates rendered from params: the same
 * shape as the engine's diagnostics (`{ code, severity, path, message, messages, params }`), so a
 * client shows a refused request like a refused form. A code never changes meaning.
 */
export const HTTP_DIAGNOSTICS = {
  HTTP_ALREADY_RATED: {
    severity: 'error',
    'zh-CN': '该办件已评价过，每件事只能评价一次。',
    en: 'This application has been rated already; it can be rated once.',
  },
  HTTP_BODY_TOO_LARGE: {
    severity: 'error',
    'zh-CN': '请求体过大（上限 {limit} 字节）。',
    en: 'The request body is too large (limit {limit} bytes).',
  },
  HTTP_BUSY: {
    severity: 'error',
    'zh-CN': '同时到达的回调过多，请稍后重新推送。',
    en: 'Too many callbacks at once; deliver again shortly.',
  },
  HTTP_FORBIDDEN: {
    severity: 'error',
    'zh-CN': '缺少或无效的凭证：{detail}',
    en: 'Missing or invalid credentials: {detail}',
  },
  HTTP_IDEMPOTENCY_KEY_REUSED: {
    severity: 'error',
    'zh-CN': '幂等键“{key}”已用于另一份不同的请求；重试时请发送相同的内容，新的请求请换一个键。',
    en: 'Idempotency key "{key}" was used for a different request; retry with the same body, or use a new key for a new request.',
  },
  HTTP_INVALID_REQUEST: {
    severity: 'error',
    'zh-CN': '请求（{location}）不符合接口定义：{detail}',
    en: 'The request {location} does not match the API: {detail}',
  },
  HTTP_MALFORMED_JSON: {
    severity: 'error',
    'zh-CN': '请求体不是有效的 JSON。',
    en: 'The request body is not valid JSON.',
  },
  HTTP_NUL_CHARACTER: {
    severity: 'error',
    'zh-CN': '请求体含有空字符（U+0000），无法保存。',
    en: 'The request body contains a NUL character (U+0000), which cannot be stored.',
  },
  HTTP_NOT_FOUND: {
    severity: 'error',
    'zh-CN': '找不到{what}。',
    en: 'No such {what}.',
  },
  HTTP_RATE_LIMITED: {
    severity: 'error',
    'zh-CN': '请求过于频繁，请在 {after} 后重试。',
    en: 'Too many requests; retry in {after}.',
  },
  HTTP_SIGNATURE_INVALID: {
    severity: 'error',
    'zh-CN': '回调签名无效：{detail}',
    en: 'The callback signature is invalid: {detail}',
  },
  HTTP_STALE_TIMESTAMP: {
    severity: 'error',
    'zh-CN': '回调时间戳不在允许的 ±{minutes} 分钟范围内（防重放）。',
    en: 'The callback timestamp is outside the allowed ±{minutes} minutes (replay protection).',
  },
  HTTP_TOO_EARLY: {
    severity: 'error',
    'zh-CN': '事项“{item}”的提交尚未确认，请稍后重新推送该状态。',
    en: 'The submission of item "{item}" is not confirmed yet; deliver the update again later.',
  },
  HTTP_UNKNOWN_BUNDLE: {
    severity: 'error',
    'zh-CN': '没有编号为“{bundleId}”的事项包。',
    en: 'There is no bundle "{bundleId}".',
  },
  HTTP_UNKNOWN_ITEM: {
    severity: 'error',
    'zh-CN': '事项包中没有可评价的事项“{item}”。',
    en: 'The bundle has no ratable item "{item}".',
  },
  HTTP_UNSUPPORTED_MEDIA_TYPE: {
    severity: 'error',
    'zh-CN': '不支持的请求内容类型 {contentType}；请发送 application/json。',
    en: 'Unsupported content type {contentType}; send application/json.',
  },
  HTTP_ERROR: {
    severity: 'error',
    'zh-CN': '请求失败（HTTP {status}）。',
    en: 'The request failed (HTTP {status}).',
  },
} as const satisfies Record<string, { severity: Severity; 'zh-CN': string; en: string }>;

export type HttpDiagnosticCode = keyof typeof HTTP_DIAGNOSTICS;

/** A diagnostic of the HTTP API: the engine's shape with an `HTTP_*` code. */
export type HttpDiagnostic = Omit<Diagnostic, 'code'> & { code: string };

const render = (template: string, params: Record<string, unknown>): string =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]).slice(0, 200) : `{${name}}`,
  );

/**
 * One diagnostic of `HTTP_DIAGNOSTICS`, both languages rendered from `params`.
 *
 * @example httpDiagnostic('HTTP_UNKNOWN_BUNDLE', { bundleId: 'nope' }, '/bundleId')
 */
export function httpDiagnostic(
  code: HttpDiagnosticCode,
  params: Record<string, unknown> = {},
  path = '',
): HttpDiagnostic {
  const entry = HTTP_DIAGNOSTICS[code];
  const zh = render(entry['zh-CN'], params);
  const en = render(entry.en, params);
  return { code, severity: entry.severity, path, message: zh, messages: { 'zh-CN': zh, en }, params };
}

/** The body of every 4xx: a short error, and the diagnostics saying what to change. */
export interface ErrorBody {
  error: string;
  diagnostics: Array<HttpDiagnostic | Diagnostic>;
}

export const errorBody = (error: string, diagnostics: ErrorBody['diagnostics']): ErrorBody => ({
  error,
  diagnostics,
});
