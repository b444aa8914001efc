import type { LocalizedText } from '../bundle/types.js';
import type { ItemAction, ItemMachineEvent } from './createItemMachine.js';
import {
  cancelTimer,
  departmentOf,
  diagnose,
  itemDraft,
  nextCallId,
  notify,
  setTimer,
  startCall,
  type FlowContext,
} from './flowContext.js';
import { endOfDateInstant, formatInstant } from './instants.js';
import { pauseClock, resumeClock, startClock } from './itemClock.js';
import { retryDelayMs } from './retryDelayMs.js';
import { supplyDeadlineDays } from './supplyDeadlineDays.js';
import type { FlowEffect, ItemFlowState, Licence } from './types.js';

/** Facts that came with the event and that actions record. */
export interface ItemFacts {
  receiptNo?: string;
  reasons?: LocalizedText[];
  licence?: Licence;
  outputs?: Record<string, unknown>;
  /** Materials sent with an answered correction. */
  materials?: string[];
  /** The material and note of a 告知承诺 breach. */
  material?: string;
  note?: string;
}

/**
 * Step one item's machine with `event` and perform the actions it names on the working state.
 * Returns false, changing nothing, when the machine does not accept the event in the item's status.
 */
export function applyItemEvent(
  ctx: FlowContext,
  id: string,
  event: ItemMachineEvent,
  facts: ItemFacts = {},
): boolean {
  const profile = ctx.settings.profiles.get(id)!;
  const from = ctx.state.items[id]!.status;
  const step = profile.step(from, event);
  if (!step) return false;
  const item = itemDraft(ctx, id);
  item.status = step.value;
  if (step.value !== from) {
    item.since = ctx.at;
    ctx.itemsMoved = true;
  }
  if (step.value === 'suspended' && (from === 'inReview' || from === 'approved' || from === 'correction')) {
    item.suspendedFrom = from;
  } else if (from === 'suspended') delete item.suspendedFrom;
  for (const action of step.actions) ACTIONS[action as ItemAction](ctx, id, item, facts);
  if (step.value !== from) notify(ctx, { kind: 'itemStatus', item: id, from, to: step.value });
  return true;
}

type Handler = (ctx: FlowContext, id: string, item: ItemFlowState, facts: ItemFacts) => void;

/** The item's payload in its department's field names, from the applicant's data and earlier outputs. */
export function payloadOf(ctx: FlowContext, id: string): Record<string, unknown> {
  const { data, outputs } = ctx.state;
  return ctx.settings.profiles
    .get(id)!
    .buildPayload((key) =>
      Object.hasOwn(outputs, key) ? outputs[key] : Object.hasOwn(data, key) ? data[key] : undefined,
    );
}

function armClockTimers(ctx: FlowContext, id: string, item: ItemFlowState): void {
  const clock = item.clock;
  if (!clock?.due) return;
  if (clock.warnOn && !clock.warned) {
    setTimer(ctx, {
      id: `slaWarning:${id}`,
      at: endOfDateInstant(clock.warnOn),
      purpose: 'slaWarning',
      item: id,
    });
  }
  if (!clock.overdue) {
    setTimer(ctx, {
      id: `slaDue:${id}`,
      at: endOfDateInstant(clock.due),
      purpose: 'slaDue',
      item: id,
    });
  }
}

function cancelClockTimers(ctx: FlowContext, id: string): void {
  cancelTimer(ctx, `slaWarning:${id}`);
  cancelTimer(ctx, `slaDue:${id}`);
}

/** Pause the item's clock for `reason` (补正, special step, suspension). */
export function pauseItemClock(
  ctx: FlowContext,
  id: string,
  reason: 'correction' | 'specialStep' | 'suspension',
): void {
  const item = itemDraft(ctx, id);
  if (!item.clock || item.clock.pausedSince || item.clock.stoppedOn) return;
  item.clock = pauseClock(item.clock, ctx.today, reason);
  cancelClockTimers(ctx, id);
}

