// The server as a child process for the crash and load tests and the benchmark: createServer with an
// adapter file, listening on an ephemeral port, printing `listening <url>` once ready. Settings come
// from the environment (see `ServerProcessEnv` in crashHarness.ts). With ONETHING_KILL_AFTER_ANSWERS=n,
// a SIGUSR2 arms a crash point: the process SIGKILLs itself right after the n-th department answer that
// follows, before the application service sees it (the crash between a department's answer and the
// state commit).
import type { DepartmentAdapter } from '@onething/engine';
import { createServer, loadAdapterConfig } from '../src/index.js';

const env = process.env;
const storage = env.ONETHING_STORAGE ?? 'sqlite';
if (storage !== 'sqlite') {
  // The PostgreSQL mode arrives with its own createServer option; until then say so plainly.
  console.error(`crashServerProcess: storage mode ${storage} is not wired on this branch yet`);
  process.exit(2);
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
  sqliteFile: env.ONETHING_DB!,
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
const url = await server.listen(Number(env.ONETHING_PORT ?? 0));
process.stdout.write(`listening ${url}\n`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
