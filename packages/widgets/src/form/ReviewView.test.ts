import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { compileBundle, createFormState, loadBundle } from '../../../engine/src/index.js';
import { displayValue, ReviewView } from './ReviewView.js';
import { sectionsOf } from './sectionsOf.js';

const root = new URL('../../../../', import.meta.url);
const compiled = compileBundle(
  loadBundle(readFileSync(new URL('examples/newborn/bundle.yaml', root), 'utf8')),
);
const data = JSON.parse(readFileSync(new URL('examples/newborn/data/valid-complete.json', root), 'utf8'));

describe('ReviewView', () => {
  const state = createFormState(compiled, { initialValues: data, today: () => '2025-03-17' });

  it('shows option labels, 是/否 and — for empty values', () => {
    expect(displayValue(state, 'babyGender', '2', 'zh-CN')).toBe('女');
    expect(displayValue(state, 'babyGender', '2', 'en')).toBe('Female');
    expect(displayValue(state, 'payMedIns', true, 'zh-CN')).toBe('是');
    expect(displayValue(state, 'babyName', undefined, 'zh-CN')).toBe('—');
  });

  it('lists every visible answer section by section, as text', () => {
    const html = renderToString(
      h(ReviewView, { state, sections: sectionsOf(state, 'zh-CN'), lang: 'zh-CN', onEdit: () => undefined }),
    );
    expect(html).toContain('核对信息');
    expect(html).toContain('林语桐');
    expect(html).toContain('新生儿信息');
    expect(html.match(/<dt>/g)!.length).toBeGreaterThan(30);
  });
});
