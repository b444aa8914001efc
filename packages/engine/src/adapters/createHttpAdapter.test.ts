import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpAdapter, type HttpAdapterOptions } from './createHttpAdapter.js';
import type { SubmitRequest } from './types.js';

type Responder = (res: ServerResponse) => void;
interface Seen {
  method: string;
  url: string;
  key: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A loopback department: answers each request with the next responder (the last one repeats). */
let server: Server;
let baseUrl: string;
let responders: Responder[] = [];
let seen: Seen[] = [];

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Responder =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const text =
  (status: number, body: string): Responder =>
  (res) => {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(body);
  };
const hang: Responder = () => {};
const slow =
  (ms: number, then: Responder): Responder =>
  (res) =>
    setTimeout(() => then(res), ms);

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        key: req.headers['idempotency-key'] as string | undefined,
        contentType: req.headers['content-type'],
        body: raw ? JSON.parse(raw) : undefined,
      });
      const responder = responders.length > 1 ? responders.shift()! : responders[0]!;
      responder(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/police/v1/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  responders = [json(200, { status: 'accepted', receiptNo: 'SL1' })];
  seen = [];
});

const request: SubmitRequest = {
  applicationId: 'app1',
  item: 'birthReg',
  department: 'police',
  idempotencyKey: 'app1:birthReg:1',
  attempt: 1,
  payload: { name: '王小明' },
  materials: [{ material: 'birthProof', source: 'provided' }],
};
const call = (signal = new AbortController().signal) => ({ now: '2025-03-20T09:30:00+08:00', signal });

/** An adapter whose waits between attempts are recorded and skipped. */
function adapter(more: Partial<HttpAdapterOptions> = {}) {
  const sleeps: number[] = [];
  const http = createHttpAdapter({
    baseUrl,
    retries: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 },
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    ...more,
  });
  return { http, sleeps };
}

