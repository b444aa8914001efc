import { formatInstant, type FlowState, type ItemFlowState, type WorkCalendar } from '@onething/engine';
import type { StoredApplication } from '../storage/types.js';

/** A flow state without the decider's internals (armed timers, calls in flight, inbox, counters). */
export type PublicState = Omit<FlowState, 'timers' | 'pending' | 'seen' | 'seq'>;

/** What `<onething-status>` renders: the state as the applicant may see it. */
export function publicState(state: FlowState): PublicState {
  const { timers: _timers, pending: _pending, seen: _seen, seq: _seq, ...rest } = state;
  return rest;
}

/** Today in China Standard Time (the day limits are counted in). */
export const chinaDate = (ms: number): string => formatInstant(ms).slice(0, 10);

/** Working days from `today` to `due` (negative when past), or undefined for an unreadable date. */
function daysLeft(calendar: WorkCalendar, today: string, due: string): number | undefined {
  try {
    return calendar.workingDaysBetween(today, due);
  } catch {
    return undefined;
  }
}

function itemView(item: ItemFlowState, today: string, calendar: WorkCalendar): Record<string, unknown> {
  const view: Record<string, unknown> = {
    status: item.status,
    since: item.since,
    outstanding: item.outstanding,
    verifications: item.verifications,
  };
  if (item.receiptNo) view.receiptNo = item.receiptNo;
  if (item.reasons) view.reasons = item.reasons;
  if (item.licence) view.licence = item.licence;
  if (item.supplyDue) {
    view.supplyDue = item.supplyDue;
    const left = daysLeft(calendar, today, item.supplyDue);
    if (left !== undefined) view.supplyWorkingDaysLeft = left;
  }
  if (item.graceDue) view.graceDue = item.graceDue;
  const clock = item.clock;
  if (clock) {
    const deadline: Record<string, unknown> = { limitDays: clock.limitDays, acceptedOn: clock.acceptedOn };
    if (clock.due) deadline.due = clock.due;
    if (clock.stoppedOn) deadline.stoppedOn = clock.stoppedOn;
    if (clock.pausedSince) {
      deadline.pausedSince = clock.pausedSince.from;
      deadline.pauseReason = clock.pausedSince.reason;
    }
    if (clock.due && !clock.stoppedOn && !clock.pausedSince) {
      const left = daysLeft(calendar, today, clock.due);
      if (left !== undefined) deadline.workingDaysLeft = left;
      deadline.overdue = clock.overdue === true || today > clock.due;
    }
    view.deadline = deadline;
  }
  return view;
}

/**
 * An application as its applicant reads it: each item's status, receipt, reasons and licence, the
 * 容缺 materials still to supply and by when, the 限时办结 countdown in working days of the engine's
 * calendar (what the status widget shows), the last one-time notice, and the public state.
 */
export function applicationView(
  application: StoredApplication,
  today: string,
  calendar: WorkCalendar,
): Record<string, unknown> {
  const { state } = application;
  return {
    id: application.id,
    bundleId: application.bundleId,
    revision: application.revision,
    status: state.status,
    ...(state.submittedAt ? { submittedAt: state.submittedAt } : {}),
    updatedAt: state.updatedAt,
    today,
    ...(state.notice ? { notice: state.notice } : {}),
    items: Object.fromEntries(
      Object.entries(state.items).map(([id, item]) => [id, itemView(item, today, calendar)]),
    ),
    state: publicState(state),
  };
}

/** An item past its promised limit (限时办结) and not yet decided: for the operators' list. */
export interface OverdueItem {
  applicationId: string;
  bundleId: string;
  item: string;
  status: string;
  due: string;
  limitDays: number;
  /** Working days past `due` (0 when only days off have passed). */
  workingDaysOverdue: number;
}

/** The overdue items of some applications, most overdue first. */
export function overdueItems(
  applications: StoredApplication[],
  today: string,
  calendar: WorkCalendar,
): OverdueItem[] {
  const out: OverdueItem[] = [];
  for (const application of applications)
    for (const [id, item] of Object.entries(application.state.items)) {
      const clock = item.clock;
      if (!clock?.due || clock.stoppedOn || clock.pausedSince) continue;
      if (!(clock.overdue === true || today > clock.due)) continue;
      out.push({
        applicationId: application.id,
        bundleId: application.bundleId,
        item: id,
        status: item.status,
        due: clock.due,
        limitDays: clock.limitDays,
        workingDaysOverdue: Math.max(0, -(daysLeft(calendar, today, clock.due) ?? 0)),
      });
    }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.applicationId.localeCompare(b.applicationId));
}
