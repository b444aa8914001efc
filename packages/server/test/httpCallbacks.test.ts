// Department callbacks: HMAC over "<timestamp>.<raw body>", a timestamp within ±5 minutes, and the
// inbox: a replayed event answers 200 and changes nothing; forged or stale ones change nothing either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHttpApp, loadBundles, signCallback, type Storage } from '../src/index.js';
import { CALLBACK_SECRET, createTestApi, expectErrorBody, root, type TestApi } from './httpFixture.js';

let api: TestApi;
let id: string;
beforeAll(async () => {
  api = await createTestApi();
  ({ id } = await api.submit());
  await api.reachBirthRegReview(id);
});
afterAll(() => api.close());

const deliver = (body: string, headers: Record<string, string>, department = 'police') =>
  api.app.inject({
    method: 'POST',
    url: `/api/callbacks/${department}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });
const approval = (eventId: string) =>
  JSON.stringify({ applicationId: id, item: 'birthReg', eventId, update: { status: 'approved' } });

describe('department callbacks', () => {
  it('a signed, fresh callback changes the state once; the replay answers 200 and changes nothing', async () => {
    const body = approval('evt-1');
    const headers = signCallback(CALLBACK_SECRET, body);
    const first = await deliver(body, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ duplicate: false });
    const after = await api.service.get(id);
    expect(after!.state.items.birthReg!.status).toBe('approved');
    const replay = await deliver(body, headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ duplicate: true, revision: after!.revision });
    // Re-signed later with a fresh timestamp: still the same event id, still nothing.
    const resent = await deliver(body, signCallback(CALLBACK_SECRET, body, Date.now() + 1000));
    expect(resent.json()).toMatchObject({ duplicate: true });
    expect((await api.service.get(id))!.revision).toBe(after!.revision);
  });

  it.each([
    ['a wrong secret', () => signCallback('not-the-secret', approval('evt-2')), 'HTTP_SIGNATURE_INVALID'],
    [
      'a body changed after signing',
      () => signCallback(CALLBACK_SECRET, approval('evt-2').replace('approved', 'denied')),
      'HTTP_SIGNATURE_INVALID',
    ],
    ['no headers', () => ({}), 'HTTP_STALE_TIMESTAMP'],
    [
      'a timestamp 6 minutes old',
      () => signCallback(CALLBACK_SECRET, approval('evt-2'), Date.now() - 6 * 60_000),
      'HTTP_STALE_TIMESTAMP',
    ],
    [
      'a timestamp changed after signing',
      () => ({
        ...signCallback(CALLBACK_SECRET, approval('evt-2'), Date.now() - 6 * 60_000),
        'x-onething-timestamp': String(Math.floor(Date.now() / 1000)),
      }),
      'HTTP_SIGNATURE_INVALID',
    ],
  ])('%s: 401, nothing changes', async (_name, headers, code) => {
    const before = (await api.service.get(id))!.revision;
    const res = await deliver(approval('evt-2'), headers());
    expect(res.statusCode).toBe(401);
    expect(expectErrorBody(res.body).diagnostics[0]!.code).toBe(code);
    expect((await api.service.get(id))!.revision).toBe(before);
  });

  it('an update that comes before the submission is settled: 409 to deliver again, nothing recorded', async () => {
    const { id: fresh } = await api.submit(); // birthReg waits for birthCert: its submission is not settled
    expect((await api.service.get(fresh))!.state.items.birthReg!.status).toBe('waiting');
    const early = JSON.stringify({
      applicationId: fresh,
      item: 'birthReg',
      eventId: 'evt-early',
      update: { status: 'inReview' },
    });
    const res = await deliver(early, signCallback(CALLBACK_SECRET, early));
    expect(res.statusCode).toBe(409);
    expect(res.headers['retry-after']).toBe('1');
    expect(expectErrorBody(res.body).diagnostics[0]!.code).toBe('HTTP_TOO_EARLY');
    // Delivered again once the department's acceptance is saved: applied, not taken for a duplicate.
    await api.reachBirthRegReview(fresh);
    const again = await deliver(early, signCallback(CALLBACK_SECRET, early));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: false });
  });

  it('an unknown department, or an item of another department: no change', async () => {
    const body = approval('evt-3');
    const unknown = await deliver(body, signCallback(CALLBACK_SECRET, body), 'health');
    expect(unknown.statusCode).toBe(401);
    expectErrorBody(unknown.body);
    const wrongItem = JSON.stringify({
      applicationId: id,
      item: 'birthCert',
      eventId: 'evt-4',
      update: { status: 'approved' },
    });
    const res = await deliver(wrongItem, signCallback(CALLBACK_SECRET, wrongItem));
    expect(res.statusCode).toBe(404);
    expectErrorBody(res.body);
  });

  it('a signed body of the wrong shape: 400 with diagnostics', async () => {
    const body = JSON.stringify({
      applicationId: id,
      item: 'birthReg',
      eventId: 'evt-5',
      update: { status: 'teleported' },
    });
    const res = await deliver(body, signCallback(CALLBACK_SECRET, body));
    expect(res.statusCode).toBe(400);
    expect(expectErrorBody(res.body).diagnostics[0]!.code).toBe('HTTP_INVALID_REQUEST');
  });

  it('more callbacks at once than the gate admits: 503 with Retry-After at once, nothing recorded; delivered again, applied', async () => {
    const { id: fresh } = await api.submit();
    await api.reachBirthRegReview(fresh);
    // One callback in progress (held inside its first read), none may wait: the next is refused.
    let hold!: () => void;
    const held = new Promise<void>((resolve) => (hold = resolve));
    let first = true;
    const storage: Storage = {
      ...api.storage,
      getForCallback: async (...args) => {
        if (first) {
          first = false;
          await held;
        }
        return api.storage.getForCallback(...args);
      },
    };
    const gated = await createHttpApp({
      service: api.service,
      storage,
      bundles: loadBundles(join(root, 'examples')),
      callbackSecrets: { police: CALLBACK_SECRET },
      callbackLimit: { concurrency: 1, queue: 0 },
    });
    try {
      const send = (eventId: string, status: string) => {
        const body = JSON.stringify({ applicationId: fresh, item: 'birthReg', eventId, update: { status } });
        return gated.inject({
          method: 'POST',
          url: '/api/callbacks/police',
          headers: { 'content-type': 'application/json', ...signCallback(CALLBACK_SECRET, body) },
          payload: body,
        });
      };
      const inProgress = send('evt-busy-1', 'approved');
      await new Promise((resolve) => setTimeout(resolve, 20)); // the first one holds the only slot
      const refused = await send('evt-busy-2', 'issued');
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(expectErrorBody(refused.body).diagnostics[0]!.code).toBe('HTTP_BUSY');
      expect((await api.storage.getForCallback(fresh, 'police', 'evt-busy-2')).received).toBe(false);
      hold();
      expect((await inProgress).statusCode).toBe(200);
      const again = await send('evt-busy-2', 'issued');
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ duplicate: false });
      expect((await api.service.get(fresh))!.state.items.birthReg!.status).toBe('issued');
    } finally {
      await gated.close();
    }
  });
});
