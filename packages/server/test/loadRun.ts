// One load run, shared by the load test and `npm run bench:server`: a server child process on the
// given storage, every newborn department behind the fake department (some calling back, the others
// polled), `applications` newborn applications POSTed over keep-alive HTTP with bounded concurrency,
// then waiting until every application is final. Reports throughput, latencies, end-to-end time and
// what the fake department counted.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  FINAL,
  newbornApplication,
  newbornOutputs,
  startServerProcess,
  writeAdapterFile,
  type StorageMode,
} from './crashHarness.js';
import { createFakeDepartment, type FakeBehaviour } from './fakeDepartment.js';
import { createLoadClient, runPool } from './loadClient.js';

export interface LoadOptions {
  storage: StorageMode;
  /** A fresh folder for the database and the adapter file. */
  dir: string;
  applications: number;
  /** Requests in flight at once (default 64). */
  concurrency?: number;
  /** How long to wait for every application to be final (default 10 min). */
  timeoutMs?: number;
  onProgress?: (text: string) => void;
}

export interface LoadResult {
  /** 201 answers, and every other status seen with its count. */
  accepted: number;
  rejected: Record<string, number>;
  submitMs: number;
  /** Milliseconds of each POST /api/applications. */
  latencies: number[];
  /** From the first POST until every application is final. */
  endToEndMs: number;
  /** Applications stored, by status. */
  statuses: Record<string, number>;
  /** Idempotency keys that took effect more than once, and items submitted under more than one key. */
  duplicates: string[];
  /** Items of accepted applications the department never received. */
  unsent: number;
  departmentRequests: number;
}

const SECRETS = { health: 'health-callback-secret-0001', hrss: 'hrss-callback-secret-00000001' };
const behaviour = (department: string): FakeBehaviour => (department === 'tax' ? { failFirst: 1 } : {});

/** Every item of the newborn bundle applies to the complete application. */
const ITEMS = [
  'birthCert',
  'vaccineCert',
  'birthReg',
  'medInsReg',
  'medInsPay',
  'ssCard',
  'maternityBenefit',
  'birthRegistration',
  'parentingGuide',
];

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.storage !== 'sqlite') throw new Error(`load runs on ${options.storage} are not wired yet`);
  const progress = options.onProgress ?? (() => undefined);
  const fake = await createFakeDepartment({ behaviour, outputs: newbornOutputs, callbackSecrets: SECRETS });
  const db = join(options.dir, 'onething.db');
  const adaptersFile = writeAdapterFile(join(options.dir, 'adapters.json'), fake, SECRETS, {
    timeoutMs: 10_000,
    retries: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
  });
  const server = await startServerProcess({ storage: options.storage, db, adaptersFile, pollMs: 500 });
  fake.setServer(server.url);
  const client = createLoadClient(server.url, options.concurrency ?? 64);
  const application = newbornApplication();
  const counts = new Database(db, { readonly: true });
  const byStatus = counts.prepare<[], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM applications GROUP BY status',
  );
  const statuses = () => Object.fromEntries(byStatus.all().map((r) => [r.status, r.n]));
  try {
    const ids: string[] = [];
    const latencies: number[] = [];
    const rejected: Record<string, number> = {};
    const started = performance.now();
    await runPool(options.applications, options.concurrency ?? 64, async () => {
      const reply = await client.send('POST', '/api/applications', application);
      if (reply.status === 201) {
        ids.push((reply.body as { id: string }).id);
        latencies.push(reply.ms);
      } else rejected[reply.status] = (rejected[reply.status] ?? 0) + 1;
    });
    const submitMs = performance.now() - started;
    progress(`${ids.length} accepted in ${(submitMs / 1000).toFixed(1)} s`);
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    let last = '';
    for (;;) {
      const now = statuses();
      const open = Object.entries(now)
        .filter(([s]) => !FINAL.has(s))
        .reduce((sum, [, n]) => sum + n, 0);
      if (open === 0) break;
      if (Date.now() > deadline)
        throw new Error(`not final in time: ${JSON.stringify(now)}\n${server.stderr()}`);
      const text = JSON.stringify(now);
      if (text !== last) progress(`${((performance.now() - started) / 1000).toFixed(1)} s ${text}`);
      last = text;
      await new Promise((r) => setTimeout(r, 250));
    }
    const endToEndMs = performance.now() - started;
    const duplicates = [...fake.effects].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
    let unsent = 0;
    for (const id of ids)
      for (const item of ITEMS) {
        const seen = fake.submissionsOf(id, item).length;
        if (seen === 0) unsent++;
        if (seen > 1) duplicates.push(`${id}:${item} submitted ${seen} times`);
      }
    return {
      accepted: ids.length,
      rejected,
      submitMs,
      latencies,
      endToEndMs,
      statuses: statuses(),
      duplicates,
      unsent,
      departmentRequests: fake.requests.length,
    };
  } finally {
    counts.close();
    client.close();
    fake.setServer(undefined);
    await server.stop();
    await fake.close();
  }
}
