// The applicant's API: idempotent create, the read view (items, working-day deadlines), the actions
// each on its own route (supply, correction, commitment, withdraw, rating), the pluggable auth hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  expectErrorBody,
  newbornData,
  newbornMaterials,
  type TestApi,
} from './httpFixture.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({
    // A portal session: header x-portal-user "alice" may act on every application.
    authorize: (req) => req.headers['x-portal-user'] === 'alice',
  });
});
afterAll(() => api.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const create = (key: string, data = newbornData()) =>
  api.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { 'idempotency-key': key },
    payload: { bundleId: 'newborn', data, materials: newbornMaterials() },
  });

describe('Idempotency-Key on create', () => {
  it('the same key and body: the stored answer again, one application', async () => {
    const before = await api.storage.countApplications();
    const first = await create('key-1');
    expect(first.statusCode).toBe(201);
    const again = await create('key-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await api.storage.countApplications()).toBe(before + 1);
  });

  it('a key is kept for 24 hours: a later request with it creates a new application', async () => {
    const startedAt = api.clock.ms;
    const first = await create('key-ttl');
    api.clock.ms += 23 * 3600_000;
    const within = await create('key-ttl');
    expect(within.headers['idempotent-replayed']).toBe('true');
    expect(within.json()).toEqual(first.json());
    api.clock.ms += 2 * 3600_000;
    const before = await api.storage.countApplications();
    const after = await create('key-ttl');
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect((after.json() as { id: string }).id).not.toBe((first.json() as { id: string }).id);
    expect(await api.storage.countApplications()).toBe(before + 1);
    // Expired answers (they hold applicants' tokens) are deleted.
    await create('key-other');
    api.clock.ms += 25 * 3600_000;
    expect(await api.storage.purgeIdempotency(api.clock.ms - 24 * 3600_000)).toBeGreaterThanOrEqual(1);
    api.clock.ms = startedAt;
  });

  it('the same key with another body: 422 HTTP_IDEMPOTENCY_KEY_REUSED, nothing stored', async () => {
    await create('key-2');
    const before = await api.storage.countApplications();
    const other = await create('key-2', { ...newbornData(), babyName: '林语晴' });
    expect(other.statusCode).toBe(422);
    expect(expectErrorBody(other.body).diagnostics[0]!.code).toBe('HTTP_IDEMPOTENCY_KEY_REUSED');
    expect(await api.storage.countApplications()).toBe(before);
  });

  it('concurrent retries with one key create one application', async () => {
    const before = await api.storage.countApplications();
    const answers = await Promise.all([create('key-3'), create('key-3'), create('key-3')]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((r) => (r.json() as { id: string }).id)).size).toBe(1);
    expect(await api.storage.countApplications()).toBe(before + 1);
  });

  it('without a key each request creates its own application', async () => {
    const a = await api.submit();
    const b = await api.submit();
    expect(a.id).not.toBe(b.id);
  });
});

describe('reading an application', () => {
  it('per item: status, receipt, the 限时办结 countdown in working days', async () => {
    const { id, token } = await api.submit();
    await api.reachBirthRegReview(id);
    const res = await api.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: auth(token) });
    expect(res.statusCode).toBe(200);
    const view = res.json() as {
      status: string;
      today: string;
      items: Record<string, { status: string; receiptNo?: string; deadline?: Record<string, unknown> }>;
      state: Record<string, unknown>;
    };
    expect(view.status).toBe('inProgress');
    expect(view.today).toBe('2025-03-20');
    // birthReg (police) promises 3 working days from acceptance on Thursday 2025-03-20: due Tuesday 03-25.
    expect(view.items.birthReg).toMatchObject({
      status: 'inReview',
      receiptNo: 'R-birthReg',
      deadline: { limitDays: 3, due: '2025-03-25', workingDaysLeft: 3, overdue: false },
    });
    // The decider's internals stay inside.
    expect(Object.keys(view.state)).not.toContain('pending');
    expect(Object.keys(view.state)).not.toContain('timers');
    const state = await api.app.inject({
      method: 'GET',
      url: `/api/applications/${id}/state`,
      headers: auth(token),
    });
    expect(state.json()).toMatchObject({ applicationId: id, status: 'inProgress' });
  });

  it('a host authorize hook grants access without the token', async () => {
    const { id } = await api.submit();
    const res = await api.app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: { 'x-portal-user': 'alice' },
    });
    expect(res.statusCode).toBe(200);
    const bob = await api.app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: { 'x-portal-user': 'bob' },
    });
    expect(bob.statusCode).toBe(404);
  });
});

