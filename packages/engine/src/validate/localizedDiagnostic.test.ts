import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { createLocalizedDiagnostic } from './localizedDiagnostic.js';

describe('createLocalizedDiagnostic', () => {
  it('renders each language with its own text from localized params', () => {
    const d = createLocalizedDiagnostic('DATA_FORMAT', {
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

  it('falls back to zh-CN and matches createDiagnostic for plain params', () => {
    const params = { field: 'extra' };
    const plain = createDiagnostic('DATA_UNKNOWN_FIELD', { path: '/extra', params });
    expect(
      createLocalizedDiagnostic('DATA_UNKNOWN_FIELD', { path: '/extra', params, lang: 'zh-CN' }),
    ).toEqual(plain);
    const d = createLocalizedDiagnostic('DATA_TYPE', {
      path: '',
      params: { label: { 'zh-CN': '邮编' }, expected: 'x' },
      lang: 'en',
    });
    expect(d.message).toBe('"邮编" must be x.');
  });
});
