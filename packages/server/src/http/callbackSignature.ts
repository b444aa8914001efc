import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header of a callback's signature: `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-onething-signature';
/** Header of a callback's time: Unix seconds, signed with the body. */
export const TIMESTAMP_HEADER = 'x-onething-timestamp';

const hmac = (secret: string, text: string): Buffer => createHmac('sha256', secret).update(text).digest();

/** `sha256=<hex>` over `text` with `secret`, compared in constant time. */
export function verifySignature(secret: string, text: string, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = hmac(secret, text);
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The headers a department sends with a callback: the time (Unix seconds) and the HMAC-SHA256 of
 * `<timestamp>.<raw body>` with the department's secret. The time is signed, so a captured
 * callback cannot be sent again later with a fresh timestamp.
 *
 * @example
 * const body = JSON.stringify({ applicationId, item: 'birthReg', eventId: 'e1', update: { status: 'approved' } });
 * await fetch(`${base}/api/callbacks/hospital`, { method: 'POST', body,
 *   headers: { 'content-type': 'application/json', ...signCallback(secret, body) } });
 */
export function signCallback(
  secret: string,
  body: string,
  nowMs: number = Date.now(),
): Record<typeof SIGNATURE_HEADER | typeof TIMESTAMP_HEADER, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `sha256=${hmac(secret, `${timestamp}.${body}`).toString('hex')}`,
  };
}

/** Why a callback's signature was refused, or undefined when it is good and fresh. */
export function checkCallback(
  secret: string,
  body: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  nowMs: number,
  toleranceMs: number,
): 'signature' | 'timestamp' | undefined {
  const { timestamp } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'timestamp';
  if (!verifySignature(secret, `${timestamp}.${body}`, headers.signature)) return 'signature';
  if (Math.abs(Number(timestamp) * 1000 - nowMs) > toleranceMs) return 'timestamp';
  return undefined;
}
