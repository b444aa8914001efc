/**
 * @onething/server — durable 一件事 applications behind an HTTP API: SQLite on one machine (the
 * embedded default), PostgreSQL + pg-boss across many.
 * @packageDocumentation
 */
export { createServer } from './createServer.js';
export type { OnethingServer, ServerOptions } from './createServer.js';
export { loadBundles } from './bundles/loadBundles.js';
export type { BundleRegistry, ServedBundle } from './bundles/loadBundles.js';
export { createApplicationService, hashToken, summary } from './service/createApplicationService.js';
export type {
  ApplicationService,
  CreatedApplication,
  CreateResult,
  Rating,
  SendResult,
} from './service/createApplicationService.js';
export { createSqliteStorage } from './storage/createSqliteStorage.js';
export type { SqliteStorage } from './storage/createSqliteStorage.js';
export { createPostgresStorage } from './storage/createPostgresStorage.js';
export type { PostgresStorage, PostgresStorageOptions } from './storage/createPostgresStorage.js';
export { PG_QUEUES } from './storage/pgBossQueues.js';
export type { PgQueuePolicy } from './storage/pgBossQueues.js';
export { PG_MIGRATIONS, migratePostgres } from './storage/pgSchema.js';
export type * from './storage/types.js';
export { createHttpApp, verifySignature, signCallback } from './http/createHttpApp.js';
export type { HttpAppOptions } from './http/createHttpApp.js';
export type { AuthorizeHook, OperatorQueries } from './http/HttpContext.js';
export { HTTP_DIAGNOSTICS } from './http/httpDiagnostics.js';
export type { ErrorBody, HttpDiagnostic, HttpDiagnosticCode } from './http/httpDiagnostics.js';
export { createJobHandler, NotDueError } from './worker/createJobHandler.js';
export { createSqliteJobRunner, jobBackoffMs } from './worker/createSqliteJobRunner.js';
export { createPgBossJobRunner } from './worker/createPgBossJobRunner.js';
export type { PgBossJobRunnerOptions } from './worker/createPgBossJobRunner.js';
export { loadAdapterConfig, AdapterConfigError } from './adapters/loadAdapterConfig.js';
export type { LoadAdapterConfigOptions, LoadedAdapters } from './adapters/loadAdapterConfig.js';
export { checkAdapterConfig } from './adapters/checkAdapterConfig.js';
export type * from './adapters/checkAdapterConfig.js';
