// Hostile and broken share links give diagnostics, never a throw; the examples' link lengths. Issue #5.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBundle, loadBundle } from '@onething/engine';
import { toBase64url } from './base64url.js';
import { decodeShare } from './decodeShare.js';
import { deflateRaw } from './deflateRaw.js';
import { encodeShare, shareSizeDiagnostic } from './encodeShare.js';
import { MAX_SHARE_BYTES } from './shareFormat.js';

const codes = async (link: string) => {
  const decoded = await decodeShare(link);
  if (decoded.ok) return ['(ok)'];
  for (const d of decoded.diagnostics) {
    expect(d.messages['zh-CN']).not.toMatch(/\{\w+\}/);
    expect(d.messages.en).not.toMatch(/\{\w+\}/);
  }
  return decoded.diagnostics.map((d) => d.code);
};

describe('decodeShare', () => {
  it('reads a link with other fragment parameters around it', async () => {
    const fragment = await encodeShare({ text: 'id: a', format: 'yaml' });
    expect(await decodeShare(`https://x.test/p?q=1#tab=types&${fragment.slice(1)}&lang=en`)).toEqual({
      ok: true,
      text: 'id: a',
      format: 'yaml',
    });
  });

  it('reports a link without a shared bundle', async () => {
    expect(await codes('https://x.test/p#tab=types')).toEqual(['SHARE_MISSING']);
    expect(await codes('')).toEqual(['SHARE_MISSING']);
  });

  it('reports malformed links, other versions and unknown formats', async () => {
    expect(await codes('#share=garbage')).toEqual(['SHARE_MALFORMED']);
    expect(await codes('#share=v2.yaml.AAAA')).toEqual(['SHARE_VERSION_UNSUPPORTED']);
    expect(await codes('#share=v1.toml.AAAA')).toEqual(['SHARE_FORMAT_UNKNOWN']);
    expect(await codes('#share=v1.yaml.')).toEqual(['SHARE_CORRUPT']);
  });

  it('reports data that is not base64url, with the position', async () => {
    const decoded = await decodeShare('#share=v1.yaml.abc$def');
    expect(decoded).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'SHARE_NOT_BASE64URL', params: { position: 4 } }],
    });
    expect(await codes('#share=v1.json.ab+/')).toEqual(['SHARE_NOT_BASE64URL']);
    expect(await codes('#share=v1.json.abcde')).toEqual(['SHARE_NOT_BASE64URL']);
  });

  it('reports truncated and altered data', async () => {
    const text = readFileSync(new URL('../../../../examples/newborn/bundle.yaml', import.meta.url), 'utf8');
    const fragment = await encodeShare({ text, format: 'yaml' });
    expect(await codes(fragment.slice(0, Math.floor(fragment.length / 2)))).toEqual(['SHARE_CORRUPT']);
    expect(await codes('#share=v1.yaml.AAAAAAAA')).toEqual(['SHARE_CORRUPT']);
    // Valid DEFLATE of bytes that are not UTF-8.
    const notUtf8 = toBase64url(await deflateRaw(new Uint8Array([0xff, 0xfe, 0xc0, 0x80])));
    expect(await codes(`#share=v1.json.${notUtf8}`)).toEqual(['SHARE_CORRUPT']);
  });

  it('refuses a small link that inflates past the cap (a zip bomb)', async () => {
    const bomb = await deflateRaw(new Uint8Array(64 * 1024 * 1024));
    const fragment = `#share=v1.yaml.${toBase64url(bomb)}`;
    expect(fragment.length).toBeLessThan(100_000);
    expect(await codes(fragment)).toEqual(['SHARE_TOO_LARGE']);
    // Just over the cap is refused too; exactly at the cap is accepted.
    const over = await deflateRaw(new Uint8Array(MAX_SHARE_BYTES + 1).fill(0x61));
    expect(await codes(`#share=v1.yaml.${toBase64url(over)}`)).toEqual(['SHARE_TOO_LARGE']);
    const at = await deflateRaw(new Uint8Array(MAX_SHARE_BYTES).fill(0x61));
    expect(await codes(`#share=v1.yaml.${toBase64url(at)}`)).toEqual(['(ok)']);
  });

  it('refuses a data part too long to be a 2 MB bundle before decoding it', async () => {
    expect(await codes(`#share=v1.yaml.${'A'.repeat(3_000_000)}`)).toEqual(['SHARE_TOO_LARGE']);
  });
});

describe('encodeShare', () => {
  it('refuses text over the limit, which shareSizeDiagnostic reports first', async () => {
    const text = 'a'.repeat(MAX_SHARE_BYTES + 1);
    expect(shareSizeDiagnostic(text)?.code).toBe('SHARE_TOO_LARGE');
    expect(shareSizeDiagnostic('a'.repeat(MAX_SHARE_BYTES))).toBeUndefined();
    await expect(encodeShare({ text, format: 'yaml' })).rejects.toThrow(RangeError);
  });

  it.each(['newborn', 'business-startup', 'home-transfer'])(
    'shares examples/%s in a link that opens to a bundle that compiles',
    async (name) => {
      const text = readFileSync(new URL(`../../../../examples/${name}/bundle.yaml`, import.meta.url), 'utf8');
      const url = `https://onething.example.gov.cn/playground/${await encodeShare({ text, format: 'yaml' })}`;
      console.info(
        `share link for examples/${name}: ${url.length} characters (bundle ${text.length} characters)`,
      );
      const decoded = await decodeShare(url);
      expect(decoded.ok).toBe(true);
      if (decoded.ok)
        expect(compileBundle(loadBundle(decoded.text, { fileName: 'bundle.yaml' })).bundle.id).toBeTruthy();
    },
  );
});
