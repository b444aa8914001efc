import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Diagnostic } from '../../../engine/src/index.js';
import { ErrorSummary, SUMMARY_LIMIT } from './ErrorSummary.js';

const diagnostic = { messages: { 'zh-CN': '必填', en: 'required' } } as unknown as Diagnostic;
const errors = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `f${i}`, label: `字段 ${i}`, diagnostics: [diagnostic] }));
const render = (n: number, limit?: number) =>
  renderToString(
    h(ErrorSummary, {
      errors: errors(n),
      lang: 'zh-CN',
      idPrefix: 'p',
      onJump: () => undefined,
      ...(limit !== undefined ? { limit } : {}),
    }),
  );

describe('ErrorSummary', () => {
  it('links every problem to its field when there are few', () => {
    const html = render(3);
    expect(html).toContain('还有 3 处需要处理');
    expect(html.match(/<li>/g)).toHaveLength(3);
    expect(html).toContain('href="#p-f2"');
    expect(html).not.toContain('ot-summary-more');
  });

  it('lists the first ones of a long list, says how many more, and offers to list them all', () => {
    const html = render(SUMMARY_LIMIT + 180);
    expect(html).toContain(`还有 ${SUMMARY_LIMIT + 180} 处需要处理`);
    expect(html.match(/<li>/g)).toHaveLength(SUMMARY_LIMIT);
    expect(html).toContain(`href="#p-f${SUMMARY_LIMIT - 1}"`);
    expect(html).not.toContain(`href="#p-f${SUMMARY_LIMIT}"`);
    expect(html).toContain('另有 180 处未列出');
    expect(html).toContain(`列出全部 ${SUMMARY_LIMIT + 180} 处`);
  });

  it('takes its limit from the caller', () => {
    const html = render(5, 2);
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('另有 3 处未列出');
  });
});
