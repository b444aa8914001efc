import { describe, expect, it } from 'vitest';
import bundleSchema from '@onething/engine/schema/bundle.schema.json';
import { localizeDescription } from './localizeDescription.js';

function descriptions(node: unknown, out: string[] = []): string[] {
  if (node && typeof node === 'object') {
    const d = (node as { description?: unknown }).description;
    if (typeof d === 'string') out.push(d);
    for (const v of Object.values(node)) descriptions(v, out);
  }
  return out;
}

describe('localizeDescription', () => {
  it('splits at the language boundary, not at a slash inside the Chinese part', () => {
    expect(localizeDescription('设定 / 实施依据 / Legal basis', 'zh-CN')).toBe('设定 / 实施依据');
    expect(localizeDescription('设定 / 实施依据 / Legal basis', 'en')).toBe('Legal basis');
    expect(localizeDescription('only one language', 'en')).toBe('only one language');
  });

  it('splits every description of the bundle schema into a Chinese and an English part', () => {
    const all = descriptions(bundleSchema);
    expect(all.length).toBeGreaterThan(100);
    for (const d of all) {
      const zh = localizeDescription(d, 'zh-CN');
      const en = localizeDescription(d, 'en');
      expect(zh, d).not.toBe(en);
      expect(/[\u3400-\u9fff]/.test(zh), d).toBe(true);
      expect(/^[A-Za-z`"(]/.test(en), d).toBe(true);
    }
  });
});
