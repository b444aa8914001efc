import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  formatInstant,
  parseInstant,
  validateApplication,
  type Diagnostic,
  type FlowDecision,
  type FlowEffect,
  type FlowEvent,
  type FlowState,
  type MaterialDecisions,
} from '@onething/engine';
import type { BundleRegistry } from '../bundles/loadBundles.js';
import type { ApplicationEvent, Job, Storage, StoredApplication, Tx } from '../storage/types.js';
import { timeOrderedId } from './timeOrderedId.js';

export interface ServiceClock {
  now(): number;
}

/** The answer to a created application (what `POST /api/applications` sends with 201, and replays). */
export interface CreatedApplication {
  id: string;
  /**
   * The applicant's access token. The application keeps only its hash; with an `Idempotency-Key`
   * this whole answer is kept with the key, so that a retry gets the token back.
   */
  token: string;
  revision: number;
  state: Record<string, unknown>;
}

/** What creating an application answers. */
export type CreateResult =
  | {
      ok: true;
      created: CreatedApplication;
      /** The stored answer of an earlier request with the same `Idempotency-Key`: nothing was created. */
      replayed: boolean;
      /** The new application (absent when replayed). */
      application?: StoredApplication;
    }
  | {
      ok: false;
      status: 404 | 422;
      diagnostics: Diagnostic[];
      /** The `Idempotency-Key` was used before with a different request. */
      reason?: 'idempotencyKeyReused';
    };

/** A 好差评 rating: the five national levels (5 非常满意 … 1 非常不满意) for the whole and per item. */
export interface Rating {
  overall: 1 | 2 | 3 | 4 | 5;
  items?: Record<string, 1 | 2 | 3 | 4 | 5>;
  reasons?: { overall?: string[]; items?: Record<string, string[]> };
  comment?: string;
}

/** What feeding an event answers: the decision, and the revision it saved (unchanged when none). */
export interface SendResult {
  found: boolean;
  decision?: FlowDecision;
  revision?: number;
  /** Whether the event changed the state (a new revision was saved). */
  changed?: boolean;
}

