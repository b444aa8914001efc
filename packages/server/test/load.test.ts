// The load test of issue #6, small enough for `npm test` (`npm run bench:server` runs 10,000): newborn
// applications POSTed concurrently over keep-alive HTTP to one server on SQLite; every one is stored and
// completes, and the fake department received each item once, with no key applied twice.
// The full-size run: ONETHING_LOAD_APPLICATIONS=10000 npx vitest run packages/server/test/load.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { expectCleanRun } from './expectCleanRun.js';
import { runLoad } from './loadRun.js';

const APPLICATIONS = Number(process.env.ONETHING_LOAD_APPLICATIONS ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'onething-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('load (sqlite)', () => {
  it(
    `takes ${APPLICATIONS} concurrent applications and completes each once`,
    async () => {
      const result = await runLoad({
        storage: 'sqlite',
        dir,
        applications: APPLICATIONS,
        concurrency: 64,
        timeoutMs: 100_000 + APPLICATIONS * 100,
      });
      expectCleanRun(result, APPLICATIONS);
    },
    120_000 + APPLICATIONS * 100,
  );
});