/** Resume the item's clock; the limit moves by the working days of the pause. */
export function resumeItemClock(ctx: FlowContext, id: string): void {
  const item = itemDraft(ctx, id);
  if (!item.clock?.pausedSince) return;
  item.clock = resumeClock(ctx.settings.calendar, item.clock, ctx.today, ctx.settings.warnAtShare);
  armClockTimers(ctx, id, item);
}

function supplement(
  ctx: FlowContext,
  id: string,
  item: ItemFlowState,
  materials: string[],
  payload?: Record<string, unknown>,
): void {
  const effect: FlowEffect & { type: 'supplement' } = {
    type: 'supplement',
    callId: nextCallId(ctx),
    item: id,
    department: departmentOf(ctx, id),
    idempotencyKey: `${ctx.state.applicationId}:${id}:supplement:${ctx.state.seq}`,
    materials,
    ...(payload ? { payload } : {}),
  };
  startCall(ctx, effect);
}

/** Send the materials just supplied to an item that has already been submitted. */
export function sendSupplied(ctx: FlowContext, id: string, materials: string[]): void {
  supplement(ctx, id, itemDraft(ctx, id), materials);
}

const ACTIONS: Record<ItemAction, Handler> = {
  dispatch(ctx, id, item) {
    item.attempts += 1;
    item.idempotencyKey ??= `${ctx.state.applicationId}:${id}`;
    cancelTimer(ctx, `retry:${id}`);
    const effect: FlowEffect & { type: 'dispatch' } = {
      type: 'dispatch',
      callId: nextCallId(ctx),
      item: id,
      department: departmentOf(ctx, id),
      idempotencyKey: item.idempotencyKey,
      attempt: item.attempts,
      payload: payloadOf(ctx, id),
      materials: item.sources,
    };
    startCall(ctx, effect);
  },
  scheduleRetry(ctx, id, item, facts) {
    if (facts.reasons) item.reasons = facts.reasons;
    const delay = retryDelayMs(ctx.settings.retry, item.attempts, item.idempotencyKey ?? id);
    setTimer(ctx, { id: `retry:${id}`, at: formatInstant(ctx.now + delay), purpose: 'retry', item: id });
  },
  markFailed(_ctx, _id, item, facts) {
    if (facts.reasons) item.reasons = facts.reasons;
  },
  accept(ctx, id, item, facts) {
    if (facts.receiptNo !== undefined) item.receiptNo = facts.receiptNo;
    delete item.reasons;
    const { calendar, warnAtShare } = ctx.settings;
    const limit = ctx.settings.profiles.get(id)!.item.promisedLimitDays;
    item.clock = startClock(calendar, ctx.today, limit, warnAtShare);
    armClockTimers(ctx, id, item);
    if (item.outstanding.length > 0) {
      const days = supplyDeadlineDays(ctx.settings.compiled.bundle, id, item.outstanding);
      item.supplyDue = calendar.addWorkingDays(ctx.today, days);
      setTimer(ctx, {
        id: `supplyDue:${id}`,
        at: endOfDateInstant(item.supplyDue),
        purpose: 'supplyDue',
        item: id,
      });
    }
  },
  recordReasons(_ctx, _id, item, facts) {
    if (facts.reasons) item.reasons = facts.reasons;
  },
  pauseClock(ctx, id) {
    pauseItemClock(ctx, id, 'correction');
  },
  resumeClock(ctx, id) {
    resumeItemClock(ctx, id);
  },
  sendCorrection(ctx, id, item, facts) {
    delete item.reasons;
    supplement(ctx, id, item, facts.materials ?? [], payloadOf(ctx, id));
  },
  decide(ctx, _id, item) {
    item.decidedOn = ctx.today;
  },
  issue(ctx, id, item, facts) {
    if (facts.licence) item.licence = facts.licence;
    const declared = new Set(ctx.settings.profiles.get(id)!.item.outputs ?? []);
    const outputs = { ...ctx.state.outputs };
    for (const [key, value] of Object.entries(facts.outputs ?? {})) {
      if (declared.has(key)) outputs[key] = value;
      else diagnose(ctx, 'FLOW_UNEXPECTED_OUTPUT', `/items/${id}/outputs/${key}`, { item: id, field: key });
    }
    ctx.state.outputs = outputs;
    item.verifications = item.verifications.map((v) => ({ ...v }));
    for (const verification of item.verifications) {
      if (verification.status !== 'pending' || verification.due) continue;
      const material = ctx.settings.compiled.bundle.materials?.[verification.material];
      const days = material?.commitment?.verification?.dueDays ?? ctx.settings.verificationDueDays;
      verification.due = ctx.settings.calendar.addWorkingDays(ctx.today, days);
      ctx.effects.push({
        type: 'verify',
        item: id,
        material: verification.material,
        ...(verification.method ? { method: verification.method } : {}),
        due: verification.due,
      });
      setTimer(ctx, {
        id: `verificationDue:${id}:${verification.material}`,
        at: endOfDateInstant(verification.due),
        purpose: 'verificationDue',
        item: id,
        material: verification.material,
      });
    }
  },
  stopClock(ctx, id, item) {
    if (item.clock && !item.clock.stoppedOn) item.clock = { ...item.clock, stoppedOn: ctx.today };
    cancelClockTimers(ctx, id);
  },
  suspend(ctx, id, item) {
    pauseItemClock(ctx, id, 'suspension');
    item.graceDue = ctx.settings.calendar.addWorkingDays(item.supplyDue ?? ctx.today, ctx.settings.graceDays);
    setTimer(ctx, {
      id: `graceDue:${id}`,
      at: endOfDateInstant(item.graceDue),
      purpose: 'graceDue',
      item: id,
    });
    notify(ctx, {
      kind: 'supplyOverdue',
      item: id,
      materials: [...item.outstanding],
      graceDue: item.graceDue,
    });
  },
  resume(ctx, id, item) {
    cancelTimer(ctx, `graceDue:${id}`);
    delete item.graceDue;
    // Only the suspension's pause ends here; a 补正 pause lasts until the applicant answers.
    if (item.clock?.pausedSince?.reason === 'suspension') resumeItemClock(ctx, id);
  },
  terminate(ctx, id, item) {
    ACTIONS.sendWithdraw(ctx, id, item, {});
  },
  revoke(ctx, id, _item, facts) {
    const dependants = issuedDependants(ctx, id);
    if (dependants.length > 0) notify(ctx, { kind: 'dependantsAffected', item: id, dependants });
    notify(ctx, {
      kind: 'creditRecord',
      item: id,
      material: facts.material ?? '',
      applicationId: ctx.state.applicationId,
      ...(facts.note !== undefined ? { note: facts.note } : {}),
    });
  },
  sendWithdraw(ctx, id, item) {
    const effect: FlowEffect & { type: 'withdraw' } = {
      type: 'withdraw',
      callId: nextCallId(ctx),
      item: id,
      department: departmentOf(ctx, id),
      idempotencyKey: `${ctx.state.applicationId}:${id}:withdraw`,
      ...(item.receiptNo !== undefined ? { receiptNo: item.receiptNo } : {}),
    };
    startCall(ctx, effect);
  },
  cancelTimers(ctx, id) {
    for (const timer of Object.values(ctx.state.timers)) if (timer.item === id) cancelTimer(ctx, timer.id);
  },
};

/** Issued items that depend on `id`, directly or through other items, in bundle order. */
function issuedDependants(ctx: FlowContext, id: string): string[] {
  const reached = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const other of ctx.settings.order) {
      if (reached.has(other)) continue;
      const deps = ctx.settings.profiles.get(other)!.item.dependsOn ?? [];
      if (deps.some((d) => reached.has(d))) {
        reached.add(other);
        grew = true;
      }
    }
  }
  return ctx.settings.order.filter(
    (o) => o !== id && reached.has(o) && ctx.state.items[o]!.status === 'issued',
  );
}
