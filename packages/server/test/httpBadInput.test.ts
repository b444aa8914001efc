// Issue #6 "Bad input": malformed JSON, wrong content types, huge bodies, unknown bundles, tampered
// and hidden fields, another applicant's application: a clear 4xx with diagnostics, nothing stored.
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
  api = await createTestApi({ bodyLimit: 64 * 1024 });
});
afterAll(() => api.close());

const post = (payload: string, contentType = 'application/json', url = '/api/applications') =>
  api.app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

async function expectNothingStored(run: () => Promise<void>) {
  const before = await api.storage.countApplications();
  await run();
  expect(await api.storage.countApplications()).toBe(before);
}

describe('bad input', () => {
  it('malformed JSON: 400 HTTP_MALFORMED_JSON, the body not echoed', async () => {
    await expectNothingStored(async () => {
      const res = await post('{"bundleId":"newborn","data":{"motherIdNumber":"350203199405120248"');
      expect(res.statusCode).toBe(400);
      expect(expectErrorBody(res.body).diagnostics.map((d) => d.code)).toEqual(['HTTP_MALFORMED_JSON']);
      expect(res.body).not.toContain('350203199405120248');
    });
  });

  it('a NUL character (U+0000) anywhere: 400 HTTP_NUL_CHARACTER, nothing stored', async () => {
    await expectNothingStored(async () => {
      const res = await post('{"bundleId":"newborn","data":{"babyName":"王\\u0000小明"}}');
      expect(res.statusCode).toBe(400);
      expect(expectErrorBody(res.body).diagnostics.map((d) => d.code)).toEqual(['HTTP_NUL_CHARACTER']);
    });
  });

  it('prototype poisoning is refused as malformed', async () => {
    const res = await post('{"bundleId":"newborn","data":{"__proto__":{"admin":true}}}');
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.body);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'bundleId=newborn'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('content type %s: 415', async (type, payload) => {
    await expectNothingStored(async () => {
      const res = await post(payload, type);
      expect(res.statusCode).toBe(415);
      expect(expectErrorBody(res.body).diagnostics[0]!.code).toBe('HTTP_UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('a body over the limit: 413', async () => {
    await expectNothingStored(async () => {
      const huge = JSON.stringify({ bundleId: 'newborn', data: { babyName: 'x'.repeat(100 * 1024) } });
      const res = await post(huge);
      expect(res.statusCode).toBe(413);
      expect(expectErrorBody(res.body).diagnostics[0]!.code).toBe('HTTP_BODY_TOO_LARGE');
    });
  });

  it('a body of the wrong shape: 400 with a diagnostic per problem, pointing into the body', async () => {
    await expectNothingStored(async () => {
      const res = await post(JSON.stringify({ bundleId: 7, data: [], extra: true }));
      expect(res.statusCode).toBe(400);
      const body = expectErrorBody(res.body);
      expect(body.diagnostics.every((d) => d.code === 'HTTP_INVALID_REQUEST')).toBe(true);
      expect(body.diagnostics.map((d) => d.path)).toEqual(expect.arrayContaining(['/bundleId', '/data']));
    });
  });

  it('an empty JSON body: 400', async () => {
    const res = await post('');
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.body);
  });

  it('an unknown bundle: 404 HTTP_UNKNOWN_BUNDLE', async () => {
    await expectNothingStored(async () => {
      const res = await post(JSON.stringify({ bundleId: 'no-such-bundle', data: newbornData() }));
      expect(res.statusCode).toBe(404);
      expect(expectErrorBody(res.body).diagnostics[0]).toMatchObject({
        code: 'HTTP_UNKNOWN_BUNDLE',
        params: { bundleId: 'no-such-bundle' },
      });
      const get = await api.app.inject({ method: 'GET', url: '/api/bundles/no-such-bundle' });
      expect(get.statusCode).toBe(404);
      expectErrorBody(get.body);
      const script = await api.app.inject({ method: 'GET', url: '/api/bundles/no-such-bundle/bundle.js' });
      expect(script.statusCode).toBe(404);
      expectErrorBody(script.body);
    });
  });

  it('a hidden field (does not apply) and an unknown field: 422 with the engine diagnostics', async () => {
    await expectNothingStored(async () => {
      const data = { ...newbornData(), parentsMarried: false, notAField: 1 };
      const res = await post(JSON.stringify({ bundleId: 'newborn', data, materials: newbornMaterials() }));
      expect(res.statusCode).toBe(422);
      const codes = expectErrorBody(res.body).diagnostics.map((d) => d.code);
      expect(codes).toContain('DATA_HIDDEN_FIELD');
    });
  });

  it('a tampered value (bad ID check digit): 422 pointing at the field', async () => {
    await expectNothingStored(async () => {
      const data = { ...newbornData(), motherIdNumber: '350203199405120240' };
      const res = await post(JSON.stringify({ bundleId: 'newborn', data, materials: newbornMaterials() }));
      expect(res.statusCode).toBe(422);
      const body = expectErrorBody(res.body);
      expect(body.diagnostics.map((d) => d.path)).toContain('/motherIdNumber');
    });
  });

  it("another applicant's application: 404 as for an id that does not exist, and no change", async () => {
    const mine = await api.submit();
    const other = await api.submit();
    for (const [method, url, payload] of [
      ['GET', `/api/applications/${mine.id}`, undefined],
      ['GET', `/api/applications/${mine.id}/state`, undefined],
      ['GET', `/api/applications/${mine.id}/stream`, undefined],
      ['POST', `/api/applications/${mine.id}/withdraw`, {}],
      ['POST', `/api/applications/${mine.id}/rating`, { overall: 5 }],
    ] as const) {
      const res = await api.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${other.token}` },
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expectErrorBody(res.body);
      const none = await api.app.inject({ method: 'GET', url: url.replace(mine.id, 'no-such-id') });
      expect(none.statusCode).toBe(404);
    }
    // The token in the query works only for reading.
    const viaQuery = await api.app.inject({
      method: 'GET',
      url: `/api/applications/${mine.id}?token=${other.token}`,
    });
    expect(viaQuery.statusCode).toBe(404);
    const own = await api.app.inject({
      method: 'GET',
      url: `/api/applications/${mine.id}?token=${mine.token}`,
    });
    expect(own.statusCode).toBe(200);
    expect((await api.service.get(mine.id))!.state.status).toBe('inProgress');
  });

  it('an unknown route: 404 with diagnostics', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expectErrorBody(res.body);
  });
});
