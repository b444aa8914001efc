import { backoffDelay } from './backoffDelay.js';
import type { FetchInit, FetchLike, ResponseLike } from './hostGlobals.js';
import { linkSignal } from './linkSignal.js';
import type { AbortSignalLike } from './types.js';

/** How a JSON exchange with a department ended: a 2xx with its parsed body, or a failure. */
export type HttpReply =
  | { ok: true; status: number; body: unknown }
  | { ok: false; status?: number; transient: boolean; message: string };

export interface SendOptions {
  fetch: FetchLike;
  method: 'GET' | 'POST';
  url: string;
  /** For messages: `POST /submissions`. */
  label: string;
  headers: Record<string, string>;
  body?: unknown;
  signal: AbortSignalLike;
  timeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  sleep: (ms: number, signal: AbortSignalLike) => Promise<void>;
  /**
   * Asked before each repeat, with the failure that calls for it: a reply ends the exchange with that
   * reply (e.g. the other side has the request already), undefined sends again. For servers that do
   * not honour `Idempotency-Key`.
   */
  beforeRetry?: (last: HttpReply) => Promise<HttpReply | undefined>;
}

const TRANSIENT_STATUS = new Set([408, 425, 429]);
const MAX_DETAIL = 200;

const failure = (transient: boolean, message: string, status?: number): HttpReply =>
  status === undefined ? { ok: false, transient, message } : { ok: false, status, transient, message };

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return text + cause;
}

/** `Retry-After` in delta-seconds, as milliseconds; an HTTP date is ignored (it would need a clock). */
function retryAfterMs(response: ResponseLike): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

/** Classify one HTTP answer: which failures are worth retrying, and whether the body is JSON. */
function classify(response: ResponseLike, text: string, label: string): HttpReply {
  const { status } = response;
  let body: unknown;
  let json = true;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    json = false;
  }
  if (status >= 200 && status < 300) {
    if (json) return { ok: true, status, body };
    return failure(false, `${label} answered HTTP ${status} with a body that is not JSON`, status);
  }
  const said =
    typeof (body as { message?: unknown })?.message === 'string'
      ? (body as { message: string }).message
      : text.trim();
  const detail = said ? `: ${said.length > MAX_DETAIL ? `${said.slice(0, MAX_DETAIL)}…` : said}` : '';
  const transient = TRANSIENT_STATUS.has(status) || status >= 500;
  return failure(transient, `${label} answered HTTP ${status}${detail}`, status);
}

/**
 * One JSON exchange, retried with exponential backoff and full jitter while it fails transiently
 * (network error, per-attempt timeout, 408, 425, 429, 5xx); `Retry-After` seconds are honoured up to
 * `maxDelayMs`. Every retry sends the same headers, so the same `Idempotency-Key`. Never throws; the
 * caller's abort ends it at once with the transient failure `aborted`.
 */
export async function sendWithRetry(options: SendOptions): Promise<HttpReply> {
  const { signal, label } = options;
  const aborted = failure(true, 'aborted');
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts) || 1);
  let last: HttpReply = aborted;
  let attempt = 0;
  while (attempt < maxAttempts) {
    attempt += 1;
    if (signal.aborted) return aborted;
    const link = linkSignal(signal, options.timeoutMs);
    let wait: number | undefined;
    try {
      const init: FetchInit = { method: options.method, headers: options.headers, signal: link.signal };
      if (body !== undefined) init.body = body;
      const response = await options.fetch(options.url, init);
      last = classify(response, await response.text(), label);
      if (!last.ok && last.transient) wait = retryAfterMs(response);
    } catch (error) {
      if (signal.aborted) return aborted;
      last = link.timedOut()
        ? failure(true, `${label} timed out after ${options.timeoutMs} ms`)
        : failure(true, `${label} failed: ${errorText(error)}`);
    } finally {
      link.dispose();
    }
    if (signal.aborted) return aborted;
    if (last.ok || !last.transient) return last;
    if (attempt >= maxAttempts) break;
    const delay = wait ?? backoffDelay(attempt, options, options.random);
    await options.sleep(Math.min(delay, options.maxDelayMs), signal);
    if (options.beforeRetry && !signal.aborted) {
      const known = await options.beforeRetry(last);
      if (known) return known;
    }
  }
  if (signal.aborted) return aborted;
  return last.ok ? last : { ...last, message: `${last.message} (gave up after ${attempt} attempts)` };
}
