import { applyItemEvent, pauseItemClock, resumeItemClock } from './applyItemEvent.js';
import { checkFlowInput } from './checkFlowInput.js';
import {
  cancelTimer,
  diagnose,
  itemDraft,
  notify,
  setTimer,
  removeEntry,
  type FlowContext,
  type FlowSettings,
} from './flowContext.js';
import { cstDate, formatInstant, parseInstant } from './instants.js';
import { retryDelayMs } from './retryDelayMs.js';
import { onAnswerCorrection, onCheck, onSupply, onWithdraw } from './applicantEvents.js';
import { advanceItems, settleApplication } from './advanceItems.js';
import { onTimer } from './onTimer.js';
import type { FlowDecision, FlowEvent, FlowInput, FlowState, SubmitResult } from './types.js';

/** How many department event ids an application remembers for de-duplication. */
const SEEN_LIMIT = 500;

/**
 * Decide one input against a state: check its shape, route it to the application's or an item's
 * machine, then start the items whose dependencies are done and settle the application's outcome.
 */
export function decideInput(settings: FlowSettings, state: FlowState, input: FlowInput): FlowDecision {
  const problem = checkFlowInput(input);
  const ctx: FlowContext = {
    settings,
    // Shallow: the items, timers and pending maps are copied on first write (see `writable`).
    state: { ...state },
    effects: [],
    diagnostics: [],
    now: 0,
    at: state.updatedAt,
    today: '',
    copied: new Set(),
    itemsMoved: false,
  };
  if (problem) {
    diagnose(ctx, 'FLOW_BAD_INPUT', '', { detail: problem });
    return { state, effects: [], diagnostics: ctx.diagnostics };
  }
  const at = parseInstant(input.at)!;
  const last = parseInstant(state.updatedAt) ?? at;
  if (at < last) {
    diagnose(ctx, 'FLOW_CLOCK_BACKWARDS', '/at', { at: input.at, last: state.updatedAt });
    ctx.now = last;
  } else {
    ctx.now = at;
    ctx.at = input.at;
  }
  ctx.today = cstDate(ctx.now);
  ctx.state.updatedAt = ctx.at;
  const changed = route(ctx, input.event);
  if (!changed) return { state, effects: ctx.effects, diagnostics: ctx.diagnostics };
  if (ctx.itemsMoved || ctx.state.status !== state.status) {
    advanceItems(ctx);
    settleApplication(ctx);
  }
  return { state: ctx.state, effects: ctx.effects, diagnostics: ctx.diagnostics };
}

function knownItem(ctx: FlowContext, item: string): boolean {
  if (Object.hasOwn(ctx.state.items, item)) return true;
  diagnose(ctx, 'FLOW_UNKNOWN_ITEM', '/event/item', { item });
  return false;
}

function notAllowed(ctx: FlowContext, event: string, status: string, hint = ''): false {
  diagnose(ctx, 'FLOW_EVENT_NOT_ALLOWED', '/event', { event, status, hint });
  return false;
}

/** Apply the event; false when it changed nothing (the input state is then returned as is). */
function route(ctx: FlowContext, event: FlowEvent): boolean {
  switch (event.type) {
    case 'precheck':
    case 'submit':
      return onCheck(ctx, event);
    case 'withdraw':
      return onWithdraw(ctx);
    case 'supply':
      return onSupply(ctx, event.material);
    case 'answerCorrection':
      return knownItem(ctx, event.item) && onAnswerCorrection(ctx, event);
    case 'timer':
      return onTimer(ctx, event.id);
    case 'adapterResult':
      return knownItem(ctx, event.item) && onAdapterResult(ctx, event.item, event.callId, event.result);
    case 'departmentUpdate':
      return knownItem(ctx, event.item) && onDepartmentUpdate(ctx, event);
    case 'verificationResult':
      return knownItem(ctx, event.item) && onVerification(ctx, event);
    case 'operatorRetry': {
      if (!knownItem(ctx, event.item)) return false;
      const status = ctx.state.items[event.item]!.status;
      if (status !== 'failed') return notAllowed(ctx, 'operatorRetry', `${event.item}: ${status}`);
      itemDraft(ctx, event.item).attempts = 0;
      return applyItemEvent(ctx, event.item, { type: 'operatorRetry' });
    }
  }
}

function onAdapterResult(
  ctx: FlowContext,
  item: string,
  callId: string,
  result: SubmitResult | { status: 'ok' },
): boolean {
  const call = Object.hasOwn(ctx.state.pending, callId) ? ctx.state.pending[callId] : undefined;
  if (!call || call.item !== item) {
    diagnose(ctx, 'FLOW_UNKNOWN_CALL', '/event/callId', { callId });
    return false;
  }
  if (call.type === 'dispatch' && result.status === 'ok') {
    // `ok` answers a supplement or a withdrawal, never a submission: the call stays in flight.
    diagnose(ctx, 'FLOW_BAD_INPUT', '/event/result', {
      detail: 'a submission cannot be answered with status ok',
    });
    return false;
  }
  removeEntry(ctx, 'pending', callId);
  if (call.type !== 'dispatch') {
    if (result.status === 'failed') return resendLater(ctx, call, result.transient, result.message);
    return true;
  }
  const reasons = result.status === 'failed' ? [{ 'zh-CN': result.message, en: result.message }] : undefined;
  switch (result.status) {
    case 'accepted':
      return (
        applyItemEvent(ctx, item, { type: 'accepted' }, { receiptNo: result.receiptNo }) ||
        staleAnswer(ctx, item)
      );
    case 'refused':
      return (
        applyItemEvent(ctx, item, { type: 'refused' }, { reasons: result.reasons }) || staleAnswer(ctx, item)
      );
    case 'failed': {
      const canRetry = result.transient && ctx.state.items[item]!.attempts < ctx.settings.retry.maxAttempts;
      return (
        applyItemEvent(ctx, item, { type: 'failed', canRetry }, { reasons: reasons! }) ||
        staleAnswer(ctx, item)
      );
    }
    default:
      return false; // `ok` was refused above
  }
}

