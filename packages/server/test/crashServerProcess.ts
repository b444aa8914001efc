// The server as a child process for the crash and load tests and the benchmark: createServer with an
// adapter file, listening on an ephemeral port, printing `listening <url>` once ready. Settings come
// from the environment (see `ServerProcessEnv` in crashHarness.ts): SQLite (ONETHING_DB) or PostgreSQL
// (DATABASE_URL, with a shortened pg-boss queue policy); ONETHING_WORKER=0 serves the API only,
// ONETHING_API=0 runs a job worker only and prints `working` instead. With ONETHING_KILL_AFTER_ANSWERS=n,
// a SIGUSR2 arms a crash point: the process SIGKILLs itself right after the n-th department answer that
// follows, before the application service sees it (the crash between a department's answer and the
// state commit).
import type { DepartmentAdapter } from '@onething/engine';
import { createServer, loadAdapterConfig, type ServerOptions } from '../src/index.js';

const env = process.env;
const storage = env.ONETHING_STORAGE ?? 'sqlite';
if (storage !== 'sqlite' && storage !== 'postgres') {
  console.error(`crashServerProcess: ONETHING_STORAGE must be sqlite or postgres, got ${storage}`);
  process.exit(2);
}
if (storage === 'postgres' && !env.DATABASE_URL) {
  console.error('crashServerProcess: ONETHING_STORAGE=postgres needs DATABASE_URL');
  process.exit(2);
}
/** The pg-boss settings the environment sets (shortened in tests, so a dead worker's jobs come back soon). */
function pgSettings(): ServerOptions['postgres'] {
  const settings: NonNullable<ServerOptions['postgres']> = {};
  if (env.ONETHING_PG_EXPIRE_S) settings.expireInSeconds = Number(env.ONETHING_PG_EXPIRE_S);
  if (env.ONETHING_PG_MAINTENANCE_S)
    settings.maintenanceIntervalSeconds = Number(env.ONETHING_PG_MAINTENANCE_S);
  if (env.ONETHING_PG_RETRY_DELAY_S) settings.retryDelaySeconds = Number(env.ONETHING_PG_RETRY_DELAY_S);
  return settings;
}

const loaded = env.ONETHING_ADAPTERS ? loadAdapterConfig(env.ONETHING_ADAPTERS) : undefined;
const killAfter = Number(env.ONETHING_KILL_AFTER_ANSWERS ?? 0);
let answers = 0;
let armedAt: number | undefined;
process.on('SIGUSR2', () => {
  armedAt = answers;
});
/** Count department answers; at the chosen one, die before anyone hears it. */
function crashPoint<A extends unknown[], R>(call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const result = await call(...args);
    answers += 1;
    if (killAfter > 0 && armedAt !== undefined && answers - armedAt === killAfter) {
      process.stdout.write(`crash after answer ${answers}\n`);
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    }
    return result;
  };
}
const adapters =
  loaded &&
  Object.fromEntries(
    Object.entries(loaded.adapters).map(([id, a]): [string, DepartmentAdapter] => [
      id,
      {
        submit: crashPoint(a.submit.bind(a)),
        supplement: crashPoint(a.supplement.bind(a)),
        withdraw: crashPoint(a.withdraw.bind(a)),
        ...(a.poll ? { poll: a.poll.bind(a) } : {}),
        ...(a.reconcile ? { reconcile: crashPoint(a.reconcile.bind(a)) } : {}),
      },
    ]),
  );

const server = await createServer({
  bundlesDir: env.ONETHING_BUNDLES!,
  ...(storage === 'postgres'
    ? {
        databaseUrl: env.DATABASE_URL!,
        postgres: pgSettings(),
        ...(env.ONETHING_JOB_CONCURRENCY ? { workerConcurrency: Number(env.ONETHING_JOB_CONCURRENCY) } : {}),
      }
    : { sqliteFile: env.ONETHING_DB! }),
  ...(adapters ? { adapters, callbackSecrets: loaded!.callbackSecrets } : {}),
  pollIntervalMs: Number(env.ONETHING_POLL_MS ?? 100),
  jobs: {
    leaseMs: Number(env.ONETHING_LEASE_MS ?? 60_000),
    ...(env.ONETHING_JOB_CONCURRENCY ? { concurrency: Number(env.ONETHING_JOB_CONCURRENCY) } : {}),
    pollMs: 20,
  },
  logger: false,
  worker: env.ONETHING_WORKER !== '0',
});
if (env.ONETHING_API === '0') process.stdout.write('working\n');
else process.stdout.write(`listening ${await server.listen(Number(env.ONETHING_PORT ?? 0))}\n`);
// A test or benchmark that dies (or a test runner that times a test out) must not leave this server
// running: once the parent is gone (this process is re-parented), it ends too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
