import { applyItemEvent } from './applyItemEvent.js';
import {
  diagnose,
  itemDraft,
  nextCallId,
  notify,
  startCall,
  removeEntry,
  type FlowContext,
} from './flowContext.js';
import { parseInstant } from './instants.js';

/** A due timer: retries, resends, SLA warning and overdue, 容缺 deadlines, verification due dates. */
export function onTimer(ctx: FlowContext, id: string): boolean {
  const timer = Object.hasOwn(ctx.state.timers, id) ? ctx.state.timers[id] : undefined;
  if (!timer) {
    diagnose(ctx, 'FLOW_UNKNOWN_TIMER', '/event/id', { id });
    return false;
  }
  if ((parseInstant(timer.at) ?? 0) > ctx.now) {
    diagnose(ctx, 'FLOW_TIMER_EARLY', '/event/id', { id, due: timer.at, at: ctx.at });
    return false;
  }
  removeEntry(ctx, 'timers', id);
  const item = timer.item;
  if (item === undefined || !Object.hasOwn(ctx.state.items, item)) return true;
  const current = ctx.state.items[item]!;
  switch (timer.purpose) {
    case 'retry':
      applyItemEvent(ctx, item, { type: 'retryDue' });
      return true;
    case 'resend': {
      if (!timer.resend) return true;
      const effect = { ...timer.resend, callId: nextCallId(ctx) };
      startCall(ctx, effect);
      return true;
    }
    case 'slaWarning': {
      const clock = current.clock;
      if (!clock?.due || clock.pausedSince || clock.stoppedOn) return true;
      itemDraft(ctx, item).clock = { ...clock, warned: true };
      // Working days left when the warning day ends: the days after it up to the last day.
      const remainingDays = ctx.settings.calendar.workingDaysBetween(clock.warnOn ?? ctx.today, clock.due);
      notify(ctx, { kind: 'slaWarning', item, due: clock.due, remainingDays });
      return true;
    }
    case 'slaDue': {
      const clock = current.clock;
      if (!clock?.due || clock.pausedSince || clock.stoppedOn) return true;
      itemDraft(ctx, item).clock = { ...clock, overdue: true };
      notify(ctx, { kind: 'overdue', item, due: clock.due });
      return true;
    }
    case 'supplyDue':
      applyItemEvent(ctx, item, { type: 'supplyDue', outstanding: current.outstanding.length });
      return true;
    case 'graceDue':
      applyItemEvent(ctx, item, { type: 'graceDue' });
      return true;
    case 'verificationDue': {
      const v = current.verifications.find((x) => x.material === timer.material && x.status === 'pending');
      if (v?.due) notify(ctx, { kind: 'verificationOverdue', item, material: v.material, due: v.due });
      return true;
    }
  }
}
