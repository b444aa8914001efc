import { applyItemEvent } from './applyItemEvent.js';
import { notify, type FlowContext } from './flowContext.js';
import { FAILED_STATUSES, SETTLED_STATUSES } from './itemStatusSets.js';

/**
 * Start every waiting item whose dependencies are issued (or skipped as not applicable), and block
 * those that depend on an item that failed; repeated until nothing changes, so chains settle at once.
 */
export function advanceItems(ctx: FlowContext): void {
  if (ctx.state.status !== 'inProgress') return;
  for (let changed = true; changed;) {
    changed = false;
    for (const id of ctx.settings.order) {
      if (ctx.state.items[id]!.status !== 'waiting') continue;
      let failed = false;
      let ready = true;
      for (const dep of ctx.settings.profiles.get(id)!.item.dependsOn ?? []) {
        const status = ctx.state.items[dep]?.status;
        if (status === undefined) continue;
        if (FAILED_STATUSES.has(status)) failed = true;
        else if (status !== 'issued' && status !== 'skipped') ready = false;
      }
      if (failed) changed = applyItemEvent(ctx, id, { type: 'block' }) || changed;
      else if (ready) changed = applyItemEvent(ctx, id, { type: 'ready' }) || changed;
    }
  }
}

/** The application's outcome once every item is settled: completed, partially completed or unsuccessful. */
export function settleApplication(ctx: FlowContext): void {
  const from = ctx.state.status;
  if (from !== 'inProgress' && from !== 'completed' && from !== 'partiallyCompleted') return;
  let issued = 0;
  let failed = false;
  for (const id of ctx.settings.order) {
    const status = ctx.state.items[id]!.status;
    if (!SETTLED_STATUSES.has(status)) return;
    if (status === 'issued') issued += 1;
    else if (FAILED_STATUSES.has(status)) failed = true;
  }
  const outcome = !failed ? 'completed' : issued > 0 ? 'partiallyCompleted' : 'unsuccessful';
  const step = ctx.settings.stepApplication(from, { type: 'settle', outcome });
  if (!step || step.value === from) return;
  ctx.state.status = step.value;
  notify(ctx, { kind: 'applicationStatus', from, to: step.value });
}
