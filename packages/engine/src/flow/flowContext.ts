import type { WorkCalendar } from '../calendar/types.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { ServiceItem } from '../bundle/types.js';
import type { validateApplication } from '../form/validateApplication.js';
import type { PayloadBuilder } from '../merge/createPayloadBuilder.js';
import type { ItemFeatures } from './createItemMachine.js';
import type {
  ApplicationStatus,
  FlowEffect,
  FlowNotification,
  FlowState,
  FlowTimer,
  ItemFlowState,
  ItemStatus,
  RetryPolicy,
} from './types.js';

/** What the decider knows of one item once per bundle. */
export interface ItemProfile {
  item: ServiceItem;
  /** Builds the item's department payload (prepared once per bundle). */
  buildPayload: PayloadBuilder;
  index: number;
  features: ItemFeatures;
  step(
    status: ItemStatus,
    event: import('./createItemMachine.js').ItemMachineEvent,
  ): { value: ItemStatus; readonly actions: readonly string[] } | undefined;
}

/** Settings of one flow, resolved from options and the bundle's `procedures`. */
export interface FlowSettings {
  compiled: CompiledBundle;
  calendar: WorkCalendar;
  lang: Lang;
  retry: RetryPolicy;
  warnAtShare: number;
  graceDays: number;
  verificationDueDays: number;
  profiles: Map<string, ItemProfile>;
  validate: typeof validateApplication;
  order: string[];
  stepApplication(
    status: ApplicationStatus,
    event: import('./createApplicationMachine.js').ApplicationMachineEvent,
  ): { value: ApplicationStatus; readonly actions: readonly string[] } | undefined;
}

/**
 * The working copy of one decision: the state is copied on write (only what changes), effects and
 * diagnostics are collected, and `now`/`today` come from the input, never from the system clock.
 */
export interface FlowContext {
  settings: FlowSettings;
  state: FlowState;
  effects: FlowEffect[];
  diagnostics: Diagnostic[];
  now: number;
  at: string;
  today: string;
  copied: Set<string>;
  /** Some item changed status in this decision: dependencies and the outcome need a look. */
  itemsMoved: boolean;
}

export function diagnose(
  ctx: FlowContext,
  code: DiagnosticCode,
  path: string,
  params: Record<string, unknown>,
): void {
  ctx.diagnostics.push(createDiagnostic(code, { path, params, lang: ctx.settings.lang }));
}

/**
 * The maps of the working state, copied on first write in a decision (most inputs change one item
 * and a timer or two, and copying every map of every state would dominate the decider's cost).
 */
export function writable<K extends 'items' | 'timers' | 'pending'>(ctx: FlowContext, key: K): FlowState[K] {
  const marker = `#${key}`;
  if (!ctx.copied.has(marker)) {
    ctx.state[key] = { ...ctx.state[key] };
    ctx.copied.add(marker);
  }
  return ctx.state[key];
}

/**
 * Remove one entry of a working-state map. The copy is rebuilt without the key rather than copied and
 * then `delete`d, which would turn it into a slow dictionary-mode object for every later decision.
 */
export function removeEntry(ctx: FlowContext, key: 'timers' | 'pending', id: string): void {
  const current = ctx.state[key] as Record<string, unknown>;
  if (!Object.hasOwn(current, id)) return;
  const next: Record<string, unknown> = {};
  for (const k of Object.keys(current)) if (k !== id) next[k] = current[k];
  (ctx.state as unknown as Record<string, unknown>)[key] = next;
  ctx.copied.add(`#${key}`);
}

/** Record an adapter call as in flight and hand it to the host. */
export function startCall(ctx: FlowContext, effect: FlowState['pending'][string]): void {
  writable(ctx, 'pending')[effect.callId] = effect;
  ctx.effects.push(effect);
}

/**
 * The item's state, copied once per decision so the input state is never mutated. Its lists
 * (`outstanding`, `sources`, `verifications`) are shared with the input: replace them, never push.
 */
export function itemDraft(ctx: FlowContext, id: string): ItemFlowState {
  const current = ctx.state.items[id]!;
  if (ctx.copied.has(id)) return current;
  // Shallow: the lists inside are replaced, never changed in place, by whoever changes them.
  const copy: ItemFlowState = { ...current };
  writable(ctx, 'items')[id] = copy;
  ctx.copied.add(id);
  return copy;
}

export function setTimer(ctx: FlowContext, timer: FlowTimer): void {
  writable(ctx, 'timers')[timer.id] = timer;
  ctx.effects.push({ type: 'setTimer', timer });
}

export function cancelTimer(ctx: FlowContext, id: string): void {
  if (!Object.hasOwn(ctx.state.timers, id)) return;
  removeEntry(ctx, 'timers', id);
  ctx.effects.push({ type: 'cancelTimer', id });
}

export function notify(ctx: FlowContext, notification: FlowNotification): void {
  ctx.effects.push({ type: 'notify', notification });
}

/** A call id unique within the application, from a counter in the state (never random). */
export function nextCallId(ctx: FlowContext): string {
  ctx.state.seq += 1;
  return `${ctx.state.applicationId}#${ctx.state.seq}`;
}

export function departmentOf(ctx: FlowContext, item: string): string {
  return ctx.settings.profiles.get(item)!.item.department;
}
