import type { ItemClock, Lang, PauseReason, WorkCalendar } from '@onething/engine/runtime';
import { ts, type StatusMessageKey } from '../i18n/statusMessages.js';

/** Where an item stands against its 限时办结 limit on a given day. */
export type Deadline =
  /** `days` working days after today up to and including `due`. */
  | { kind: 'left'; days: number; due: string }
  /** Today is the last day. */
  | { kind: 'today'; due: string }
  /** Past `due` by `days` working days (0 when only days off have passed since). */
  | { kind: 'overdue'; days: number; due: string }
  | { kind: 'paused'; reason: PauseReason; from: string };

/**
 * The countdown of an item's clock on `today` (YYYY-MM-DD), in working days of `calendar`; none
 * when there is no clock, the clock has stopped (decided, withdrawn) or its dates are unreadable.
 * Display only: the flow itself raises 预警 and 超期 from its timers.
 */
export function deadlineOf(
  clock: ItemClock | undefined,
  today: string,
  calendar: WorkCalendar,
): Deadline | undefined {
  if (!clock || clock.stoppedOn) return undefined;
  if (clock.pausedSince)
    return { kind: 'paused', reason: clock.pausedSince.reason, from: clock.pausedSince.from };
  const due = clock.due;
  if (!due) return undefined;
  try {
    if (today > due) return { kind: 'overdue', days: calendar.workingDaysBetween(due, today), due };
    // The flow's own timer said overdue although the page's today says otherwise: believe the flow.
    if (clock.overdue) return { kind: 'overdue', days: 0, due };
    if (today === due) return { kind: 'today', due };
    return { kind: 'left', days: calendar.workingDaysBetween(today, due), due };
  } catch {
    // A malformed date in a polled snapshot: show no countdown rather than a wrong one.
    return undefined;
  }
}

const PAUSED: Record<PauseReason, StatusMessageKey> = {
  correction: 'pausedCorrection',
  specialStep: 'pausedSpecialStep',
  suspension: 'pausedSuspension',
};

/** A countdown in words: 剩余 3 个工作日（2025-10-14 截止）, 已超期 2 个工作日, 已暂停计时（补正）. */
export function deadlineText(deadline: Deadline, lang: Lang): string {
  switch (deadline.kind) {
    case 'left':
      return ts(lang, 'deadlineLeft', { days: deadline.days, due: deadline.due });
    case 'today':
      return ts(lang, 'deadlineToday', { due: deadline.due });
    case 'overdue':
      return deadline.days > 0
        ? ts(lang, 'deadlineOverdue', { days: deadline.days, due: deadline.due })
        : ts(lang, 'deadlinePassed', { due: deadline.due });
    case 'paused':
      return ts(lang, Object.hasOwn(PAUSED, deadline.reason) ? PAUSED[deadline.reason] : 'pausedCorrection');
  }
}
