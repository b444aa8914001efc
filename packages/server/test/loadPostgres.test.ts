// The PostgreSQL load test of issue #6, small enough for `npm test` (`npm run bench:server` with
// DATABASE_URL runs 10,000): newborn applications POSTed concurrently over keep-alive HTTP to one API
// process while two worker processes share the jobs through pg-boss, on a fresh database; every one is
// stored and completes, the fake department received each item once, no key was applied twice and no
// job gave up. Needs ONETHING_TEST_PG (see postgresTestDatabase.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { expectCleanRun } from './expectCleanRun.js';
import { runLoad } from './loadRun.js';
import { postgresForTests } from './postgresTestDatabase.js';

const adminUrl = await postgresForTests();
// The full-size run: ONETHING_LOAD_APPLICATIONS=10000 (with ONETHING_TEST_PG) npx vitest run <this file>
const APPLICATIONS = Number(process.env.ONETHING_LOAD_APPLICATIONS ?? 100);

const dir = mkdtempSync(join(tmpdir(), 'onething-load-pg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!adminUrl)('load (postgres: 1 API + 2 worker processes)', () => {
  it(
    `takes ${APPLICATIONS} concurrent applications and completes each once`,
    async () => {
      const result = await runLoad({
        storage: 'postgres',
        databaseUrl: adminUrl!,
        workers: 2,
        dir,
        applications: APPLICATIONS,
        concurrency: 64,
        timeoutMs: 150_000 + APPLICATIONS * 500,
      });
      expectCleanRun(result, APPLICATIONS);
    },
    200_000 + APPLICATIONS * 500,
  );
});
