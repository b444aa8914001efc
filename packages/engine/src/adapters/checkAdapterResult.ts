/**
 * Shape checks of what an adapter (or a department's HTTP API) answers. The runner turns a reply that
 * fails them into `{ status: 'failed' }` instead of letting a malformed value into the persisted state.
 * Each check returns a fresh value holding only the known fields, so extra properties a department
 * sends along never reach the state.
 */
import type { LocalizedText } from '../bundle/types.js';
import type { DepartmentUpdate, Licence, SubmitResult } from '../flow/types.js';
import type { CallResult, UpdateEnvelope } from './types.js';

/** The checked value, or why it is not one. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const bad = (message: string): { ok: false; message: string } => ({ ok: false, message });
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

function checkReasons(value: unknown, at: string): Checked<LocalizedText[]> {
  if (!Array.isArray(value)) return bad(`${at}.reasons must be an array of { "zh-CN", en? } texts`);
  const reasons: LocalizedText[] = [];
  for (const [i, r] of value.entries()) {
    if (!isObject(r) || typeof r['zh-CN'] !== 'string' || (r.en !== undefined && typeof r.en !== 'string'))
      return bad(`${at}.reasons[${i}] must be a { "zh-CN": string, en?: string } text`);
    reasons.push(r.en === undefined ? { 'zh-CN': r['zh-CN'] } : { 'zh-CN': r['zh-CN'], en: r.en });
  }
  return { ok: true, value: reasons };
}

function checkFailure(
  value: Obj,
  at: string,
): Checked<{ status: 'failed'; transient: boolean; message: string }> {
  if (typeof value.transient !== 'boolean') return bad(`${at}.transient must be a boolean`);
  if (typeof value.message !== 'string') return bad(`${at}.message must be a string`);
  return { ok: true, value: { status: 'failed', transient: value.transient, message: value.message } };
}

/**
 * Check a reply to `submit`: `accepted` with a receipt number, `refused` with reasons, or `failed`.
 *
 * @example
 * const checked = checkSubmitResult(JSON.parse(body));
 * const result = checked.ok ? checked.value : { status: 'failed', transient: false, message: checked.message };
 */
export function checkSubmitResult(value: unknown): Checked<SubmitResult> {
  const at = 'result';
  if (!isObject(value)) return bad(`${at} must be an object, got ${describe(value)}`);
  switch (value.status) {
    case 'accepted':
      if (!isText(value.receiptNo)) return bad(`${at}.receiptNo must be a non-empty string`);
      return { ok: true, value: { status: 'accepted', receiptNo: value.receiptNo } };
    case 'refused': {
      const reasons = checkReasons(value.reasons, at);
      return reasons.ok ? { ok: true, value: { status: 'refused', reasons: reasons.value } } : reasons;
    }
    case 'failed':
      return checkFailure(value, at);
    default:
      return bad(
        `${at}.status must be "accepted", "refused" or "failed", got ${JSON.stringify(value.status)}`,
      );
  }
}

/** Check a reply to `supplement` or `withdraw`: `ok` or `failed`. */
export function checkCallResult(value: unknown): Checked<CallResult> {
  const at = 'result';
  if (!isObject(value)) return bad(`${at} must be an object, got ${describe(value)}`);
  if (value.status === 'ok') return { ok: true, value: { status: 'ok' } };
  if (value.status === 'failed') return checkFailure(value, at);
  return bad(`${at}.status must be "ok" or "failed", got ${JSON.stringify(value.status)}`);
}

function checkLicence(value: unknown, at: string): Checked<Licence> {
  if (!isObject(value) || !isText(value.no)) return bad(`${at}.no must be a non-empty string`);
  const licence: Licence = { no: value.no };
  if (value.electronic !== undefined) {
    if (typeof value.electronic !== 'boolean') return bad(`${at}.electronic must be a boolean`);
    licence.electronic = value.electronic;
  }
  if (value.url !== undefined) {
    if (typeof value.url !== 'string') return bad(`${at}.url must be a string`);
    licence.url = value.url;
  }
  if (value.name !== undefined) {
    if (!isObject(value.name) || typeof value.name['zh-CN'] !== 'string')
      return bad(`${at}.name must be a { "zh-CN", en? } text`);
    licence.name = { 'zh-CN': value.name['zh-CN'] };
    if (typeof value.name.en === 'string') licence.name.en = value.name.en;
  }
  return { ok: true, value: licence };
}

/** Check one department status update (`inReview`, `issued`, …). */
export function checkDepartmentUpdate(value: unknown, at = 'update'): Checked<DepartmentUpdate> {
  if (!isObject(value)) return bad(`${at} must be an object, got ${describe(value)}`);
  switch (value.status) {
    case 'inReview':
    case 'approved':
    case 'specialStepEnded':
      return { ok: true, value: { status: value.status } };
    case 'correctionRequested':
    case 'denied': {
      const reasons = checkReasons(value.reasons, at);
      return reasons.ok ? { ok: true, value: { status: value.status, reasons: reasons.value } } : reasons;
    }
    case 'specialStep':
      if (!isText(value.step)) return bad(`${at}.step must be a non-empty string`);
      return { ok: true, value: { status: 'specialStep', step: value.step } };
    case 'issued': {
      const issued: DepartmentUpdate = { status: 'issued' };
      if (value.licence !== undefined) {
        const licence = checkLicence(value.licence, `${at}.licence`);
        if (!licence.ok) return licence;
        issued.licence = licence.value;
      }
      if (value.outputs !== undefined) {
        if (!isObject(value.outputs)) return bad(`${at}.outputs must be an object`);
        issued.outputs = { ...value.outputs };
      }
      return { ok: true, value: issued };
    }
    default:
      return bad(`${at}.status ${JSON.stringify(value.status)} is not a department update`);
  }
}

/** Check a list of polled updates, each with its event id, application and item. */
export function checkUpdateEnvelopes(value: unknown): Checked<UpdateEnvelope[]> {
  if (!Array.isArray(value)) return bad(`updates must be an array, got ${describe(value)}`);
  const envelopes: UpdateEnvelope[] = [];
  for (const [i, e] of value.entries()) {
    const at = `updates[${i}]`;
    if (!isObject(e)) return bad(`${at} must be an object, got ${describe(e)}`);
    for (const key of ['eventId', 'applicationId', 'item'] as const)
      if (!isText(e[key])) return bad(`${at}.${key} must be a non-empty string`);
    const update = checkDepartmentUpdate(e.update, `${at}.update`);
    if (!update.ok) return update;
    envelopes.push({
      eventId: e.eventId as string,
      applicationId: e.applicationId as string,
      item: e.item as string,
      update: update.value,
    });
  }
  return { ok: true, value: envelopes };
}
