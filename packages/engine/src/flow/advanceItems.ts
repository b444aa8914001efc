import { applyItemEvent } from './applyItemEvent.js';
import { notify, type FlowContext } from './flowContext.js';
import type { ItemStatus } from './types.js';

/** Statuses after which an item can no longer produce a licence. */
const FAILED: ReadonlySet<ItemStatus> = new Set([
  'refused',
  'denied',
  'terminated',
  'revoked',
  'blocked',
  'withdrawn',
]);
/** Statuses in which an item needs nothing more from the flow. */
const SETTLED: ReadonlySet<ItemStatus> = new Set([...FAILED, 'skipped', 'issued']);

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
      const deps = (ctx.settings.profiles.get(id)!.item.dependsOn ?? []).map(
        (d) => ctx.state.items[d]?.status,
      );
      if (deps.some((s) => s !== undefined && FAILED.has(s))) {
        changed = applyItemEvent(ctx, id, { type: 'block' }) || changed;
      } else if (deps.every((s) => s === undefined || s === 'issued' || s === 'skipped')) {
        changed = applyItemEvent(ctx, id, { type: 'ready' }) || changed;
      }
    }
  }
}

/** The application's outcome once every item is settled: completed, partially completed or unsuccessful. */
export function settleApplication(ctx: FlowContext): void {
  const from = ctx.state.status;
  if (from !== 'inProgress' && from !== 'completed' && from !== 'partiallyCompleted') return;
  const statuses = ctx.settings.order.map((id) => ctx.state.items[id]!.status);
  if (!statuses.every((s) => SETTLED.has(s))) return;
  const issued = statuses.filter((s) => s === 'issued').length;
  const failed = statuses.some((s) => FAILED.has(s));
  const outcome = !failed ? 'completed' : issued > 0 ? 'partiallyCompleted' : 'unsuccessful';
  const step = ctx.settings.stepApplication(from, { type: 'settle', outcome });
  if (!step || step.value === from) return;
  ctx.state.status = step.value;
  notify(ctx, { kind: 'applicationStatus', from, to: step.value });
}
