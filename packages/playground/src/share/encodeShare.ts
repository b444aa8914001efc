import { toBase64url } from './base64url.js';
import { deflateRaw } from './deflateRaw.js';
import {
  createPlaygroundDiagnostic,
  formatBytes,
  type PlaygroundDiagnostic,
} from './playgroundDiagnostics.js';
import { MAX_SHARE_BYTES, SHARE_PARAM, SHARE_VERSION, type BundleFormat } from './shareFormat.js';

/** A bundle as the editor holds it. */
export interface SharedBundle {
  text: string;
  format: BundleFormat;
}

/**
 * Why `text` cannot be shared by link (over `MAX_SHARE_BYTES` as UTF-8), or undefined when it can.
 * Check it before `encodeShare`, which refuses such text.
 */
export function shareSizeDiagnostic(text: string): PlaygroundDiagnostic | undefined {
  const size = new TextEncoder().encode(text).byteLength;
  return size > MAX_SHARE_BYTES
    ? createPlaygroundDiagnostic('SHARE_TOO_LARGE', {
        limit: formatBytes(MAX_SHARE_BYTES),
        size: formatBytes(size),
      })
    : undefined;
}

/**
 * The URL fragment that shares a bundle: `#share=v1.<format>.<data>`, where data is the UTF-8 text
 * compressed with raw DEFLATE, in base64url. Nothing leaves the browser: fragments are not sent to
 * servers. Rejects (a programmer error) when the text is over `MAX_SHARE_BYTES`; see `shareSizeDiagnostic`.
 *
 * @example
 * const url = `${location.origin}${location.pathname}${await encodeShare({ text, format: 'yaml' })}`;
 */
export async function encodeShare({ text, format }: SharedBundle): Promise<string> {
  const tooLarge = shareSizeDiagnostic(text);
  if (tooLarge) throw new RangeError(tooLarge.messages.en);
  const data = toBase64url(await deflateRaw(new TextEncoder().encode(text)));
  return `#${SHARE_PARAM}=${SHARE_VERSION}.${format}.${data}`;
}
