import type { WorkCalendar } from '../calendar/types.js';
import type { ItemClock, PauseReason } from './types.js';

/**
 * 限时办结 clock arithmetic of one item, in Chinese working days: counting starts the day after
 * acceptance, holidays and weekends are skipped, make-up working days count, and pauses (补正,
 * excluded special steps, 容缺 suspension) do not count. Pure: returns new clocks.
 */

/** A running clock from acceptance on `acceptedOn` with `limitDays` promised. */
export function startClock(
  calendar: WorkCalendar,
  acceptedOn: string,
  limitDays: number,
  warnAtShare: number,
): ItemClock {
  return withDue(calendar, { acceptedOn, limitDays, paused: [] }, warnAtShare);
}

/** Stop counting from `on` (inclusive) for `reason`; a clock already paused stays as it is. */
export function pauseClock(clock: ItemClock, on: string, reason: PauseReason): ItemClock {
  if (clock.pausedSince || clock.stoppedOn) return clock;
  const { due: _due, warnOn: _warnOn, ...rest } = clock;
  return { ...rest, pausedSince: { from: on, reason } };
}

/** Count again from the day after `on`: the days `from`..`on` of the pause do not count. */
export function resumeClock(
  calendar: WorkCalendar,
  clock: ItemClock,
  on: string,
  warnAtShare: number,
): ItemClock {
  if (!clock.pausedSince) return clock;
  const { pausedSince, ...rest } = clock;
  const to = on < pausedSince.from ? pausedSince.from : on;
  const paused = [...rest.paused, { from: pausedSince.from, to, reason: pausedSince.reason }];
  return withDue(calendar, { ...rest, paused }, warnAtShare);
}

/** Working days used so far, up to and including `on`. */
export function usedDays(calendar: WorkCalendar, clock: ItemClock, on: string): number {
  if (on <= clock.acceptedOn) return 0;
  return calendar.workingDaysBetween(clock.acceptedOn, on, { paused: clock.paused });
}

function withDue(calendar: WorkCalendar, clock: ItemClock, warnAtShare: number): ItemClock {
  const options = { paused: clock.paused };
  const due = calendar.addWorkingDays(clock.acceptedOn, clock.limitDays, options);
  const warnAfter = Math.floor(clock.limitDays * warnAtShare);
  const next: ItemClock = { ...clock, due };
  // A warning only makes sense when it comes before the last day.
  if (clock.limitDays > 0 && warnAfter < clock.limitDays && !clock.warned) {
    next.warnOn = calendar.addWorkingDays(clock.acceptedOn, warnAfter, options);
  } else delete next.warnOn;
  return next;
}