describe('createHttpAdapter', () => {
  it('POSTs the submission as JSON with its Idempotency-Key and returns the checked result', async () => {
    // The platform's own fetch fits `fetch` (a method, so its wider RequestInit is accepted).
    const http = createHttpAdapter({
      baseUrl,
      fetch: globalThis.fetch,
      headers: () => ({ authorization: 'Bearer t' }),
    });
    expect(await http.submit(request, call())).toEqual({ status: 'accepted', receiptNo: 'SL1' });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/police/v1/submissions',
        key: request.idempotencyKey,
        contentType: 'application/json',
        body: request,
      },
    ]);
  });

  it('retries 503 with backoff, sending the same Idempotency-Key each time', async () => {
    responders = [text(503, 'busy'), text(503, 'busy'), json(200, { status: 'accepted', receiptNo: 'SL9' })];
    const { http, sleeps } = adapter();
    expect(await http.submit(request, call())).toEqual({ status: 'accepted', receiptNo: 'SL9' });
    expect(seen.map((s) => s.key)).toEqual(Array(3).fill(request.idempotencyKey));
    expect(sleeps).toEqual([50, 100]); // full jitter at 0.5 of 100 · 2^(n−1)
  });

  it('gives up after maxAttempts of a transient failure with a transient result', async () => {
    responders = [json(500, { message: '数据库不可用' })];
    const { http } = adapter();
    const result = await http.submit(request, call());
    expect(result).toMatchObject({ status: 'failed', transient: true });
    expect(result.status === 'failed' && result.message).toMatch(
      /HTTP 500: 数据库不可用 \(gave up after 3 attempts\)/,
    );
    expect(seen).toHaveLength(3);
  });

  it('does not retry a permanent failure (400)', async () => {
    responders = [json(400, { message: 'payload.name missing' })];
    const { http, sleeps } = adapter();
    const result = await http.submit(request, call());
    expect(result).toEqual({
      status: 'failed',
      transient: false,
      message: 'POST /submissions answered HTTP 400: payload.name missing',
    });
    expect(seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('honours Retry-After seconds on 429, capped at maxDelayMs', async () => {
    responders = [
      json(429, {}, { 'retry-after': '2' }),
      json(429, {}, { 'retry-after': '3600' }),
      json(200, { status: 'accepted', receiptNo: 'SL2' }),
    ];
    const { http, sleeps } = adapter();
    expect(await http.submit(request, call())).toMatchObject({ status: 'accepted' });
    expect(sleeps).toEqual([2_000, 5_000]);
  });

  it('treats a 2xx body that is not JSON, or JSON of the wrong shape, as a permanent failure', async () => {
    responders = [text(200, '<html>ok</html>')];
    const { http } = adapter();
    expect(await http.submit(request, call())).toMatchObject({
      status: 'failed',
      transient: false,
      message: expect.stringMatching(/not JSON/),
    });
    responders = [json(200, { status: 'accepted' })];
    expect(await http.submit(request, call())).toMatchObject({
      status: 'failed',
      transient: false,
      message: expect.stringMatching(/malformed.*receiptNo/),
    });
    expect(seen).toHaveLength(2);
  });

  it('retries a 502 whose body is not JSON (a gateway page)', async () => {
    responders = [
      text(502, '<html>Bad Gateway</html>'),
      json(200, { status: 'refused', reasons: [{ 'zh-CN': '不予受理' }] }),
    ];
    const { http } = adapter();
    expect(await http.submit(request, call())).toEqual({
      status: 'refused',
      reasons: [{ 'zh-CN': '不予受理' }],
    });
    expect(seen).toHaveLength(2);
  });

  it('times out a hanging department per attempt and retries', async () => {
    responders = [hang];
    const { http, sleeps } = adapter({
      timeoutMs: 100,
      retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const result = await http.submit(request, call());
    expect(result).toMatchObject({
      status: 'failed',
      transient: true,
      message: expect.stringMatching(/timed out after 100 ms \(gave up after 2 attempts\)/),
    });
    expect(sleeps).toHaveLength(1);
  });

  describe('a department that ignores Idempotency-Key (idempotent: false)', () => {
    const accepted = { status: 'accepted', receiptNo: 'SL7' };
    const trail = () => seen.map((s) => `${s.method} ${s.url.replace('/police/v1', '')}`);

    it('looks the submission up before sending it again after a timeout, and takes what it finds', async () => {
      responders = [hang, json(200, accepted)];
      const { http } = adapter({ idempotent: false, timeoutMs: 100 });
      expect(await http.submit(request, call())).toEqual(accepted);
      expect(trail()).toEqual(['POST /submissions', 'GET /submissions/app1%3AbirthReg%3A1']);
    });

    it('sends again when the lookup says 404, and repeats plain refusals (503) without a lookup', async () => {
      responders = [
        text(502, 'bad gateway'),
        json(404, { message: 'unknown' }),
        text(503, 'busy'),
        json(200, accepted),
      ];
      const { http } = adapter({ idempotent: false });
      expect(await http.submit(request, call())).toEqual(accepted);
      expect(trail()).toEqual([
        'POST /submissions',
        'GET /submissions/app1%3AbirthReg%3A1',
        'POST /submissions',
        'POST /submissions',
      ]);
    });

    it('stops with a transient failure when the lookup cannot tell, instead of risking a second effect', async () => {
      responders = [json(500, { message: 'x' }), text(502, 'bad gateway')];
      const { http } = adapter({ idempotent: false });
      const result = await http.submit(request, call());
      expect(result).toMatchObject({ status: 'failed', transient: true });
      expect(result.status === 'failed' && result.message).toMatch(
        /could not tell whether the submission arrived/,
      );
      expect(trail()).toEqual(['POST /submissions', 'GET /submissions/app1%3AbirthReg%3A1']);
    });

    it('does not look anything up for an idempotent department (the default)', async () => {
      responders = [text(502, 'bad gateway'), json(200, accepted)];
      const { http } = adapter();
      expect(await http.submit(request, call())).toEqual(accepted);
      expect(trail()).toEqual(['POST /submissions', 'POST /submissions']);
    });
  });

  it('waits for a slow answer within the timeout', async () => {
    responders = [slow(30, json(200, { status: 'accepted', receiptNo: 'SL3' }))];
    const { http } = adapter({ timeoutMs: 10_000 });
    expect(await http.submit(request, call())).toEqual({ status: 'accepted', receiptNo: 'SL3' });
  });

  it('stops at once when the caller aborts, during a request or between attempts', async () => {
    responders = [hang];
    const controller = new AbortController();
    const { http } = adapter();
    const pending = http.submit(request, call(controller.signal));
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toEqual({ status: 'failed', transient: true, message: 'aborted' });

    responders = [text(503, 'busy')];
    const between = new AbortController();
    const { http: http2 } = adapter({ sleep: async () => between.abort() });
    expect(await http2.submit(request, call(between.signal))).toMatchObject({ message: 'aborted' });
    expect(seen).toHaveLength(2); // one each: no retry after the abort
  });

  it('never throws: network errors are transient, a throwing fetch or body is a failure', async () => {
    const refused = createHttpAdapter({
      baseUrl: 'http://127.0.0.1:1',
      retries: { maxAttempts: 2 },
      sleep: async () => {},
    });
    expect(await refused.submit(request, call())).toMatchObject({ status: 'failed', transient: true });
    const throwing = createHttpAdapter({
      baseUrl,
      retries: { maxAttempts: 1 },
      fetch: () => {
        throw new TypeError('boom');
      },
    });
    expect(await throwing.submit(request, call())).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/boom/),
    });
    const badBody = createHttpAdapter({
      baseUrl,
      retries: { maxAttempts: 1 },
      fetch: async () => ({
        status: 200,
        headers: { get: () => null },
        text: () => Promise.reject(new Error('reset')),
      }),
    });
    expect(await badBody.withdraw({ ...request, submissionKey: 'k' }, call())).toMatchObject({
      status: 'failed',
    });
    expect(await badBody.poll({ applicationId: 'a', item: 'b', submissionKey: 'k' }, call())).toEqual([]);
    expect(await badBody.reconcile(request, call())).toMatchObject({ status: 'failed' });
  });

  it('supplements and withdraws under the submission, with the call’s own key; an empty 2xx is ok', async () => {
    responders = [(res) => res.writeHead(204).end(), json(200, { status: 'ok' })];
    const { http } = adapter();
    const base = {
      applicationId: 'app1',
      item: 'birthReg',
      department: 'police',
      submissionKey: 'app1/birthReg 1',
    };
    expect(await http.supplement({ ...base, idempotencyKey: 's1', materials: ['x'] }, call())).toEqual({
      status: 'ok',
    });
    expect(await http.withdraw({ ...base, idempotencyKey: 'w1' }, call())).toEqual({ status: 'ok' });
    expect(seen.map((s) => [s.method, s.url, s.key])).toEqual([
      ['POST', '/police/v1/submissions/app1%2FbirthReg%201/supplements', 's1'],
      ['POST', '/police/v1/submissions/app1%2FbirthReg%201/withdrawal', 'w1'],
    ]);
  });

  it('polls updates and drops a malformed answer', async () => {
    const envelope = {
      eventId: 'e1',
      applicationId: 'app1',
      item: 'birthReg',
      update: { status: 'inReview' },
    };
    responders = [json(200, [envelope]), json(200, [{ eventId: 'e2' }])];
    const { http } = adapter();
    const pollRequest = { applicationId: 'app1', item: 'birthReg', submissionKey: 'k1' };
    expect(await http.poll(pollRequest, call())).toEqual([envelope]);
    expect(await http.poll(pollRequest, call())).toEqual([]);
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['GET', '/police/v1/submissions/k1/updates'],
      ['GET', '/police/v1/submissions/k1/updates'],
    ]);
  });

  it('reconciles: 404 is an unknown key, 200 the stored result', async () => {
    responders = [
      json(404, { message: 'no such submission' }),
      json(200, { status: 'accepted', receiptNo: 'SL7' }),
    ];
    const { http } = adapter();
    expect(await http.reconcile(request, call())).toBeUndefined();
    expect(await http.reconcile(request, call())).toEqual({ status: 'accepted', receiptNo: 'SL7' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/police/v1/submissions/app1%3AbirthReg%3A1' });
  });
});
