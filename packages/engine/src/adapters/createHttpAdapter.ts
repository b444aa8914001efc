/**
 * A department reached over HTTP/JSON. The endpoints, relative to `baseUrl`:
 *
 * | call        | request                                                  | answer (2xx, JSON)                 |
 * | ----------- | -------------------------------------------------------- | ---------------------------------- |
 * | `submit`    | `POST /submissions`, body `SubmitRequest`                | `SubmitResult`                     |
 * | `supplement`| `POST /submissions/{submissionKey}/supplements`, body `SupplementRequest` | `CallResult` or empty |
 * | `withdraw`  | `POST /submissions/{submissionKey}/withdrawal`, body `WithdrawRequest`    | `CallResult` or empty |
 * | `poll`      | `GET /submissions/{submissionKey}/updates`               | `UpdateEnvelope[]`                 |
 * | `reconcile` | `GET /submissions/{idempotencyKey}`                      | `SubmitResult`; 404 = unknown key  |
 *
 * Every request carries the call's key in the `Idempotency-Key` header, the same on every retry; the
 * department applies a key once and answers a repeated key with the stored result. `poll` may return
 * updates already delivered: the runner applies each `eventId` once; a failed poll yields no updates.
 * `reconcile` answers `undefined` only for a 404; any other failure is a `failed` result (unknown).
 */
import type { SubmitResult } from '../flow/types.js';
import { checkCallResult, checkSubmitResult, checkUpdateEnvelopes } from './checkAdapterResult.js';
import { hostGlobals, type FetchLike } from './hostGlobals.js';
import { sendWithRetry, type HttpReply } from './sendWithRetry.js';
import { sleep as hostSleep } from './sleep.js';
import type { AbortSignalLike, CallOptions, CallResult, DepartmentAdapter, UpdateEnvelope } from './types.js';

export interface HttpAdapterOptions {
  /** e.g. `https://gateway.example.gov.cn/police/v1` (a trailing slash is ignored). */
  baseUrl: string;
  /** The platform's `fetch` by default; pass one for tests, proxies or signing. */
  fetch?: FetchLike;
  /** Extra headers (credentials, tracing); a function is asked on every request, e.g. for a rotating token. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Per-attempt timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Retries of transient failures within one call (defaults: 3 attempts, 200 ms base, 5 000 ms cap). */
  retries?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Jitter source of the backoff (default `Math.random`: it shapes timing only, never a decision). */
  random?: () => number;
  /** Waits between attempts (default: the host's timer). Must resolve early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignalLike) => Promise<void>;
  /**
   * Whether the department honours `Idempotency-Key` (default true). `false`: before a submission is
   * sent again after an answer that leaves it unknown whether it arrived (a timeout, a broken
   * connection, 500/502/504), the adapter asks `GET /submissions/{key}` first, so the department
   * never registers it twice.
   */
  idempotent?: boolean;
}

/** An HTTP department: a `DepartmentAdapter` that also polls and reconciles. */
export interface HttpAdapter extends DepartmentAdapter {
  poll: NonNullable<DepartmentAdapter['poll']>;
  reconcile: NonNullable<DepartmentAdapter['reconcile']>;
}

const failed = (transient: boolean, message: string) => ({ status: 'failed', transient, message }) as const;

/**
 * Create an adapter for a department's HTTP/JSON API (endpoints in this file's header). Transient
 * failures are retried with backoff inside the call; answers of the wrong shape become
 * `{ status: 'failed' }`; it never throws.
 *
 * @example
 * const police = createHttpAdapter({
 *   baseUrl: 'https://gateway.example.gov.cn/police/v1',
 *   headers: () => ({ authorization: `Bearer ${tokens.current()}` }),
 *   retries: { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 },
 * });
 * const runner = createFlowRunner({ adapters: { police }, … });
 */