export interface ApplicationService {
  /** Validate (the engine's `validateApplication`), then create and submit in one transaction. */
  create(input: {
    bundleId: string;
    data: unknown;
    materials?: unknown;
    /** Caller-chosen id (tests, imports); default a time-ordered UUID (version 7). */
    id?: string;
    /**
     * A client's `Idempotency-Key` and the hash of its request: the answer is stored with the new
     * application in the same transaction, and a later request with the key gets it back (same
     * hash) or is refused (another hash).
     */
    idempotencyKey?: string;
    requestHash?: string;
  }): Promise<CreateResult>;
  /**
   * Feed one event to an application, or several in order (what one poll of the departments
   * brought): decide, save, and leave their jobs, in one transaction.
   */
  send(
    applicationId: string,
    event: FlowEvent | readonly FlowEvent[],
    options?: {
      /** More jobs the new state calls for, saved in the same transaction (a worker's first poll). */
      followUp?: (application: StoredApplication) => Job[];
      /** More work in the same transaction (a job runner marking the job done). */
      alsoInTransaction?: (tx: Tx) => Promise<void>;
    },
  ): Promise<SendResult>;
  /**
   * A department's event (callback): recorded in the inbox under `source`/`eventId` in the same
   * transaction as the state change, so a replayed delivery changes nothing (`duplicate`).
   */
  receive(input: {
    source: string;
    eventId: string;
    applicationId: string;
    event: FlowEvent;
    /**
     * What the caller just read without a lock (`Storage.getForCallback`): an update already in the
     * inbox, or one for an item whose submission is not settled in `seen`, is answered without a
     * transaction, so redeliveries never queue on the application's row lock.
     */
    seen?: { application: StoredApplication; received: boolean };
  }): Promise<SendResult & { duplicate?: boolean; notYet?: boolean }>;
  /** Store the applicant's 好差评 (once per application) as an application event `rating`. */
  rate(applicationId: string, rating: Rating): Promise<{ found: boolean; alreadyRated?: boolean }>;
  /** The service clock (milliseconds since the epoch). */
  now(): number;
  get(applicationId: string): Promise<StoredApplication | undefined>;
  /** Leave a job outside a decision (a poll of departments without callbacks). */
  schedule(job: Job): Promise<void>;
  /** Whether `token` is the applicant's token of this application (constant-time). */
  owns(application: StoredApplication, token: string | undefined): boolean;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Item statuses in which a department's update comes too early: its submission is not settled yet. */
const EARLY = new Set(['waiting', 'dispatching', 'retryWait']);

/** The decisions of `events` one after the other, as one: the last state, every effect and diagnostic. */
function decideAll(
  flow: { decide(state: FlowState, input: { at: string; event: FlowEvent }): FlowDecision },
  state: FlowState,
  at: string,
  events: readonly FlowEvent[],
): FlowDecision {
  if (events.length === 1) return flow.decide(state, { at, event: events[0]! });
  const all: FlowDecision = { state, effects: [], diagnostics: [] };
  for (const event of events) {
    const decision = flow.decide(all.state, { at, event });
    all.state = decision.state;
    all.effects.push(...decision.effects);
    all.diagnostics.push(...decision.diagnostics);
  }
  return all;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The jobs and stream events of a decision's effects. */
function effectsToWork(
  applicationId: string,
  revision: number,
  at: string,
  now: number,
  effects: FlowEffect[],
): { jobs: Job[]; events: ApplicationEvent[] } {
  const jobs: Job[] = [];
  const events: ApplicationEvent[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'dispatch':
      case 'supplement':
      case 'withdraw':
        jobs.push({ name: 'call', applicationId, callId: effect.callId, runAt: now });
        break;
      case 'setTimer':
        jobs.push({
          name: 'timer',
          applicationId,
          timerId: effect.timer.id,
          runAt: parseInstant(effect.timer.at) ?? now,
        });
        break;
      case 'notify':
        events.push({ applicationId, revision, at, kind: 'notification', data: effect.notification });
        break;
      case 'verify':
        events.push({ applicationId, revision, at, kind: 'verify', data: effect });
        break;
      case 'cancelTimer':
        break; // a timer job checks the state when it runs: a cancelled timer is simply gone
    }
  }
  return { jobs, events };
}

/**
 * The application service: the only place that changes applications. Each change is one
 * transaction: the decider's new state (with an optimistic revision check under the row lock), the
 * stream events, and the jobs its effects ask for, so a crash leaves either all or none of them.
 */
export function createApplicationService(options: {
  storage: Storage;
  bundles: BundleRegistry;
  clock?: ServiceClock;
  /**
   * How long the answer to an `Idempotency-Key` is kept (default 24 h, as payment APIs do): a retry
   * within it gets the first answer back; later the key is forgotten (the stored answer holds the
   * applicant's token, so it is not kept for ever). Expired answers are purged about once an hour.
   */
  idempotencyTtlMs?: number;
}): ApplicationService {
  const { storage, bundles } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const ttl = options.idempotencyTtlMs ?? 24 * 3600_000;
  let purgedAt = 0;
  /** Purge expired idempotency answers now and then, off the request's path; a failure waits for the next. */
  const purgeNowAndThen = (now: number) => {
    if (now - purgedAt < Math.min(ttl, 3600_000)) return;
    purgedAt = now;
    storage.purgeIdempotency(now - ttl).catch(() => undefined);
  };

  async function saveDecision(
    tx: Tx,
    current: StoredApplication,
    decision: FlowDecision,
    at: string,
    now: number,
  ): Promise<number> {
    if (decision.state === current.state) return current.revision;
    const revision = current.revision + 1;
    const work = effectsToWork(current.id, revision, at, now, decision.effects);
    const events: ApplicationEvent[] = [
      { applicationId: current.id, revision, at, kind: 'state', data: summary(decision.state) },
      ...work.events,
    ];
    if (!(await tx.updateApplication(current.id, revision, decision.state, events)))
      throw new Error(`revision conflict on ${current.id}`); // the row lock makes this a bug
    await tx.enqueue(work.jobs);
    return revision;
  }

  return {
    async create(input) {
      const { idempotencyKey: key, requestHash = '' } = input;
      const replay = (stored: { requestHash: string; status: number; body: unknown }): CreateResult =>
        stored.requestHash === requestHash
          ? { ok: true, created: stored.body as CreatedApplication, replayed: true }
          : { ok: false, status: 422, diagnostics: [], reason: 'idempotencyKeyReused' };
      // A retry is answered before any work; the check is repeated inside the insert's transaction.
      if (key !== undefined) {
        purgeNowAndThen(clock.now());
        const stored = await storage.transaction((tx) => tx.getIdempotent(key, clock.now() - ttl));
        if (stored) return replay(stored);
      }
      const served = bundles.get(input.bundleId);
      if (!served) return { ok: false, status: 404, diagnostics: [] };
      const now = clock.now();
      const at = formatInstant(now);
      const materials = (isRecord(input.materials) ? input.materials : {}) as MaterialDecisions;
      const data = isRecord(input.data) ? input.data : {};
      if (!isRecord(input.data)) {
        const today = () => at.slice(0, 10);
        const checked = validateApplication(served.compiled, input.data, { today, materials });
        return {
          ok: false,
          status: 422,
          diagnostics: checked.diagnostics.filter((d) => d.severity === 'error'),
        };
      }
      const id = input.id ?? timeOrderedId(now);
      const token = randomBytes(24).toString('base64url');
      const start = served.flow.start({ applicationId: id, at });
      // The submission runs the engine's validateApplication once, inside the decider (the same check
      // as the browser's): a refused one is answered 422 with its diagnostics and nothing is stored.
      const decision = served.flow.decide(start, { at, event: { type: 'submit', data, materials } });
      if (decision.diagnostics.some((d) => d.code === 'FLOW_SUBMISSION_INVALID')) {
        return {
          ok: false,
          status: 422,
          diagnostics: decision.diagnostics.filter(
            (d) => d.severity === 'error' && d.code !== 'FLOW_SUBMISSION_INVALID',
          ),
        };
      }
      const application: StoredApplication = {
        id,
        bundleId: served.id,
        revision: 1,
        state: decision.state,
        tokenHash: hashToken(token),
      };
      const created: CreatedApplication = { id, token, revision: 1, state: summary(decision.state) };
      return storage.transaction(async (tx): Promise<CreateResult> => {
        if (key !== undefined) {
          const stored = await tx.getIdempotent(key, now - ttl);
          if (stored) return replay(stored);
        }
        if (!(await tx.insertApplication(application))) return { ok: false, status: 422, diagnostics: [] };
        const work = effectsToWork(id, 1, at, now, decision.effects);
        await tx.appendEvents([
          { applicationId: id, revision: 1, at, kind: 'state', data: summary(decision.state) },
          ...work.events,
        ]);
        await tx.enqueue(work.jobs);
        if (key !== undefined) await tx.saveIdempotent(key, requestHash, 201, created, now);
        return { ok: true, created, replayed: false, application };
      });
    },

    async send(applicationId, event, sendOptions) {
      const now = clock.now();
      const at = formatInstant(now);
      return storage.transaction(async (tx) => {
        const current = await tx.getApplication(applicationId);
        if (!current) return { found: false };
        const served = bundles.get(current.bundleId);
        if (!served) return { found: false };
        const decision = decideAll(served.flow, current.state, at, Array.isArray(event) ? event : [event]);
        const revision = await saveDecision(tx, current, decision, at, now);
        const more = sendOptions?.followUp?.({ ...current, revision, state: decision.state }) ?? [];
        if (more.length > 0) await tx.enqueue(more);
        await sendOptions?.alsoInTransaction?.(tx);
        return { found: true, decision, revision, changed: revision !== current.revision };
      });
    },

    async receive({ source, eventId, applicationId, event, seen }) {
      if (seen) {
        const { application, received } = seen;
        if (received) return { found: true, duplicate: true, revision: application.revision };
        const early = event.type === 'departmentUpdate' ? application.state.items[event.item] : undefined;
        if (early && EARLY.has(early.status))
          return { found: true, notYet: true, revision: application.revision };
      }
      const now = clock.now();
      const at = formatInstant(now);
      return storage.transaction(async (tx) => {
        const current = await tx.getApplication(applicationId);
        const served = current && bundles.get(current.bundleId);
        if (!current || !served) return { found: false };
        const item = event.type === 'departmentUpdate' ? current.state.items[event.item] : undefined;
        // A department may call back before its answer to the submission is saved (the worker is
        // between the call and the commit): nothing is recorded, and the department delivers again.
        if (item && EARLY.has(item.status)) return { found: true, notYet: true, revision: current.revision };
        if (!(await tx.acceptInbox(source, eventId)))
          return { found: true, duplicate: true, revision: current.revision };
        const decision = served.flow.decide(current.state, { at, event });
        const revision = await saveDecision(tx, current, decision, at, now);
        return { found: true, decision, revision, changed: revision !== current.revision };
      });
    },

    async rate(applicationId, rating) {
      const at = formatInstant(clock.now());
      return storage.transaction(async (tx) => {
        // Under the application's lock, so two ratings sent at once cannot both pass the check.
        const current = await tx.getApplication(applicationId);
        if (!current) return { found: false };
        const events = await storage.eventsSince(applicationId, 0);
        if (events.some((e) => e.kind === 'rating')) return { found: true, alreadyRated: true };
        await tx.appendEvents([
          { applicationId, revision: current.revision, at, kind: 'rating', data: rating },
        ]);
        return { found: true };
      });
    },

    now: () => clock.now(),

    get: (applicationId) => storage.getApplication(applicationId),

    schedule: (job) => storage.transaction((tx) => tx.enqueue([job])),

    owns(application, token) {
      if (!token) return false;
      const a = Buffer.from(hashToken(token), 'hex');
      const b = Buffer.from(application.tokenHash, 'hex');
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

/** What the status stream sends for a new revision: the application's and each item's status. */
export function summary(state: FlowState): Record<string, unknown> {
  return {
    status: state.status,
    updatedAt: state.updatedAt,
    items: Object.fromEntries(
      Object.entries(state.items).map(([id, item]) => [
        id,
        { status: item.status, ...(item.receiptNo ? { receiptNo: item.receiptNo } : {}) },
      ]),
    ),
  };
}
