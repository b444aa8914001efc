import { describe, expect, it } from 'vitest';
import { createDiagnostic, localizeDiagnostic } from './createDiagnostic.js';
import { DIAGNOSTICS } from './codes.js';
import { DATA_DIAGNOSTICS } from './dataCodes.js';

describe('createDiagnostic', () => {
  it('renders each language with its own text from localized params', () => {
    const d = createDiagnostic('DATA_FORMAT', {
      path: '/a',
      params: {
        label: { 'zh-CN': '手机号', en: 'Mobile' },
        detail: { 'zh-CN': '应为11位', en: 'must have 11 digits' },
      },
      lang: 'en',
    });
    expect(d.messages).toEqual({
      'zh-CN': '“手机号”格式不正确：应为11位',
      en: '"Mobile" is not valid: must have 11 digits',
    });
    expect(d.message).toBe(d.messages.en);
    expect(d.params.label).toEqual({ 'zh-CN': '手机号', en: 'Mobile' });
  });

  it('falls back to zh-CN when a param has no English text', () => {
    const d = createDiagnostic('DATA_TYPE', {
      path: '',
      params: { label: { 'zh-CN': '邮编' }, expected: 'x' },
      lang: 'en',
    });
    expect(d.message).toBe('"邮编" must be x.');
  });

  it('joins list params per language and re-localizes', () => {
    const d = createDiagnostic('DATA_REQUIRED', {
      path: '/x',
      params: {
        label: { 'zh-CN': '姓名', en: 'Name' },
        depts: [
          { 'zh-CN': '公安', en: 'Police' },
          { 'zh-CN': '医保', en: 'Insurance' },
        ],
      },
    });
    expect(d.messages['zh-CN']).toBe('请填写“姓名”（公安、医保需要）。');
    expect(d.messages.en).toBe('Please fill in "Name" (needed by Police, Insurance).');
    expect(localizeDiagnostic(d, 'en').message).toBe(d.messages.en);
  });
});

describe('the code table', () => {
  it('has both texts for every code, sorted, with the same placeholders', () => {
    // DIAGNOSTICS = DATA_DIAGNOSTICS (what the browser runtime carries) + the rest, each sorted.
    const data = Object.keys(DATA_DIAGNOSTICS);
    expect(data).toEqual([...data].sort());
    const rest = Object.keys(DIAGNOSTICS).slice(data.length);
    expect(rest).toEqual([...rest].sort());
    expect(rest.filter((code) => data.includes(code))).toEqual([]);
    expect(data.every((code) => code.startsWith('DATA_') || code === 'BUNDLE_MODULE_INVALID')).toBe(true);
    for (const [code, entry] of Object.entries(DIAGNOSTICS)) {
      expect(entry['zh-CN'], code).not.toBe('');
      expect(entry.en, code).not.toBe('');
      const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
      expect(names(entry.en), code).toEqual(names(entry['zh-CN']));
    }
  });
});
