// Logs never carry ID numbers, mobile numbers or application tokens, whatever the request holds;
// and the per-IP rate limit answers 429 with diagnostics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  expectErrorBody,
  newbornData,
  newbornMaterials,
  type TestApi,
} from './httpFixture.js';

const lines: string[] = [];
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({
    logger: { stream: { write: (line: string) => lines.push(line) }, level: 'debug' },
    rateLimit: { max: 40, timeWindowMs: 60_000 },
  });
});
afterAll(() => api.close());

const ID = '350203199405120248';
const MOBILE = '13859201234';

describe('logs', () => {
  it('mask ID and mobile numbers and drop tokens, on success and on every kind of failure', async () => {
    const { id, token } = await api.submit();
    await api.app.inject({ method: 'GET', url: `/api/applications/${id}?token=${token}` });
    await api.app.inject({ method: 'GET', url: `/api/applications/${ID}?phone=${MOBILE}` });
    await api.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { 'content-type': 'application/json' },
      payload: `{"bundleId":"newborn","data":{"motherIdNumber":"${ID}"`,
    });
    await api.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: {
        bundleId: 'newborn',
        data: { ...newbornData(), motherMobile: 'x' },
        materials: newbornMaterials(),
      },
    });
    const log = lines.join('');
    // The requests were logged at all: the URL with the masked number is there.
    expect(log).toContain('/api/applications/350203********0248');
    expect(log).toContain('138****1234');
    expect(log).not.toContain(ID);
    expect(log).not.toContain(MOBILE);
    expect(log).not.toContain(token);
    expect(log).not.toContain('"stack"');
  });
});

describe('rate limit', () => {
  it('past the per-IP limit: 429 with HTTP_RATE_LIMITED and Retry-After', async () => {
    let last = await api.app.inject({ method: 'GET', url: '/api/health' });
    for (let i = 0; i < 60 && last.statusCode !== 429; i++)
      last = await api.app.inject({ method: 'GET', url: '/api/health' });
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(expectErrorBody(last.body).diagnostics[0]!.code).toBe('HTTP_RATE_LIMITED');
  });
});
