// A fake department system on loopback HTTP, speaking the engine's `createHttpAdapter` protocol
// (`POST /{department}/submissions`, `…/supplements`, `…/withdrawal`, `GET …/updates`, `GET
// /{department}/submissions/{key}`), with faults on request: 5xx, hangs, slow or lost answers, refusals,
// a non-idempotent API, duplicate deliveries. It records every request with its idempotency key and counts
// effects, so tests can check that nothing was applied twice, and pushes status updates to the server's
// signed callback route or serves them to `poll`.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signCallback } from '../src/http/callbackSignature.js';

/** What a department (or one of its items) does. Faults concern submissions only. */
export interface FakeBehaviour {
  /** The first N submission requests of each key answer HTTP 503 (nothing applied). */
  failFirst?: number;
  /** The first N submission requests of each key take effect and then never answer. */
  hangFirst?: number;
  /** The first N submission requests of each key take effect and then lose the answer (socket closed). */
  dropFirst?: number;
  /** Every submission answer waits this long after the effect (the reply, not the effect, is slow). */
  slowMs?: number;
  /** Refuse submissions (不予受理). */
  refuse?: boolean;
  /** false: every `POST /submissions` takes effect again whatever its key (callers must reconcile). */
  idempotent?: boolean;
  /** Deliver each pushed status update twice. */
  duplicate?: boolean;
  /** Updates after acceptance (default in review, then issued), `stepMs` apart (default 30). */
  steps?: Array<'inReview' | 'approved' | 'issued'>;
  stepMs?: number;
}

export interface FakeRequest {
  department: string;
  method: string;
  path: string;
  key: string | undefined;
  /** HTTP status answered, or `hang` / `dropped` / `closed` (the caller went away first). */
  answer: number | 'hang' | 'dropped' | 'closed';
}

export interface FakeDepartmentOptions {
  /** Behaviour of a department's item (default: accept at once, in review, issued). */
  behaviour?: (department: string, item: string) => FakeBehaviour;
  /** Outputs reported with `issued` (出生医学证明编号 …), fed to later items. */
  outputs?: (item: string, applicationId: string) => Record<string, unknown> | undefined;
  /** Departments that push updates to the server's signed callback route, with their secrets. */
  callbackSecrets?: Record<string, string>;
  /** First interval of callback redeliveries while the server does not answer 2xx, doubled each time up to 1 s (default 50 ms). */
  redeliverMs?: number;
  /** Callback deliveries in flight at once, all departments together (default 32). */
  maxDeliveries?: number;
  /** A callback delivery not answered within this is abandoned and delivered again (default 10 s). */
  deliveryTimeoutMs?: number;
}

/** A pushed update waiting to be delivered (again). */
interface Push {
  department: string;
  body: string;
  due: number;
  tries?: number;
  sending?: boolean;
}

interface Submission {
  department: string;
  applicationId: string;
  item: string;
  key: string;
  result: Record<string, unknown>;
  /** The effective request's materials and payload, to check that nothing was lost. */
  request: Record<string, unknown>;
  /** Ready updates (delivered or served to polls). */
  updates: Array<{ eventId: string; applicationId: string; item: string; update: Record<string, unknown> }>;
}

export interface FakeDepartment {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  /** The base URL of one department, for the adapter file. */
  baseUrl(department: string): string;
  /** Where pushed updates go (`http://127.0.0.1:port` of the server), or undefined while it is down. */
  setServer(url: string | undefined): void;
  readonly requests: readonly FakeRequest[];
  /** Effects per idempotency key (a correct caller never makes one above 1). */
  readonly effects: ReadonlyMap<string, number>;
  /** Effective submissions by `applicationId:item`, whatever their keys. */
  submissionsOf(applicationId: string, item: string): Submission[];
  /** Emits `delaying` (request) when a slow or hanging answer starts waiting, `rejected` when the server
   * answers a pushed update with an error status. */
  readonly events: EventEmitter;
  /** Updates not yet acknowledged by the server's callback route. */
  pendingPushes(): number;
  /** Delivery attempts; updates delivered; attempts answered with an error status; attempts that got no answer. */
  readonly pushStats: { attempts: number; delivered: number; rejected: number; failed: number };
  close(): Promise<void>;
}

