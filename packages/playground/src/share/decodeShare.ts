import { fromBase64url } from './base64url.js';
import { inflateRawCapped } from './deflateRaw.js';
import {
  createPlaygroundDiagnostic,
  formatBytes,
  type PlaygroundDiagnostic,
} from './playgroundDiagnostics.js';
import {
  MAX_SHARE_BYTES,
  MAX_SHARE_DATA_CHARS,
  SHARE_PARAM,
  SHARE_VERSION,
  type BundleFormat,
} from './shareFormat.js';

/** What `decodeShare` gives: the shared bundle, or why there is none. */
export type DecodedShare =
  { ok: true; text: string; format: BundleFormat } | { ok: false; diagnostics: PlaygroundDiagnostic[] };

const fail = (...args: Parameters<typeof createPlaygroundDiagnostic>): DecodedShare => ({
  ok: false,
  diagnostics: [createPlaygroundDiagnostic(...args)],
});

/** The value of the `share` parameter in a URL, a fragment (`#share=…`) or a bare `share=…`. */
function shareParam(hashOrUrl: string): string | undefined {
  const hashAt = hashOrUrl.indexOf('#');
  const fragment = hashAt >= 0 ? hashOrUrl.slice(hashAt + 1) : hashOrUrl;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return undefined;
}

/**
 * Read a bundle shared by `encodeShare` from a URL or its fragment. Never throws: a missing, malformed,
 * truncated or altered link, another version, or data that inflates past `MAX_SHARE_BYTES` (checked
 * while streaming, so a zip bomb stops at the cap) gives `ok: false` with zh-CN/en diagnostics.
 *
 * @example
 * const shared = await decodeShare(location.hash);
 * if (shared.ok) editor.setText(shared.text, shared.format);
 */
export async function decodeShare(hashOrUrl: string): Promise<DecodedShare> {
  const value = shareParam(hashOrUrl);
  if (value === undefined) return fail('SHARE_MISSING');
  const match = /^(v[^.]*)\.([^.]*)\.(.*)$/s.exec(value);
  if (!match) return fail('SHARE_MALFORMED');
  const [, version, format, data] = match as unknown as [string, string, string, string];
  if (version !== SHARE_VERSION)
    return fail('SHARE_VERSION_UNSUPPORTED', { version: version.slice(0, 20), supported: SHARE_VERSION });
  if (format !== 'yaml' && format !== 'json')
    return fail('SHARE_FORMAT_UNKNOWN', { format: format.slice(0, 20) });
  if (data === '') return fail('SHARE_CORRUPT', { reason: 'no data' });
  if (data.length > MAX_SHARE_DATA_CHARS)
    return fail('SHARE_TOO_LARGE', { limit: formatBytes(MAX_SHARE_BYTES) });
  const bytes = fromBase64url(data);
  if (!(bytes instanceof Uint8Array)) return fail('SHARE_NOT_BASE64URL', { position: bytes.invalidAt + 1 });
  const inflated = await inflateRawCapped(bytes, MAX_SHARE_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'too-large'
      ? fail('SHARE_TOO_LARGE', { limit: formatBytes(MAX_SHARE_BYTES) })
      : fail('SHARE_CORRUPT', { reason: inflated.detail });
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated.bytes),
      format,
    };
  } catch {
    return fail('SHARE_CORRUPT', { reason: 'not UTF-8 text' });
  }
}