/** A call was in flight but the item moved on (withdrawn meanwhile): the answer only clears the call. */
function staleAnswer(ctx: FlowContext, item: string): true {
  notAllowed(ctx, 'adapterResult', `${item}: ${ctx.state.items[item]!.status}`);
  return true;
}

function resendLater(
  ctx: FlowContext,
  call: NonNullable<FlowState['pending'][string]>,
  transient: boolean,
  message: string,
): true {
  const attempt = ('attempt' in call ? (call.attempt ?? 1) : 1) + 1;
  const kind = call.type === 'withdraw' ? 'withdraw' : 'supplement';
  if (!transient || attempt > ctx.settings.retry.maxAttempts || call.type === 'dispatch') {
    diagnose(ctx, 'FLOW_CALL_FAILED', '/event/result', { item: call.item, call: kind, message });
    notify(ctx, { kind: 'callFailed', item: call.item, call: kind, message });
    return true;
  }
  const delay = retryDelayMs(ctx.settings.retry, attempt - 1, call.idempotencyKey);
  setTimer(ctx, {
    id: `resend:${call.idempotencyKey}`,
    at: formatInstant(ctx.now + delay),
    purpose: 'resend',
    item: call.item,
    resend: { ...call, attempt },
  });
  return true;
}

function onDepartmentUpdate(
  ctx: FlowContext,
  event: Extract<FlowEvent, { type: 'departmentUpdate' }>,
): boolean {
  const { item, eventId, update } = event;
  if (ctx.state.seen.includes(eventId)) {
    diagnose(ctx, 'FLOW_DUPLICATE_UPDATE', '/event/eventId', { eventId });
    return false;
  }
  const seen = [...ctx.state.seen, eventId];
  ctx.state.seen = seen.length > SEEN_LIMIT ? seen.slice(-SEEN_LIMIT) : seen;
  const status = ctx.state.items[item]!.status;
  const where = `${item}: ${status}`;
  switch (update.status) {
    case 'inReview':
      return status === 'inReview' || status === 'approved' ? true : notAllowed(ctx, 'inReview', where);
    case 'specialStep':
    case 'specialStepEnded': {
      if (status !== 'inReview' && status !== 'approved') return notAllowed(ctx, update.status, where);
      if (update.status === 'specialStep') pauseItemClock(ctx, item, 'specialStep');
      else if (ctx.state.items[item]!.clock?.pausedSince?.reason === 'specialStep')
        resumeItemClock(ctx, item);
      return true;
    }
    case 'correctionRequested':
      return (
        applyItemEvent(ctx, item, { type: 'correctionRequested' }, { reasons: update.reasons }) ||
        notAllowed(ctx, update.status, where)
      );
    case 'approved':
      return applyItemEvent(ctx, item, { type: 'approved' }) || notAllowed(ctx, update.status, where);
    case 'denied':
      return (
        applyItemEvent(ctx, item, { type: 'denied' }, { reasons: update.reasons }) ||
        notAllowed(ctx, update.status, where)
      );
    case 'issued': {
      const outstanding = ctx.state.items[item]!.outstanding;
      const facts = {
        ...(update.licence ? { licence: update.licence } : {}),
        ...(update.outputs ? { outputs: update.outputs } : {}),
      };
      if (applyItemEvent(ctx, item, { type: 'issued', outstanding: outstanding.length }, facts)) return true;
      if (outstanding.length > 0 && (status === 'inReview' || status === 'approved')) {
        diagnose(ctx, 'FLOW_ISSUE_WITHHELD', '/event/update', { item, materials: outstanding });
        // Not applied, so not remembered (the input state is kept): the department may deliver the
        // same event again once the material is supplied, and it is then applied.
        return false;
      }
      return notAllowed(ctx, update.status, where);
    }
  }
}

function onVerification(
  ctx: FlowContext,
  event: Extract<FlowEvent, { type: 'verificationResult' }>,
): boolean {
  const current = ctx.state.items[event.item]!;
  const index = current.verifications.findIndex(
    (v) => v.material === event.material && v.status === 'pending',
  );
  if (index < 0 || current.status !== 'issued') {
    return notAllowed(ctx, 'verificationResult', `${event.item}: ${current.status}`, event.material);
  }
  const item = itemDraft(ctx, event.item);
  item.verifications = item.verifications.map((v, i) =>
    i === index ? { ...v, status: event.result, doneAt: ctx.at } : v,
  );
  cancelTimer(ctx, `verificationDue:${event.item}:${event.material}`);
  if (event.result === 'breached') {
    applyItemEvent(
      ctx,
      event.item,
      { type: 'breached' },
      { material: event.material, ...(event.note ? { note: event.note } : {}) },
    );
  }
  return true;
}
