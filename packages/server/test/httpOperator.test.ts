// Operator endpoints: absent without a configured token (404), 401 without the credential, and with
// it: retry a failed item (engine event operatorRetry), the overdue list, the dead jobs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectErrorBody, type TestApi } from './httpFixture.js';

const OPERATOR = 'operator-token-for-tests';
let api: TestApi;
let closed: TestApi;
beforeAll(async () => {
  api = await createTestApi({ operatorToken: OPERATOR });
  closed = await createTestApi({ operatorToken: '' });
});
afterAll(async () => {
  await api.close();
  await closed.close();
});

const routes = [
  ['GET', '/api/operator/overdue'],
  ['GET', '/api/operator/dead-jobs'],
  ['POST', '/api/operator/applications/x/items/birthCert/retry'],
] as const;

describe('operator endpoints', () => {
  it('without an operator token configured they do not exist', async () => {
    for (const [method, url] of routes) {
      const res = await closed.app.inject({ method, url, headers: { authorization: 'Bearer anything' } });
      expect(res.statusCode, url).toBe(404);
      expectErrorBody(res.body);
    }
  });

  it('without the credential, or with an applicant token: 401', async () => {
    const { token } = await api.submit();
    for (const [method, url] of routes)
      for (const headers of [{}, { authorization: `Bearer ${token}` }, { authorization: 'Bearer wrong' }]) {
        const res = await api.app.inject({ method, url, headers });
        expect(res.statusCode, url).toBe(401);
        expect(expectErrorBody(res.body).diagnostics[0]!.code).toBe('HTTP_FORBIDDEN');
      }
  });

  const operator = { authorization: `Bearer ${OPERATOR}` };

  it('retry: a failed item is dispatched again; an item that has not failed: 409', async () => {
    const { id } = await api.submit();
    const notFailed = await api.app.inject({
      method: 'POST',
      url: `/api/operator/applications/${id}/items/birthCert/retry`,
      headers: operator,
    });
    expect(notFailed.statusCode).toBe(409);
    expectErrorBody(notFailed.body);
    // The department refuses the submission for good: a permanent failure leaves the item failed.
    const application = (await api.service.get(id))!;
    const [callId, call] = Object.entries(application.state.pending).find(([, c]) => c.item === 'birthCert')!;
    await api.service.send(id, {
      type: 'adapterResult',
      item: call.item,
      callId,
      result: { status: 'failed', transient: false, message: 'down' },
    });
    expect((await api.service.get(id))!.state.items.birthCert!.status).toBe('failed');
    const retry = await api.app.inject({
      method: 'POST',
      url: `/api/operator/applications/${id}/items/birthCert/retry`,
      headers: operator,
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect((await api.service.get(id))!.state.items.birthCert!.status).toBe('dispatching');
  });

  it('overdue: items past their promised limit, in working days', async () => {
    const { id } = await api.submit();
    await api.reachBirthRegReview(id);
    const list = async () =>
      (await api.app.inject({ method: 'GET', url: '/api/operator/overdue', headers: operator })).json() as {
        today: string;
        items: Array<{ applicationId: string; item: string; due: string; workingDaysOverdue: number }>;
      };
    expect((await list()).items.filter((i) => i.applicationId === id)).toEqual([]);
    // birthReg is due Tuesday 2025-03-25; on Thursday 03-27 it is 2 working days over.
    api.clock.ms = Date.parse('2025-03-27T10:00:00+08:00');
    const later = await list();
    expect(later.today).toBe('2025-03-27');
    const mine = later.items.filter((i) => i.applicationId === id);
    expect(mine).toContainEqual(
      expect.objectContaining({ item: 'birthReg', due: '2025-03-25', workingDaysOverdue: 2 }),
    );
    // 即办 items (limit 0) still in review since 03-20 are overdue too; decided ones are not listed.
    expect(mine).toContainEqual(expect.objectContaining({ item: 'vaccineCert', workingDaysOverdue: 5 }));
    expect(mine.map((i) => i.item)).not.toContain('birthCert');
  });

  it('dead jobs: the storage dead letters', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/operator/dead-jobs', headers: operator });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });
});
