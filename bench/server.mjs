// `npm run bench:server`: the figures issue #6 asks for on SQLite and, when a PostgreSQL server is
// given, on PostgreSQL (one API process with 1, then 2, worker processes), next to bare fastify
// measured in the same run. The server processes and the baseline each run in their own process; the
// client and the fake department share this one. Results are recorded in BENCHMARKS.md ("Issue #6
// (server)").
//   ONETHING_BENCH_APPLICATIONS (default 10000), ONETHING_BENCH_CONCURRENCY (default 64).
//   ONETHING_BENCH_PG, else DATABASE_URL: a PostgreSQL server whose user may CREATE DATABASE, e.g.
//     postgres://postgres@127.0.0.1:5432/postgres; each PostgreSQL run gets a fresh database, dropped
//     after it. Unset: SQLite only.
//   ONETHING_BENCH_STORAGE=postgres skips the SQLite runs (PostgreSQL figures only).
//   ONETHING_BENCH_PG_APPLICATIONS: applications of each PostgreSQL load run (default: as SQLite).
//   ONETHING_BENCH_RATE (default 1000) and ONETHING_BENCH_SECONDS (default 10): the open-loop intake
//     check of the target (≥ 1,000 submissions/s on SQLite with p99 ≤ 50 ms): requests are sent on a
//     fixed schedule, as applicants arrive, and each latency counts from the moment it was due.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLoadClient, quantile, runPool } from '../packages/server/test/loadClient.ts';
import { newbornApplication, startServerProcess } from '../packages/server/test/crashHarness.ts';
import { runLoad } from '../packages/server/test/loadRun.ts';
import { offerAtRate } from '../packages/server/test/offerAtRate.ts';
import { createTestDatabase } from '../packages/server/test/postgresTestDatabase.ts';

const APPLICATIONS = Number(process.env.ONETHING_BENCH_APPLICATIONS ?? 10_000);
const PG_APPLICATIONS = Number(process.env.ONETHING_BENCH_PG_APPLICATIONS ?? APPLICATIONS);
const RATE = Number(process.env.ONETHING_BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.ONETHING_BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.ONETHING_BENCH_CONCURRENCY ?? 64);
const POSTGRES = process.env.ONETHING_BENCH_PG || process.env.DATABASE_URL || undefined;
const SQLITE = process.env.ONETHING_BENCH_STORAGE !== 'postgres';
if (!SQLITE && !POSTGRES) {
  console.error('bench:server: ONETHING_BENCH_STORAGE=postgres needs ONETHING_BENCH_PG or DATABASE_URL');
  process.exit(2);
}
const ms = (x) => `${x.toFixed(1)} ms`;
const rate = (n, tookMs) => Math.round((n * 1000) / tookMs);

async function hello() {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'serverHello.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`hello server ended (${code})`)));
  });
  const client = createLoadClient(url, CONCURRENCY);
  const body = newbornApplication();
  const measure = async (method, n) => {
    await runPool(2000, CONCURRENCY, () =>
      client.send(method, '/hello', method === 'POST' ? body : undefined),
    );
    const latencies = [];
    const t0 = performance.now();
    await runPool(n, CONCURRENCY, async () => {
      const reply = await client.send(method, '/hello', method === 'POST' ? body : undefined);
      latencies.push(reply.ms);
    });
    return {
      perSecond: rate(n, performance.now() - t0),
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
    };
  };
  const get = await measure('GET', 20_000);
  const post = await measure('POST', APPLICATIONS);
  client.close();
  child.kill('SIGTERM');
  return { get, post };
}

/** The API alone (worker off, jobs left in the database): what intake costs without the worker's share. */
async function intakeOnly(dir) {
  const server = await startServerProcess({ storage: 'sqlite', db: join(dir, 'intake.db'), worker: false });
  try {
    return await postAll(server);
  } finally {
    await server.stop();
  }
}

/**
 * The target's own terms: `RATE` submissions a second offered for `SECONDS` (open loop) to a fresh
 * SQLite server, API only or as served out of the box (API + in-process worker, simulated departments).
 */
async function intakeAtRate(dir, worker) {
  const server = await startServerProcess({
    storage: 'sqlite',
    db: join(dir, `rate-${worker ? 'served' : 'api'}.db`),
    worker,
  });
  const client = createLoadClient(server.url, 256);
  const body = newbornApplication();
  try {
    await runPool(1000, 32, () => client.send('POST', '/api/applications', body)); // warm-up
    const r = await offerAtRate({
      rate: RATE,
      seconds: SECONDS,
      send: async () => (await client.send('POST', '/api/applications', body)).status,
    });
    return {
      ...r,
      perSecond: rate(r.ok, r.tookMs),
      p50: quantile(r.latencies, 0.5),
      p99: quantile(r.latencies, 0.99),
    };
  } finally {
    client.close();
    await server.stop();
  }
}

