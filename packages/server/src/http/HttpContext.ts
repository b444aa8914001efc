import type { WorkCalendar } from '@onething/engine';
import type { FastifyRequest } from 'fastify';
import type { BundleRegistry } from '../bundles/loadBundles.js';
import type { Admission } from './createAdmission.js';
import type { ApplicationService } from '../service/createApplicationService.js';
import type { Job, Storage, StoredApplication } from '../storage/types.js';

/**
 * A host's own check of an applicant (a portal session, a government SSO): whether the request may
 * read and act on the application. Tried when the request carries no valid application token.
 */
export type AuthorizeHook = (
  request: FastifyRequest,
  application: StoredApplication,
) => boolean | Promise<boolean>;

/** What the operator endpoints read; SQLite's storage has both, another store may bring its own. */
export interface OperatorQueries {
  /** Jobs that gave up (dead letters). */
  deadJobs?(): Promise<Array<{ id: string; job: Job; attempts: number; error: string | null }>>;
  /** Applications still in progress (for the overdue list), at most `limit`. */
  openApplications?(limit: number): Promise<StoredApplication[]>;
}

/** The resolved options the route modules share. */
export interface HttpContext {
  service: ApplicationService;
  storage: Storage;
  bundles: BundleRegistry;
  calendar: WorkCalendar;
  /** Wall clock of the transport checks (callback timestamps). */
  now: () => number;
  authorize?: AuthorizeHook;
  onWork?: () => void;
  callbackSecrets: Record<string, string>;
  callbackToleranceMs: number;
  /** Callbacks processed at once, and waiting (beyond: 503). */
  callbackGate: Admission;
  operatorToken?: string;
  operatorQueries: OperatorQueries;
  streamPollMs: number;
  heartbeatMs: number;
  /** Open event streams, ended when the app closes. */
  streams: Set<() => void>;
}
