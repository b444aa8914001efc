import type { FlowEvent } from './types.js';
import { checkCallResult, checkDepartmentUpdate, checkSubmitResult } from '../adapters/checkAdapterResult.js';
import { parseInstant } from './instants.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;

/**
 * Check the shape of one input from outside (a trace line, a callback body, an adapter's answer)
 * before the decider reads it. Returns a problem description, or undefined when the shape is right.
 */
export function checkFlowInput(input: unknown): string | undefined {
  if (!isObject(input)) return 'an input must be an object { at, event }';
  if (parseInstant(input.at) === undefined)
    return '`at` must be an ISO 8601 instant with an offset, e.g. 2025-03-20T09:00:00+08:00';
  const event = input.event;
  if (!isObject(event) || typeof event.type !== 'string') return '`event` must be an object with a `type`';
  return checkEvent(event as FlowEvent & Record<string, unknown>);
}

function checkEvent(e: FlowEvent & Record<string, unknown>): string | undefined {
  switch (e.type) {
    case 'precheck':
    case 'submit':
      if (!isObject(e.data)) return `${e.type}: \`data\` must be an object`;
      if (e.materials !== undefined && !isObject(e.materials))
        return `${e.type}: \`materials\` must be an object`;
      return undefined;
    case 'withdraw':
      return e.reason === undefined || typeof e.reason === 'string'
        ? undefined
        : 'withdraw: `reason` must be a string';
    case 'supply':
      return isString(e.material) ? undefined : 'supply: `material` must be a material id';
    case 'answerCorrection':
      if (!isString(e.item)) return 'answerCorrection: `item` must be an item id';
      if (e.data !== undefined && !isObject(e.data)) return 'answerCorrection: `data` must be an object';
      if (e.materials !== undefined && !isObject(e.materials))
        return 'answerCorrection: `materials` must be an object';
      return undefined;
    case 'adapterResult':
      if (!isString(e.item) || !isString(e.callId)) return 'adapterResult: `item` and `callId` are required';
      return checkResult(e.result);
    case 'departmentUpdate': {
      if (!isString(e.item) || !isString(e.eventId))
        return 'departmentUpdate: `item` and `eventId` are required';
      const update = checkDepartmentUpdate(e.update);
      return update.ok ? undefined : `departmentUpdate: ${update.message}`;
    }
    case 'verificationResult':
      if (!isString(e.item) || !isString(e.material))
        return 'verificationResult: `item` and `material` are required';
      return e.result === 'verified' || e.result === 'breached'
        ? undefined
        : 'verificationResult: `result` must be verified or breached';
    case 'timer':
      return isString(e.id) ? undefined : 'timer: `id` is required';
    case 'operatorRetry':
      return isString(e.item) ? undefined : 'operatorRetry: `item` is required';
    default:
      return `unknown event type "${String((e as { type: unknown }).type).slice(0, 50)}"`;
  }
}

/** Check an adapter's answer as the decider receives it: a submission's or a supplement's/withdrawal's. */
export function checkResult(r: unknown): string | undefined {
  if (checkSubmitResult(r).ok) return undefined;
  const call = checkCallResult(r);
  return call.ok ? undefined : call.message;
}