const rateLine = (label, r) => {
  const met = r.ok === r.offered && r.p99 <= 50;
  console.log(
    `${RATE} submissions/s offered for ${SECONDS} s, ${label}: ${r.ok}/${r.offered} accepted (${r.perSecond}/s), ` +
      `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${Object.keys(r.failed).length ? `, failed ${JSON.stringify(r.failed)}` : ''}` +
      ` — target (all accepted, p99 ≤ 50 ms) ${met ? 'met' : 'NOT met'}`,
  );
};

/** The same on PostgreSQL, on a fresh database. */
async function intakeOnlyPostgres() {
  const db = await createTestDatabase(POSTGRES);
  try {
    const server = await startServerProcess({ storage: 'postgres', databaseUrl: db.url, worker: false });
    try {
      return await postAll(server);
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

/** POST the applications to `server`, every one must be accepted. */
async function postAll(server) {
  const client = createLoadClient(server.url, CONCURRENCY);
  const body = newbornApplication();
  const latencies = [];
  const t0 = performance.now();
  await runPool(APPLICATIONS, CONCURRENCY, async () => {
    const reply = await client.send('POST', '/api/applications', body);
    if (reply.status !== 201) throw new Error(`intake answered ${reply.status}`);
    latencies.push(reply.ms);
  });
  const took = performance.now() - t0;
  client.close();
  return {
    perSecond: rate(APPLICATIONS, took),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

/** Print the figures of one load run against the baseline; false when it lost or duplicated work. */
function report(label, result, base, applications = APPLICATIONS) {
  const accepted = rate(result.accepted, result.submitMs);
  console.log(
    `POST /api/applications, ${label}: ${accepted} accepted/s, p50 ${ms(quantile(result.latencies, 0.5))}, p99 ${ms(quantile(result.latencies, 0.99))}` +
      ` — ${(accepted / base.post.perSecond).toFixed(2)}× bare fastify POST, ${(accepted / base.get.perSecond).toFixed(2)}× GET`,
  );
  console.log(
    `  end to end: ${applications} applications final in ${(result.endToEndMs / 1000).toFixed(1)} s ${JSON.stringify(result.statuses)}; ` +
      `${result.departmentRequests} department requests, ${result.duplicates.length} duplicate(s), ${result.unsent} item(s) never sent, ${result.deadJobs} dead job(s)`,
  );
  if (
    result.accepted !== applications ||
    result.duplicates.length > 0 ||
    result.unsent > 0 ||
    result.deadJobs > 0
  ) {
    console.error(
      `bench:server (${label}): the run lost or duplicated work`,
      result.rejected,
      result.duplicates.slice(0, 5),
    );
    return false;
  }
  return true;
}

const intakeLine = (label, intake, base) =>
  console.log(
    `POST /api/applications, ${label}: ${intake.perSecond} accepted/s, p50 ${ms(intake.p50)}, p99 ${ms(intake.p99)}` +
      ` — ${(intake.perSecond / base.post.perSecond).toFixed(2)}× bare fastify POST`,
  );

const dir = mkdtempSync(join(tmpdir(), 'onething-bench-server-'));
try {
  console.log(
    `bench:server — ${APPLICATIONS} newborn applications, ${CONCURRENCY} in flight, ${cpus().length} CPU(s), Node ${process.version}` +
      (!POSTGRES
        ? ' (SQLite; set ONETHING_BENCH_PG for PostgreSQL)'
        : SQLITE
          ? ', SQLite and PostgreSQL'
          : ', PostgreSQL only'),
  );
  const base = await hello();
  console.log(
    `bare fastify GET /hello:  ${base.get.perSecond} req/s, p50 ${ms(base.get.p50)}, p99 ${ms(base.get.p99)}`,
  );
  console.log(
    `bare fastify POST /hello (same body): ${base.post.perSecond} req/s, p50 ${ms(base.post.p50)}, p99 ${ms(base.post.p99)}`,
  );
  const progress = (text) => console.log(`  … ${text}`);
  let ok = true;
  if (SQLITE) {
    rateLine('SQLite, API only (worker off)', await intakeAtRate(dir, false));
    rateLine('SQLite, as served (API + worker, simulated departments)', await intakeAtRate(dir, true));
    intakeLine(`SQLite, API only (worker off), ${CONCURRENCY} in flight`, await intakeOnly(dir), base);
    const result = await runLoad({
      storage: 'sqlite',
      dir,
      applications: APPLICATIONS,
      concurrency: CONCURRENCY,
      onProgress: progress,
    });
    ok = report('SQLite, API + worker in one process (as served)', result, base) && ok;
  }
  if (POSTGRES) {
    intakeLine('PostgreSQL, API only (no worker)', await intakeOnlyPostgres(), base);
    for (const workers of [1, 2]) {
      const result = await runLoad({
        storage: 'postgres',
        databaseUrl: POSTGRES,
        workers,
        dir,
        applications: PG_APPLICATIONS,
        concurrency: CONCURRENCY,
        timeoutMs: 3_600_000,
        onProgress: progress,
      });
      ok =
        report(
          `PostgreSQL, 1 API process + ${workers} worker process${workers > 1 ? 'es' : ''}`,
          result,
          base,
          PG_APPLICATIONS,
        ) && ok;
    }
  }
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
