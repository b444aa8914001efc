import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { RatingView } from './RatingView.js';
import type { RatingDraft } from './checkRating.js';

const XSS = '<img src=x onerror=alert(1)>';
const render = (
  props: { initial?: RatingDraft; lang?: 'zh-CN' | 'en'; title?: string; name?: string } = {},
) =>
  renderToString(
    h(RatingView, {
      title: props.title ?? '新生儿出生一件事',
      items: [{ id: 'cert', name: props.name ?? '出生医学证明' }],
      lang: props.lang ?? 'zh-CN',
      idPrefix: 'r',
      initial: props.initial,
      onRate: () => undefined,
    }),
  );

describe('RatingView', () => {
  it('offers the five national levels, best first, as one radio group per target', () => {
    const html = render();
    const levels = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
    const positions = levels.map((level) => html.indexOf(`${level}</label>`));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    expect(html.match(/role="radiogroup"/g)).toHaveLength(2);
    expect(html.match(/type="radio" name="r-overall"/g)).toHaveLength(5);
    expect(html.match(/type="radio" name="r-item-cert"/g)).toHaveLength(5);
    expect(html).toContain('总体评价：新生儿出生一件事');
    expect(html).toContain('maxlength="500"');
    expect(render({ lang: 'en' })).toContain('Very dissatisfied');
  });

  it('asks for reasons only when a level below 3 is chosen', () => {
    expect(render()).not.toContain('办事效率');
    const low = render({ initial: { levels: { 'item:cert': 2 }, reasons: {}, comment: '' } });
    expect(low).toContain('不满意的原因（至少选一项）');
    for (const reason of ['办事效率', '服务态度', '办事指南', '平台操作']) expect(low).toContain(reason);
    expect(low.match(/type="checkbox"/g)).toHaveLength(4);
    expect(render({ initial: { levels: { overall: 3 }, reasons: {}, comment: '' } })).not.toContain(
      '办事效率',
    );
  });

  it('renders names as text, never as markup', () => {
    const html = render({ title: XSS, name: XSS });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