/**
 * Start a fake department server on an ephemeral loopback port.
 *
 * @example
 * const fake = await createFakeDepartment({ behaviour: (d) => (d === 'police' ? { failFirst: 1 } : {}) });
 * // adapter file: { "departments": { "police": { "type": "http", "baseUrl": fake.baseUrl('police') } } }
 */
export async function createFakeDepartment(options: FakeDepartmentOptions = {}): Promise<FakeDepartment> {
  const behaviourOf = (department: string, item: string): FakeBehaviour =>
    options.behaviour?.(department, item) ?? {};
  const requests: FakeRequest[] = [];
  const effects = new Map<string, number>();
  /** Submission requests seen per key, for `failFirst` / `hangFirst` / `dropFirst`. */
  const seenPerKey = new Map<string, number>();
  const byKey = new Map<string, Submission>();
  const byItem = new Map<string, Submission[]>();
  const events = new EventEmitter();
  const timers = new Set<NodeJS.Timeout>();
  const pushes = new Set<Push>();
  const pushStats = { attempts: 0, delivered: 0, rejected: 0, failed: 0 };
  const maxInFlight = options.maxDeliveries ?? 32;
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 10_000;
  /** Aborts the deliveries in flight when the department closes. */
  const closing = new AbortController();
  let serverUrl: string | undefined;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    timers.add(t);
  };

  function schedule(submission: Submission, behaviour: FakeBehaviour): void {
    const steps = behaviour.steps ?? ['inReview', 'issued'];
    const stepMs = behaviour.stepMs ?? 30;
    steps.forEach((status, i) =>
      later((i + 1) * stepMs, () => {
        const update: Record<string, unknown> = { status };
        if (status === 'issued') {
          update.licence = { no: `L-${submission.result.receiptNo as string}` };
          const outputs = options.outputs?.(submission.item, submission.applicationId);
          if (outputs) update.outputs = outputs;
        }
        const envelope = {
          eventId: `${submission.key}:${i + 1}`,
          applicationId: submission.applicationId,
          item: submission.item,
          update,
        };
        submission.updates.push(envelope);
        if (options.callbackSecrets?.[submission.department] === undefined) return; // served to poll
        const body = JSON.stringify(envelope);
        for (let n = behaviour.duplicate ? 2 : 1; n > 0; n--)
          pushes.add({ department: submission.department, body, due: Date.now() });
      }),
    );
  }

  /** Take a submission's effect (once per key, or every time when not idempotent). */
  function take(
    department: string,
    body: Record<string, unknown>,
    key: string,
    b: FakeBehaviour,
  ): Submission {
    const known = byKey.get(key);
    if (known && b.idempotent !== false) return known;
    const n = (effects.get(key) ?? 0) + 1;
    effects.set(key, n);
    const applicationId = String(body.applicationId);
    const item = String(body.item);
    // Readable and derived from the key, so two runs compare; a second effect shows in the number.
    const receiptNo = `${department.toUpperCase()}/${key}${n > 1 ? `/${n}` : ''}`;
    const submission: Submission = {
      department,
      applicationId,
      item,
      key,
      result: b.refuse
        ? { status: 'refused', reasons: [{ 'zh-CN': '材料不符合受理条件', en: 'not admissible' }] }
        : { status: 'accepted', receiptNo },
      request: body,
      updates: [],
    };
    if (!known) byKey.set(key, submission);
    const list = byItem.get(`${applicationId}:${item}`) ?? [];
    list.push(submission);
    byItem.set(`${applicationId}:${item}`, list);
    if (!b.refuse) schedule(submission, b);
    return submission;
  }

  /** Deliver one pushed update; false when it has to be delivered again. */
  async function deliver(p: Push): Promise<boolean> {
    pushStats.attempts++;
    const signed = signCallback(options.callbackSecrets![p.department]!, p.body);
    try {
      const res = await fetch(`${serverUrl}/api/callbacks/${p.department}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body: p.body,
        signal: AbortSignal.any([AbortSignal.timeout(deliveryTimeoutMs), closing.signal]),
      });
      await res.arrayBuffer();
      if (res.ok) return true;
      pushStats.rejected++;
      events.emit('rejected', { status: res.status, body: p.body });
      return false;
    } catch {
      pushStats.failed++;
      return false; // the server is down, restarting or too slow: deliver again
    }
  }

  /**
   * The department's gateway: at most `maxInFlight` deliveries at once (a gateway has a connection
   * pool, it does not open one connection per pending update), each due update delivered until the
   * server answers 2xx, with backoff between attempts: 50, 100, 200 … 1,000 ms.
   */
  async function pushLoop(): Promise<void> {
    let inFlight = 0;
    while (!closed) {
      const now = Date.now();
      if (serverUrl)
        for (const p of pushes) {
          if (inFlight >= maxInFlight) break;
          if (p.sending || p.due > now) continue;
          p.sending = true;
          inFlight++;
          void deliver(p).then((ok) => {
            inFlight--;
            p.sending = false;
            if (ok) {
              pushStats.delivered++;
              pushes.delete(p);
            } else {
              p.tries = (p.tries ?? 0) + 1;
              p.due = Date.now() + Math.min(1000, (options.redeliverMs ?? 50) * 2 ** (p.tries - 1));
            }
          });
        }
      await new Promise((r) => setTimeout(r, 10));
    }
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
  }

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c));
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [department = '', resource, key, action] = parts;
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    const entry: FakeRequest = {
      department,
      method: req.method ?? '',
      path: url.pathname,
      key: idempotencyKey,
      answer: 'closed',
    };
    requests.push(entry);
    const text = await readBody(req);
    const send = (status: number, body?: unknown) => {
      entry.answer = status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (resource !== 'submissions') return send(404, { message: 'no such route' });

    if (req.method === 'POST' && key === undefined) {
      const body = JSON.parse(text) as Record<string, unknown>;
      if (!idempotencyKey) return send(400, { message: 'Idempotency-Key required' });
      const b = behaviourOf(department, String(body.item));
      const n = (seenPerKey.get(idempotencyKey) ?? 0) + 1;
      seenPerKey.set(idempotencyKey, n);
      if (n <= (b.failFirst ?? 0)) return send(503, { message: 'department unavailable (fake outage)' });
      const submission = take(department, body, idempotencyKey, b);
      const k = n - (b.failFirst ?? 0);
      if (k <= (b.dropFirst ?? 0)) {
        entry.answer = 'dropped';
        req.socket.destroy();
        return;
      }
      if (k <= (b.dropFirst ?? 0) + (b.hangFirst ?? 0)) {
        entry.answer = 'hang';
        events.emit('delaying', entry);
        return; // answered never; the socket closes when the caller gives up
      }
      if (b.slowMs) {
        events.emit('delaying', entry);
        await new Promise((r) => setTimeout(r, b.slowMs));
        if (res.destroyed || req.socket.destroyed) return;
      }
      return send(200, submission.result);
    }
    if (req.method === 'GET' && key !== undefined && action === undefined) {
      const known = byKey.get(key); // reconcile
      return known ? send(200, known.result) : send(404, { message: 'unknown idempotency key' });
    }
    if (req.method === 'GET' && action === 'updates') {
      const known = byKey.get(key!);
      return send(200, known?.updates ?? []);
    }
    if (req.method === 'POST' && (action === 'supplements' || action === 'withdrawal')) {
      if (idempotencyKey) effects.set(idempotencyKey, Math.max(1, effects.get(idempotencyKey) ?? 0));
      return send(200, { status: 'ok' });
    }
    return send(404, { message: 'no such route' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const loop = options.callbackSecrets ? pushLoop() : Promise.resolve();

  return {
    url,
    baseUrl: (department) => `${url}/${encodeURIComponent(department)}`,
    setServer(next) {
      serverUrl = next;
    },
    requests,
    effects,
    submissionsOf: (applicationId, item) => byItem.get(`${applicationId}:${item}`) ?? [],
    events,
    pendingPushes: () => pushes.size,
    pushStats,
    async close() {
      closed = true;
      closing.abort();
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await loop;
    },
  };
}
