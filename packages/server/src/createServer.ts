import { createMemoryAdapter, formatInstant, type AdapterMap } from '@onething/engine';
import type { FastifyInstance } from 'fastify';
import { loadBundles, type BundleRegistry } from './bundles/loadBundles.js';
import { createHttpApp } from './http/createHttpApp.js';
import { createApplicationService, type ApplicationService } from './service/createApplicationService.js';
import { createSqliteStorage, type SqliteStorage } from './storage/createSqliteStorage.js';
import { createJobHandler } from './worker/createJobHandler.js';
import { createSqliteJobRunner, type SqliteJobRunnerOptions } from './worker/createSqliteJobRunner.js';

export interface ServerOptions {
  /** Directory of bundles (default `examples`). */
  bundlesDir: string;
  /** SQLite file (default `./data/onething.db`). */
  sqliteFile?: string;
  /** Department adapters by item or department id; default: a simulated department for each. */
  adapters?: AdapterMap;
  /** Department id → secret of its signed callbacks. */
  callbackSecrets?: Record<string, string>;
  /** Run the job worker in this process (default true). */
  worker?: boolean;
  logger?: boolean;
  clock?: { now(): number };
  pollIntervalMs?: number;
  /** Job loop settings of the SQLite mode (concurrency, lease, attempts). */
  jobs?: Omit<SqliteJobRunnerOptions, 'clock'>;
}

export interface OnethingServer {
  app: FastifyInstance;
  storage: SqliteStorage;
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

/**
 * The server on its embedded default: SQLite (created with its folder and migrated on first use), the
 * API and an in-process job worker. With no adapters configured each department is simulated, so a
 * fresh clone can `npx onething serve` and submit at once.
 */
export async function createServer(options: ServerOptions): Promise<OnethingServer> {
  const clock = options.clock ?? { now: () => Date.now() };
  const bundles = loadBundles(options.bundlesDir);
  const storage = createSqliteStorage(options.sqliteFile ?? './data/onething.db');
  const service = createApplicationService({ storage, bundles, clock });
  const runner = createSqliteJobRunner(storage, { ...options.jobs, clock });
  const handler = createJobHandler({
    service,
    bundles,
    adapters: options.adapters ?? simulatedDepartments(bundles, clock),
    clock,
    ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  const app = await createHttpApp({
    service,
    storage,
    bundles,
    callbackSecrets: options.callbackSecrets ?? {},
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    onWork: () => runner.poke(),
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
      await storage.close();
    },
  };
}
