import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage, type SqliteStorage } from '../storage/createSqliteStorage.js';
import type { Job } from '../storage/types.js';
import { createSqliteJobRunner } from './createSqliteJobRunner.js';

const dirs: string[] = [];
let storage: SqliteStorage | undefined;
afterEach(async () => {
  await storage?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): SqliteStorage {
  const dir = mkdtempSync(join(tmpdir(), 'onething-runner-'));
  dirs.push(dir);
  return (storage = createSqliteStorage(join(dir, 'jobs.db')));
}
const job = (target: string): Job => ({ name: 'timer', applicationId: 'a1', timerId: target, runAt: 0 });
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('createSqliteJobRunner', () => {
  it('ends a job in the transaction its handler saves, or on its own when the handler does not', async () => {
    const s = open();
    await s.transaction((tx) => tx.enqueue([job('inside'), job('outside'), job('rolledBack')]));
    const seen: string[] = [];
    const runner = createSqliteJobRunner(s, { pollMs: 5 });
    await runner.start(async (j, _attempt, finish) => {
      const target = j.name === 'timer' ? j.timerId : '';
      seen.push(target);
      if (target === 'inside')
        await s.transaction(async (tx) => {
          await tx.appendEvents([{ applicationId: 'a1', revision: 1, at: 'x', kind: 'state', data: {} }]);
          await finish!(tx);
        });
      if (target === 'rolledBack')
        // The job's end rolls back with the work that failed: the job is retried, not lost.
        await s.transaction(async (tx) => {
          await finish!(tx);
          throw new Error('department answer could not be saved');
        });
    });
    await until(
      async () => seen.filter((t) => t === 'rolledBack').length >= 1 && (await s.nextJobAt()) !== 0,
    );
    await runner.stop();
    expect(seen.sort()).toEqual(['inside', 'outside', 'rolledBack']);
    expect(await s.eventsSince('a1', 0)).toHaveLength(1);
    // Only the job whose transaction failed is left, waiting for its retry.
    const dead = await s.deadJobs();
    expect(dead).toEqual([]);
    const left = await s.claimJobs(Date.now() + 3_600_000, 10, 1000);
    expect(left.map((c) => (c.job.name === 'timer' ? c.job.timerId : ''))).toEqual(['rolledBack']);
  });
});
