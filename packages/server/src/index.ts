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
export type { ApplicationService, CreateResult, SendResult } from './service/createApplicationService.js';
export { createSqliteStorage } from './storage/createSqliteStorage.js';
export type { SqliteStorage } from './storage/createSqliteStorage.js';
export type * from './storage/types.js';
export { createHttpApp, verifySignature } from './http/createHttpApp.js';
export type { HttpAppOptions } from './http/createHttpApp.js';
export { createJobHandler, NotDueError } from './worker/createJobHandler.js';
export { createSqliteJobRunner, jobBackoffMs } from './worker/createSqliteJobRunner.js';
export { loadAdapterConfig, AdapterConfigError } from './adapters/loadAdapterConfig.js';
export type { LoadAdapterConfigOptions, LoadedAdapters } from './adapters/loadAdapterConfig.js';
export { checkAdapterConfig } from './adapters/checkAdapterConfig.js';
export type * from './adapters/checkAdapterConfig.js';
