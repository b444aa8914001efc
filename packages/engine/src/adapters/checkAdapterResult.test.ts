import { describe, expect, it } from 'vitest';
import {
  checkCallResult,
  checkDepartmentUpdate,
  checkSubmitResult,
  checkUpdateEnvelopes,
} from './checkAdapterResult.js';

describe('checkAdapterResult', () => {
  it('passes well-formed results, keeping only the known fields', () => {
    expect(checkSubmitResult({ status: 'accepted', receiptNo: 'SL1', secret: 'x' })).toEqual({
      ok: true,
      value: { status: 'accepted', receiptNo: 'SL1' },
    });
    expect(checkSubmitResult({ status: 'refused', reasons: [{ 'zh-CN': '否', en: 'No', x: 1 }] })).toEqual({
      ok: true,
      value: { status: 'refused', reasons: [{ 'zh-CN': '否', en: 'No' }] },
    });
    expect(checkCallResult({ status: 'failed', transient: true, message: 'later' })).toEqual({
      ok: true,
      value: { status: 'failed', transient: true, message: 'later' },
    });
    expect(
      checkDepartmentUpdate({
        status: 'issued',
        licence: { no: 'Z1', electronic: true, name: { 'zh-CN': '证' } },
        outputs: { a: 1 },
      }),
    ).toEqual({
      ok: true,
      value: {
        status: 'issued',
        licence: { no: 'Z1', electronic: true, name: { 'zh-CN': '证' } },
        outputs: { a: 1 },
      },
    });
  });

  it('says what is wrong with a malformed value', () => {
    const message = (c: { ok: boolean; message?: string }) => (c.ok ? 'ok' : c.message);
    expect(message(checkSubmitResult('accepted'))).toBe('result must be an object, got string');
    expect(message(checkSubmitResult({ status: 'accepted', receiptNo: '' }))).toBe(
      'result.receiptNo must be a non-empty string',
    );
    expect(message(checkSubmitResult({ status: 'ok' }))).toMatch(
      /"accepted", "refused" or "failed", got "ok"/,
    );
    expect(message(checkSubmitResult({ status: 'failed', transient: 'yes', message: '' }))).toBe(
      'result.transient must be a boolean',
    );
    expect(message(checkCallResult(null))).toBe('result must be an object, got null');
    expect(message(checkUpdateEnvelopes({}))).toBe('updates must be an array, got object');
    expect(
      message(
        checkUpdateEnvelopes([
          { eventId: 'e', applicationId: 'a', item: 'i', update: { status: 'denied', reasons: [{}] } },
        ]),
      ),
    ).toBe('updates[0].update.reasons[0] must be a { "zh-CN": string, en?: string } text');
    expect(message(checkDepartmentUpdate({ status: 'issued', licence: { no: 3 } }))).toBe(
      'update.licence.no must be a non-empty string',
    );
  });
});
