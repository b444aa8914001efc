import {
  checkUpdateEnvelopes,
  formatInstant,
  parseInstant,
  performCall,
  type AdapterMap,
  type DepartmentAdapter,
  type FlowEvent,
} from '@onething/engine';
import type { BundleRegistry } from '../bundles/loadBundles.js';
import type { ApplicationService } from '../service/createApplicationService.js';
import type { Job, JobHandler, StoredApplication } from '../storage/types.js';

/** Item statuses in which a department may still report (polled when it has no callbacks). */
const POLLED = new Set(['inReview', 'correction', 'approved', 'suspended']);

/** A job that is not due yet (a timer re-armed later): run it again at `runAt`. */
export class NotDueError extends Error {
  constructor(readonly runAt: number) {
    super('not due yet');
  }
}

/**
 * What a worker does with a job. `call`: perform the adapter call the application still has pending
 * (with its idempotency key; a retried job calls again with the same key, so a department applies it
 * once), then feed the answer back. `timer`: fire the timer if it is still armed and due.
 * A job whose call or timer is gone (answered, cancelled) is done.
 */
export function createJobHandler(options: {
  service: ApplicationService;
  bundles: BundleRegistry;
  adapters: AdapterMap;
  clock?: { now(): number };
  callTimeoutMs?: number;
  /** How often departments without callbacks are asked (default 5 s). */
  pollIntervalMs?: number;
  /**
   * Departments that call back (they have a callback secret): never polled. They deliver each update
   * until it is taken (an update that comes too early is answered 409, to be delivered again).
   */
  callbackDepartments?: ReadonlySet<string>;
}): JobHandler {
  const { service, adapters } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const adapterFor = (item: string, department: string): DepartmentAdapter | undefined =>
    Object.hasOwn(adapters, item)
      ? adapters[item]
      : Object.hasOwn(adapters, department)
        ? adapters[department]
        : adapters['*']; // the adapter file's default for departments it does not name

  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  /** When to ask the departments without callbacks again, if any item still waits on one. */
  const nextPollAt = (application: Pick<StoredApplication, 'bundleId' | 'state'>): number | undefined =>
    pollable(application).length > 0 ? clock.now() + pollIntervalMs : undefined;
  const departmentOf = (bundleId: string, item: string): string =>
    String(options.bundles.get(bundleId)?.compiled.bundle.items.find((i) => i.id === item)?.department ?? '');
  /** Items still waiting on a department whose adapter can be polled. */
  const pollable = (application: Pick<StoredApplication, 'bundleId' | 'state'>) =>
    Object.entries(application.state.items).filter(
      ([id, item]) =>
        POLLED.has(item.status) &&
        !(options.callbackDepartments?.has(departmentOf(application.bundleId, id)) ?? false) &&
        adapterFor(id, departmentOf(application.bundleId, id))?.poll !== undefined,
    );

  /** Ask each department without callbacks about the application's items; the updates they report. */
  async function pollOnce(application: StoredApplication): Promise<FlowEvent[]> {
    const { state } = application;
    const updates: FlowEvent[] = [];
    for (const [id, item] of pollable(application)) {
      const adapter = adapterFor(id, departmentOf(application.bundleId, id))!;
      const request = {
        applicationId: state.applicationId,
        item: id,
        submissionKey: item.idempotencyKey ?? `${state.applicationId}:${id}`,
        ...(item.receiptNo !== undefined ? { receiptNo: item.receiptNo } : {}),
      };
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error('timeout')), options.callTimeoutMs ?? 30_000);
      let checked;
      try {
        checked = checkUpdateEnvelopes(
          await adapter.poll!(request, { signal: controller.signal, now: formatInstant(clock.now()) }),
        );
      } catch {
        continue; // asked again at the next poll
      } finally {
        clearTimeout(timer);
      }
      if (!checked.ok) continue;
      for (const u of checked.value)
        if (u.applicationId === state.applicationId && u.item === id)
          updates.push({ type: 'departmentUpdate', item: id, eventId: u.eventId, update: u.update });
    }
    return updates;
  }

  /** The next poll, if the application (as just saved) still waits on a department without callbacks. */
  const nextPoll = (saved: Pick<StoredApplication, 'id' | 'bundleId' | 'state'>): Job[] => {
    const runAt = nextPollAt(saved);
    return runAt === undefined ? [] : [{ name: 'poll', applicationId: saved.id, runAt }];
  };

  return async (job, attempt, finish) => {
    const application = await service.get(job.applicationId);
    if (!application) return;
    if (job.name === 'poll') {
      const updates = await pollOnce(application);
      if (updates.length === 0) {
        const [next] = nextPoll(application);
        if (next) await service.schedule(next);
        return;
      }
      // Whatever the departments reported, and the next poll, in one transaction.
      await service.send(application.id, updates, {
        followUp: nextPoll,
        ...(finish ? { alsoInTransaction: finish } : {}),
      });
      return;
    }
    if (job.name === 'call') {
      const call = application.state.pending[job.callId];
      if (!call) {
        // Answered by an earlier attempt (whose answer was saved with its first poll, below). A job
        // left by a version that scheduled the poll separately may have died before it: make sure.
        const runAt = attempt > 1 ? nextPollAt(application) : undefined;
        if (runAt !== undefined)
          await service.schedule({ name: 'poll', applicationId: application.id, runAt });
        return;
      }
      const result = await performCall({
        adapter: adapterFor(call.item, call.department),
        applicationId: application.id,
        call,
        item: application.state.items[call.item],
        now: formatInstant(clock.now()),
        timeoutMs: options.callTimeoutMs ?? 30_000,
        // A second attempt may follow a crash after the department answered: ask it first.
        resumed: attempt > 1,
      });
      // Accepted by a department that is polled: its first poll is saved in the transaction that
      // saves the answer, so a crash cannot leave the item unasked.
      await service.send(
        application.id,
        { type: 'adapterResult', item: call.item, callId: call.callId, result },
        { followUp: nextPoll, ...(finish ? { alsoInTransaction: finish } : {}) },
      );
      return;
    }
    const timer = application.state.timers[job.timerId];
    if (!timer) return;
    const at = parseInstant(timer.at) ?? 0;
    if (at > clock.now()) throw new NotDueError(at);
    await service.send(
      application.id,
      { type: 'timer', id: timer.id },
      finish ? { alsoInTransaction: finish } : {},
    );
  };
}
