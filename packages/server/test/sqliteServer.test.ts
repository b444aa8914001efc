// The embedded default end to end: SQLite in a temporary folder, the API and the in-process worker
// with simulated departments; a newborn application goes from POST to every item issued.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type OnethingServer } from '../src/index.js';

const root = join(__dirname, '../../..');
const valid = JSON.parse(
  readFileSync(join(root, 'examples/newborn/data/valid-complete.json'), 'utf8'),
) as Record<string, unknown>;
const materials =
  JSON.parse(readFileSync(join(root, 'examples/newborn/scenarios/happy-path.json'), 'utf8')).materials ?? {};

let dir: string;
let server: OnethingServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onething-server-'));
  server = await createServer({
    bundlesDir: join(root, 'examples'),
    sqliteFile: join(dir, 'db', 'onething.db'),
    pollIntervalMs: 20,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server on SQLite', () => {
  it('serves the example bundles', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/bundles' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Array<{ id: string }>).map((b) => b.id)).toEqual(
      expect.arrayContaining(['newborn']),
    );
  });

  it('takes a newborn application and carries it through every department', async () => {
    const bundleId = 'newborn';
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { bundleId, data: valid, materials },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, token } = res.json() as { id: string; token: string };
    const read = () =>
      server.app.inject({
        method: 'GET',
        url: `/api/applications/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
    await expect
      .poll(async () => ((await read()).json() as { state: { status: string } }).state.status, {
        timeout: 15_000,
        interval: 50,
      })
      .toBe('completed');
    const other = await server.app.inject({
      method: 'GET',
      url: `/api/applications/${id}`,
      headers: { authorization: 'Bearer nope' },
    });
    expect(other.statusCode).toBe(404);
  });

  it('rejects tampered data with 422 and diagnostics, storing nothing', async () => {
    const bundleId = server.bundles.list()[0]!.id;
    const before = await server.storage.countApplications();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { bundleId, data: { notAField: 1 } },
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { diagnostics: Array<{ code: string }> }).diagnostics.length).toBeGreaterThan(0);
    expect(await server.storage.countApplications()).toBe(before);
  });
});
