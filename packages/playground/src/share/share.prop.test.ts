// encodeShare → decodeShare gives back any bundle text, in either format. Issue #5.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare } from './decodeShare.js';
import { encodeShare } from './encodeShare.js';

describe('share links round trip', () => {
  it('returns the same text and format for arbitrary Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom('yaml' as const, 'json' as const),
        async (text, format) => {
          const fragment = await encodeShare({ text, format });
          expect(fragment).toMatch(/^#share=v1\.(yaml|json)\.[A-Za-z0-9_-]+$/);
          expect(await decodeShare(`https://example.gov.cn/playground/${fragment}`)).toEqual({
            ok: true,
            text,
            format,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round trips long, repetitive Chinese text (a BOM included)', async () => {
    const text = `\uFEFF${'事项: 新生儿出生一件事\n'.repeat(5000)}`;
    const fragment = await encodeShare({ text, format: 'yaml' });
    expect(fragment.length).toBeLessThan(text.length / 10);
    expect(await decodeShare(fragment)).toEqual({ ok: true, text, format: 'yaml' });
  });
});
