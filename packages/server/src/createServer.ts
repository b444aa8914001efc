import { createHttpAdapter, createMemoryAdapter, formatInstant, type AdapterMap } from '@onething/engine';
import type { FastifyInstance } from 'fastify';
import { loadBundles, type BundleRegistry } from './bundles/loadBundles.js';
import { createHttpApp, type HttpAppOptions } from './http/createHttpApp.js';
import { createApplicationService, type ApplicationService } from './service/createApplicationService.js';
import {
  createPostgresStorage,
  type PostgresStorage,
  type PostgresStorageOptions,
} from './storage/createPostgresStorage.js';
import { createSqliteStorage, type SqliteStorage } from './storage/createSqliteStorage.js';
import { createJobHandler } from './worker/createJobHandler.js';
import { createLoadGovernor, type LoadGovernor } from './worker/createLoadGovernor.js';
import { createPgBossJobRunner } from './worker/createPgBossJobRunner.js';
import { createSqliteJobRunner, type SqliteJobRunnerOptions } from './worker/createSqliteJobRunner.js';

export interface ServerOptions {
  /** Directory of bundles (default `examples`). */
  bundlesDir: string;
  /** SQLite file (default `./data/onething.db`); ignored when `databaseUrl` is set. */
  sqliteFile?: string;
  /** `postgres://…`: PostgreSQL and pg-boss instead of SQLite, so several processes share the work. */
  databaseUrl?: string;
  /** PostgreSQL pool, pg-boss maintenance and retry settings (with `databaseUrl`). */
  postgres?: Omit<PostgresStorageOptions, 'connectionString'>;
  /** Jobs a worker runs at once (default 16). */
  workerConcurrency?: number;
  /** Department adapters by item or department id; default: a simulated department for each. */
  adapters?: AdapterMap;
  /**
   * Reach every department over HTTP at `<departmentsUrl>/<department id>` (the engine's HTTP adapter
   * endpoints) instead of simulating it; `adapters` still win for the ids they name.
   */
  departmentsUrl?: string;
  /** Department id → secret of its signed callbacks. */
  callbackSecrets?: Record<string, string>;
  /** Callbacks processed at once and waiting (defaults 16 and 128; beyond: 503, deliver again). */
  callbackLimit?: HttpAppOptions['callbackLimit'];
  /** Run the job worker in this process (default true; `false` for API-only processes in PostgreSQL mode). */
  worker?: boolean;
  logger?: boolean;
  clock?: { now(): number };
  pollIntervalMs?: number;
  /** Job loop settings of the SQLite mode (concurrency, lease, attempts). */
  jobs?: Omit<SqliteJobRunnerOptions, 'clock'>;
}

export interface OnethingServer {
  app: FastifyInstance;
  storage: SqliteStorage | PostgresStorage;
  service: ApplicationService;
  bundles: BundleRegistry;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** A simulated department per department id of the bundles: accepts, reviews and issues at once. */
function simulatedDepartments(bundles: BundleRegistry, clock: { now(): number }): AdapterMap {
  const adapters: AdapterMap = {};
  for (const served of bundles.list())
    for (const item of served.compiled.bundle.items) {
      const department = String(item.department);
      adapters[department] ??= createMemoryAdapter({ department, clock: () => formatInstant(clock.now()) });
    }
  return adapters;
}

/** An HTTP department per department id of the bundles, at `<baseUrl>/<department id>`. */
function httpDepartments(bundles: BundleRegistry, baseUrl: string): AdapterMap {
  const adapters: AdapterMap = {};
  const base = baseUrl.replace(/\/+$/, '');
  for (const served of bundles.list())
    for (const item of served.compiled.bundle.items) {
      const department = String(item.department);
      adapters[department] ??= createHttpAdapter({ baseUrl: `${base}/${encodeURIComponent(department)}` });
    }
  return adapters;
}

/** The storage and job runner of the mode the options ask for. */
async function createBackend(options: ServerOptions, clock: { now(): number }, governor: LoadGovernor) {
  if (options.databaseUrl) {
    const storage = await createPostgresStorage({
      ...options.postgres,
      connectionString: options.databaseUrl,
    });
    const concurrency = options.workerConcurrency;
    return {
      storage,
      runner: createPgBossJobRunner(storage, concurrency !== undefined ? { concurrency } : {}),
    };
  }
  const storage = createSqliteStorage(options.sqliteFile ?? './data/onething.db');
  // One process serves a SQLite file: jobs still claimed are a crashed predecessor's.
  if (options.worker !== false) await storage.releaseLeases();
  const concurrency = options.workerConcurrency;
  return {
    storage,
    runner: createSqliteJobRunner(storage, {
      limit: governor.limit,
      ...options.jobs,
      clock,
      ...(concurrency !== undefined ? { concurrency } : {}),
    }),
  };
}

/**
 * The server on its embedded default: SQLite (created with its folder and migrated on first use), the
 * API and an in-process job worker. With no adapters configured each department is simulated, so a
 * fresh clone can `npx onething serve` and submit at once. With `databaseUrl` it runs on PostgreSQL
 * and pg-boss instead; other processes (`worker: true`, or `onething worker`) share the jobs.
 */
export async function createServer(options: ServerOptions): Promise<OnethingServer> {
  const clock = options.clock ?? { now: () => Date.now() };
  const bundles = loadBundles(options.bundlesDir);
  // API and worker share this process: while applicants' requests saturate it, the worker backs off.
  const governor = createLoadGovernor();
  const { storage, runner } = await createBackend(options, clock, governor);
  const service = createApplicationService({ storage, bundles, clock });
  const handler = createJobHandler({
    service,
    bundles,
    adapters: {
      ...(options.departmentsUrl
        ? httpDepartments(bundles, options.departmentsUrl)
        : options.adapters
          ? {}
          : simulatedDepartments(bundles, clock)),
      ...options.adapters,
    },
    clock,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    callbackDepartments: new Set(Object.keys(options.callbackSecrets ?? {})),
  });
  const app = await createHttpApp({
    service,
    storage,
    bundles,
    callbackSecrets: options.callbackSecrets ?? {},
    ...(options.callbackLimit !== undefined ? { callbackLimit: options.callbackLimit } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    onWork: () => runner.poke(),
  });
  app.addHook('onRequest', (_req, _reply, done) => {
    governor.noteRequest();
    done();
  });
  if (options.worker !== false) await runner.start(handler);
  return {
    app,
    storage,
    service,
    bundles,
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async close() {
      await app.close();
      await runner.stop();
      governor.stop();
      await storage.close();
    },
  };
}
