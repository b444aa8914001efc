// Issue #6 (crash tests): a worker that dies right after committing a department's answer must not
// leave the item unasked by a department without callbacks (found by test/crashPostgres.test.ts when
// the first poll was scheduled in a transaction of its own). The first poll is now saved with the
// answer; a call job that comes back anyway (lease or pg-boss expiry) and finds its call answered still
// makes sure polling runs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryAdapter, formatInstant, type AdapterMap } from '@onething/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../createServer.js';
import type { SqliteStorage } from '../storage/createSqliteStorage.js';
import type { Job } from '../storage/types.js';
import { createJobHandler } from './createJobHandler.js';

const root = join(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'onething-job-handler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createJobHandler', () => {
  it('starts polling on the retry of a call job whose worker died between the answer and the poll', async () => {
    const server = await createServer({
      bundlesDir: join(root, 'examples'),
      sqliteFile: join(dir, 'onething.db'),
      worker: false,
    });
    try {
      const storage = server.storage as SqliteStorage;
      const read = (file: string) => JSON.parse(readFileSync(join(root, 'examples/newborn', file), 'utf8'));
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: {
          bundleId: 'newborn',
          data: read('data/valid-complete.json'),
          materials: read('scenarios/happy-path.json').materials,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id } = res.json<{ id: string }>();

      // Polled departments (no callbacks): accept, then report in review and issued when asked.
      const adapters: AdapterMap = {};
      for (const item of server.bundles.get('newborn')!.compiled.bundle.items)
        adapters[String(item.department)] ??= createMemoryAdapter({
          department: String(item.department),
          clock: () => formatInstant(Date.now()),
        });
      const scheduled: Job[] = [];
      let alive = true;
      const handle = createJobHandler({
        service: {
          ...server.service,
          async schedule(job) {
            if (!alive) throw new Error('SIGKILL'); // the worker dies before the poll job is sent
            scheduled.push(job);
            await server.service.schedule(job);
          },
        },
        bundles: server.bundles,
        adapters,
      });

      const [claimed] = (await storage.claimJobs(Date.now(), 10, 60_000)).filter(
        (c) => c.job.name === 'call',
      );
      alive = false; // a separate schedule() would fail: the first poll must not depend on one
      await handle(claimed!.job, 1);
      const job = claimed!.job as Extract<Job, { name: 'call' }>;
      const answered = (await server.service.get(id))!.state;
      expect(answered.pending[job.callId]).toBeUndefined();
      expect(answered.items.birthCert!.status).toBe('inReview');
      expect(scheduled).toEqual([]);
      // The first poll was saved in the transaction of the answer.
      const polls = (await storage.claimJobs(Date.now() + 3_600_000, 100, 1000)).filter(
        (c) => c.job.name === 'poll' && c.job.applicationId === id,
      );
      expect(polls).toHaveLength(1);

      alive = true;
      await handle(claimed!.job, 2); // the job comes back anyway (an old worker died): polls made sure
      expect(scheduled).toEqual([expect.objectContaining({ name: 'poll', applicationId: id })]);
    } finally {
      await server.close();
    }
  });
});
