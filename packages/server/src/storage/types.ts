import type { FlowState } from '@onething/engine';

/** One application as stored: the decider's whole state and who may act on it. */
export interface StoredApplication {
  id: string;
  bundleId: string;
  revision: number;
  state: FlowState;
  /** SHA-256 of the applicant's access token (the token itself is never stored). */
  tokenHash: string;
}

/** Work the service leaves for workers, written in the same transaction as the state that asks for it. */
export type Job =
  /** Perform adapter call `callId` of an application (dispatch, supplement, withdraw). */
  | { name: 'call'; applicationId: string; callId: string; runAt: number }
  /** Fire timer `timerId` of an application at `runAt`. */
  | { name: 'timer'; applicationId: string; timerId: string; runAt: number }
  /** Ask the departments without callbacks how the application's items stand (adapter `poll`). */
  | { name: 'poll'; applicationId: string; runAt: number };

/** Something that happened to an application, for the status stream (SSE) and the audit trail. */
export interface ApplicationEvent {
  applicationId: string;
  revision: number;
  at: string;
  /** `state` (a new revision), `notification`, `verify` (a 核查 task)… */
  kind: string;
  data: unknown;
}

/** A transaction: everything done through it commits together or not at all. */
export interface Tx {
  /** The application, locked until the transaction ends (PostgreSQL `FOR UPDATE`). */
  getApplication(id: string): Promise<StoredApplication | undefined>;
  insertApplication(app: StoredApplication): Promise<boolean>;
  /**
   * Save a new revision and the events it brings (one statement in PostgreSQL); false, and nothing
   * saved, when the stored revision is not `revision - 1`.
   */
  updateApplication(
    id: string,
    revision: number,
    state: FlowState,
    events: ApplicationEvent[],
  ): Promise<boolean>;
  appendEvents(events: ApplicationEvent[]): Promise<void>;
  enqueue(jobs: Job[]): Promise<void>;
  /** Record a department event id; false when it was seen before (the callback inbox). */
  acceptInbox(source: string, eventId: string): Promise<boolean>;
  /**
   * A stored response for an `Idempotency-Key` saved at or after `notBefore` (ms since the epoch), or
   * undefined (then `saveIdempotent` after the work): an older one has expired and counts as absent.
   */
  getIdempotent(
    key: string,
    notBefore: number,
  ): Promise<{ requestHash: string; status: number; body: unknown } | undefined>;
  /** Keep the answer to an `Idempotency-Key`, saved at `at` (ms since the epoch, the service clock). */
  saveIdempotent(key: string, requestHash: string, status: number, body: unknown, at: number): Promise<void>;
}

/** A claimed job: done, or given back to be retried after `delayMs`. */
export interface ClaimedJob {
  id: string;
  job: Job;
  attempts: number;
}

/** Where applications live: SQLite on one machine, PostgreSQL across many. */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  getApplication(id: string): Promise<StoredApplication | undefined>;
  /** Events of an application after `revision` (exclusive), oldest first. */
  eventsSince(applicationId: string, revision: number): Promise<ApplicationEvent[]>;
  countApplications(): Promise<number>;
  /**
   * The application a department's update is for, read without locking anything, and whether the
   * callback inbox holds `source`/`eventId` already — one statement, so a redelivered update is
   * answered without touching the application. `Tx.acceptInbox` stays the check that counts.
   */
  getForCallback(
    applicationId: string,
    source: string,
    eventId: string,
  ): Promise<{ application: StoredApplication | undefined; received: boolean }>;
  /** Forget `Idempotency-Key` answers saved before `before` (ms since the epoch); how many went. */
  purgeIdempotency(before: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * What a worker does with a job. `attempt` counts from 1. A runner that can mark the job done inside
 * another transaction passes `finish`: the handler calls it in the transaction that saves the job's
 * effect, so the effect and the job's end commit together (one commit fewer, and no window between).
 */
export type JobHandler = (job: Job, attempt: number, finish?: (tx: Tx) => Promise<void>) => Promise<void>;

/** Runs jobs: claims due ones, calls the handler, marks them done or retries them with backoff. */
export interface JobRunner {
  /** Start taking jobs; `attempt` counts from 1 (a retry after a crash or a failure is 2 or more). */
  start(handler: JobHandler): Promise<void>;
  /** Take jobs now (this process has just sent some). */
  poke(): void;
  /** Stop taking jobs and wait for the running ones. */
  stop(): Promise<void>;
}
