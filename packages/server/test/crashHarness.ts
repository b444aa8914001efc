// Shared by the crash test, the load test and the server benchmark: the server as a child process
// (crashServerProcess.ts), the newborn fixture, an adapter file pointing every department of the
// bundle at a fake department, and the end state of an application with what differs between runs
// (ids, instants) taken out.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeDepartment } from './fakeDepartment.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '../../..');

/** Where the server keeps applications: a SQLite file, or PostgreSQL with pg-boss queues. */
export type StorageMode = 'sqlite' | 'postgres';

export interface ServerProcessEnv {
  storage: StorageMode;
  /** SQLite file (sqlite mode). */
  db?: string;
  /** PostgreSQL URL (postgres mode). */
  databaseUrl?: string;
  adaptersFile?: string;
  /** Crash point armed by SIGUSR2: die right after this many department answers. */
  killAfterAnswers?: number;
  pollMs?: number;
  leaseMs?: number;
  jobConcurrency?: number;
  /** false: the API only, jobs wait in the database (to measure intake alone, or for workers elsewhere). */
  worker?: boolean;
  /** false: a job worker only, no HTTP listener (postgres mode; `url` is then empty). */
  api?: boolean;
  /** pg-boss queue policy (postgres mode): how soon a dead worker's jobs come back, and retries. */
  postgres?: { expireInSeconds?: number; maintenanceIntervalSeconds?: number; retryDelaySeconds?: number };
}

export interface ServerProcess {
  /** `http://127.0.0.1:port`, or '' for a worker-only process. */
  url: string;
  child: ChildProcess;
  /** Resolves with the signal (or exit code) when the process ends. */
  exited: Promise<string>;
  /** Arm the crash point (see `killAfterAnswers`). */
  arm(): void;
  kill(): Promise<string>;
  stop(): Promise<string>;
  /** What the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Whether the armed crash point fired (the process killed itself after a department's answer). */
  crashedAfterAnswer(): boolean;
}

const SCRIPT = join(here, 'crashServerProcess.ts');

/** Start the server in a child process and wait until it listens (or, worker-only, works). */
export async function startServerProcess(settings: ServerProcessEnv): Promise<ServerProcess> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ONETHING_STORAGE: settings.storage,
    ONETHING_BUNDLES: join(repoRoot, 'examples'),
  };
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) env[name] = String(value);
  };
  set('ONETHING_DB', settings.db);
  set('DATABASE_URL', settings.databaseUrl);
  set('ONETHING_ADAPTERS', settings.adaptersFile);
  set('ONETHING_KILL_AFTER_ANSWERS', settings.killAfterAnswers);
  set('ONETHING_POLL_MS', settings.pollMs);
  set('ONETHING_LEASE_MS', settings.leaseMs);
  set('ONETHING_JOB_CONCURRENCY', settings.jobConcurrency);
  set('ONETHING_PG_EXPIRE_S', settings.postgres?.expireInSeconds);
  set('ONETHING_PG_MAINTENANCE_S', settings.postgres?.maintenanceIntervalSeconds);
  set('ONETHING_PG_RETRY_DELAY_S', settings.postgres?.retryDelaySeconds);
  if (settings.worker === false) env.ONETHING_WORKER = '0';
  if (settings.api === false) env.ONETHING_API = '0';
  // e.g. ONETHING_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=prof" to profile the server process.
  const flags = process.env.ONETHING_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', SCRIPT], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: repoRoot,
  });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  // A test or benchmark that dies must not leave a server behind.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      process.off('exit', reap);
      resolve(signal ?? `exit ${code}`);
    }),
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /listening (\S+)|^working$/m.exec(out);
      if (m) resolve(m[1] ?? '');
    });
    void exited.then((how) => reject(new Error(`server process ended (${how}) before listening:\n${err}`)));
  });
  return {
    url,
    child,
    exited,
    arm: () => void child.kill('SIGUSR2'),
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    stderr: () => err,
    crashedAfterAnswer: () => out.includes('crash after answer'),
  };
}

/** The newborn example's complete application and the materials of its happy path. */
export function newbornApplication(): {
  bundleId: string;
  data: Record<string, unknown>;
  materials: unknown;
} {
  const data = JSON.parse(readFileSync(join(repoRoot, 'examples/newborn/data/valid-complete.json'), 'utf8'));
  const scenario = JSON.parse(
    readFileSync(join(repoRoot, 'examples/newborn/scenarios/happy-path.json'), 'utf8'),
  ) as { materials?: unknown };
  return { bundleId: 'newborn', data, materials: scenario.materials ?? {} };
}

/** The newborn bundle's departments. */
export const NEWBORN_DEPARTMENTS = ['health', 'cdc', 'police', 'medicalInsurance', 'tax', 'hrss'] as const;

/** Outputs of the newborn items, as a department would report them with `issued`. */
export function newbornOutputs(item: string): Record<string, unknown> | undefined {
  switch (item) {
    case 'birthCert':
      return { birthCertNo: 'N350000001' };
    case 'birthReg':
      return { babyIdNumber: '350203202503140027' };
    case 'medInsReg':
      return { medInsPersonNo: 'YB3500000001' };
    default:
      return undefined;
  }
}

/** Write an adapter file: every department over HTTP to the fake, the given ones with callbacks. */
export function writeAdapterFile(
  file: string,
  fake: FakeDepartment,
  callbackSecrets: Record<string, string>,
  http: {
    timeoutMs: number;
    retries: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
    /** Departments whose API ignores `Idempotency-Key` (`idempotent: false` in the file). */
    notIdempotent?: readonly string[];
  },
): string {
  const { notIdempotent = [], ...settings } = http;
  const departments = Object.fromEntries(
    NEWBORN_DEPARTMENTS.map((d) => [
      d,
      {
        type: 'http',
        baseUrl: fake.baseUrl(d),
        ...settings,
        ...(notIdempotent.includes(d) ? { idempotent: false } : {}),
      },
    ]),
  );
  writeFileSync(file, JSON.stringify({ departments, callbackSecrets }, null, 2));
  return file;
}

/** Application statuses that do not change any more without the applicant. */
export const FINAL = new Set(['completed', 'partiallyCompleted', 'unsuccessful', 'withdrawn']);

const INSTANT_KEYS = new Set([
  'since',
  'clock',
  'decidedOn',
  'suppliedAt',
  'doneAt',
  'due',
  'createdAt',
  'submittedAt',
  'updatedAt',
  'supplyDue',
  'graceDue',
]);

/**
 * An application's end state without what legitimately differs between two runs: its id (replaced by
 * `APP` everywhere), instants and dates, armed timers, and the order of the callback inbox.
 */
export function comparableState(state: Record<string, unknown>): unknown {
  const id = String(state.applicationId);
  const { timers: _t, seen: _s, seq: _q, notice: _n, ...rest } = state;
  const text = JSON.stringify(rest, (key, value: unknown) => (INSTANT_KEYS.has(key) ? undefined : value));
  return JSON.parse(text.split(id).join('APP'));
}