export function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const retries = options.retries ?? {};

  function send(
    method: 'GET' | 'POST',
    path: string,
    key: string,
    body: unknown,
    call: CallOptions,
    how: { once?: boolean; beforeRetry?: (last: HttpReply) => Promise<HttpReply | undefined> } = {},
  ): Promise<HttpReply> {
    // Called unbound: a browser's `fetch` throws "Illegal invocation" when `this` is another object.
    const fetch = options.fetch ?? hostGlobals().fetch;
    if (!fetch) return Promise.resolve({ ok: false, transient: false, message: 'no fetch on this platform' });
    const extra = typeof options.headers === 'function' ? options.headers() : options.headers;
    const headers: Record<string, string> = { accept: 'application/json', ...extra, 'idempotency-key': key };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return sendWithRetry({
      fetch,
      method,
      url: base + path,
      label: `${method} ${path}`,
      headers,
      body,
      signal: call.signal,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxAttempts: how.once ? 1 : (retries.maxAttempts ?? 3),
      baseDelayMs: retries.baseDelayMs ?? 200,
      maxDelayMs: retries.maxDelayMs ?? 5_000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? hostSleep,
      ...(how.beforeRetry ? { beforeRetry: how.beforeRetry } : {}),
    });
  }

  const at = (key: string, rest = '') => `/submissions/${encodeURIComponent(key)}${rest}`;

  /**
   * For a department that ignores `Idempotency-Key`: before a submission is sent again after an
   * answer that leaves it unknown whether it arrived, ask whether the department has it
   * (`GET /submissions/{key}`, once). Known → that answer; 404 → send again; no clear answer → stop
   * with a transient failure (the job's next attempt reconciles before anything else). Refusals that
   * say the request was not taken (408, 425, 429, 503) are simply repeated.
   */
  const NOT_TAKEN = new Set([408, 425, 429, 503]);
  const reconcileBeforeRetry =
    (key: string, call: CallOptions) =>
    async (last: HttpReply): Promise<HttpReply | undefined> => {
      if (!last.ok && last.status !== undefined && NOT_TAKEN.has(last.status)) return undefined;
      const path = at(key);
      const reply = await send('GET', path, key, undefined, call, { once: true });
      if (reply.ok) return reply;
      if (reply.status === 404) return undefined;
      return {
        ok: false,
        transient: true,
        message: `GET ${path} could not tell whether the submission arrived: ${reply.message}`,
      };
    };

  /** A 2xx body checked as a result; a wrong shape is a permanent failure (retrying will not fix it). */
  function submitResultOf(reply: HttpReply, label: string): SubmitResult {
    if (!reply.ok) return failed(reply.transient, reply.message);
    const checked = checkSubmitResult(reply.body);
    return checked.ok
      ? checked.value
      : failed(false, `${label} answered a malformed result: ${checked.message}`);
  }

  async function callResultOf(reply: Promise<HttpReply>, label: string): Promise<CallResult> {
    const r = await reply;
    if (!r.ok) return failed(r.transient, r.message);
    if (r.body === undefined) return { status: 'ok' }; // 204 / empty 200: accepted
    const checked = checkCallResult(r.body);
    return checked.ok
      ? checked.value
      : failed(false, `${label} answered a malformed result: ${checked.message}`);
  }

  return {
    async submit(request, call) {
      const key = request.idempotencyKey;
      return submitResultOf(
        await send(
          'POST',
          '/submissions',
          key,
          request,
          call,
          options.idempotent === false ? { beforeRetry: reconcileBeforeRetry(key, call) } : {},
        ),
        'POST /submissions',
      );
    },
    supplement(request, call) {
      const path = at(request.submissionKey, '/supplements');
      return callResultOf(send('POST', path, request.idempotencyKey, request, call), `POST ${path}`);
    },
    withdraw(request, call) {
      const path = at(request.submissionKey, '/withdrawal');
      return callResultOf(send('POST', path, request.idempotencyKey, request, call), `POST ${path}`);
    },
    async poll(request, call): Promise<UpdateEnvelope[]> {
      // A failed or malformed poll is "no updates now": the runner polls again later.
      const reply = await send(
        'GET',
        at(request.submissionKey, '/updates'),
        request.submissionKey,
        undefined,
        call,
      );
      const checked = reply.ok ? checkUpdateEnvelopes(reply.body) : undefined;
      return checked?.ok ? checked.value : [];
    },
    async reconcile(request, call) {
      const path = at(request.idempotencyKey);
      const reply = await send('GET', path, request.idempotencyKey, undefined, call);
      if (!reply.ok && reply.status === 404) return undefined;
      return submitResultOf(reply, `GET ${path}`);
    },
  };
}