describe('applicant actions', () => {
  it('withdraw (no body needed), then again: 409 with the engine diagnostic', async () => {
    const { id, token } = await api.submit();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/withdraw`,
      headers: auth(token),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 2, state: { status: 'withdrawn' } });
    const again = await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/withdraw`,
      headers: auth(token),
      payload: { reason: 'changed my mind' },
    });
    expect(again.statusCode).toBe(409);
    expect(expectErrorBody(again.body).diagnostics[0]!.code).toBe('FLOW_EVENT_NOT_ALLOWED');
  });

  it('supply a 容缺 material: the item no longer waits for it', async () => {
    const materials = {
      ...newbornMaterials(),
      m_hukouBook: { kind: 'deferred', signer: '陈雅婷', signedAt: '2025-03-20T09:00:00+08:00' },
    };
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { bundleId: 'newborn', data: newbornData(), materials },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    await api.reachBirthRegReview(id);
    const before = (await api.service.get(id))!.state.items.birthReg!;
    expect(before.outstanding).toEqual(['m_hukouBook']);
    const view = await api.app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: auth(token),
    });
    expect(
      (view.json() as { items: Record<string, { supplyDue?: string }> }).items.birthReg!.supplyDue,
    ).toBeDefined();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/supply`,
      headers: auth(token),
      payload: { material: 'm_hukouBook' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await api.service.get(id))!.state.items.birthReg!.outstanding).toEqual([]);
    const unknown = await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/supply`,
      headers: auth(token),
      payload: { material: 'm_hukouBook' },
    });
    expect(unknown.statusCode).toBe(409);
  });

  it('answering a correction that was not asked for: 409; a wrong body: 400', async () => {
    const { id, token } = await api.submit();
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/items/birthReg/correction`,
      headers: auth(token),
      payload: { data: { babyName: '林语桐' } },
    });
    expect(res.statusCode).toBe(409);
    expectErrorBody(res.body);
    const commitment = await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/items/birthReg/commitment`,
      headers: auth(token),
      payload: { material: 'm_noHouseCommit' },
    });
    expect(commitment.statusCode).toBe(400);
    expectErrorBody(commitment.body);
  });

  it('rating: the five levels, once; a low level needs a reason; unknown items refused', async () => {
    const { id, token } = await api.submit();
    const rate = (payload: unknown) =>
      api.app.inject({
        method: 'POST',
        url: `/api/applications/${id}/rating`,
        headers: auth(token),
        payload: payload as object,
      });
    expect((await rate({ overall: 6 })).statusCode).toBe(400);
    const low = await rate({ overall: 2 });
    expect(low.statusCode).toBe(422);
    expect(expectErrorBody(low.body).diagnostics[0]!.path).toBe('/reasons/overall');
    const unknownItem = await rate({ overall: 5, items: { notAnItem: 5 } });
    expect(unknownItem.statusCode).toBe(422);
    expect(expectErrorBody(unknownItem.body).diagnostics[0]!.code).toBe('HTTP_UNKNOWN_ITEM');
    const ok = await rate({
      overall: 4,
      items: { birthReg: 2 },
      reasons: { items: { birthReg: ['efficiency'] } },
      comment: '很快',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const events = await api.storage.eventsSince(id, 0);
    expect(events.filter((e) => e.kind === 'rating').map((e) => e.data)).toEqual([
      {
        overall: 4,
        items: { birthReg: 2 },
        reasons: { items: { birthReg: ['efficiency'] } },
        comment: '很快',
      },
    ]);
    const twice = await rate({ overall: 5 });
    expect(twice.statusCode).toBe(409);
    expect(expectErrorBody(twice.body).diagnostics[0]!.code).toBe('HTTP_ALREADY_RATED');
  });
});
