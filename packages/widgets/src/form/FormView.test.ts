import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { compileBundle, createFormState, loadBundle } from '../../../engine/src/index.js';
import { createControlRegistry } from '../controls/createControlRegistry.js';
import { defaultControls } from '../controls/defaultControls.js';
import { FormView } from './FormView.js';
import { hostileBundle } from '../../test/fixtures/hostileBundle.js';

const XSS = '<img src=x onerror=alert(1)>';
describe('FormView', () => {
  it('renders every bundle text as text, never as markup', () => {
    const loaded = loadBundle(hostileBundle(XSS));
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const state = createFormState(compileBundle(loaded));
    const html = renderToString(
      h(FormView, {
        state,
        registry: createControlRegistry(defaultControls),
        lang: 'zh-CN',
        idPrefix: 'f',
        materials: () => ({}),
        now: () => '2025-03-17T09:00:00+08:00',
        onSubmit: () => undefined,
      }),
    );
    expect(html).not.toContain('<img');
    expect(html.split('&lt;img src=x onerror=alert(1)>').length - 1).toBeGreaterThanOrEqual(6);
  });

  it('renders the first step only when the bundle asks for steps, and all sections otherwise', () => {
    const bundle = hostileBundle(XSS);
    const steps = {
      ...bundle,
      fields: { ...bundle.fields, other: { type: 'string', label: { 'zh-CN': '其他' } } },
      items: [
        {
          ...bundle.items[0]!,
          form: {
            schema: {
              type: 'object',
              properties: { xm: { type: 'string' }, lx: { type: 'string' }, qt: { type: 'string' } },
            },
            map: { xm: 'name', lx: 'kind', qt: 'other' },
          },
        },
      ],
      layout: {
        mode: 'steps',
        sections: [
          { id: 's1', title: { 'zh-CN': '第一步' }, fields: ['name', 'kind'] },
          { id: 's2', title: { 'zh-CN': '第二步' }, fields: ['other'] },
        ],
      },
    };
    const state = createFormState(compileBundle(loadBundle(steps)));
    const render = (mode?: 'sections' | 'steps') =>
      renderToString(
        h(FormView, {
          state,
          registry: createControlRegistry(defaultControls),
          lang: 'zh-CN',
          idPrefix: 'f',
          materials: () => ({}),
          now: () => '2025-03-17T09:00:00+08:00',
          onSubmit: () => undefined,
          ...(mode ? { mode } : {}),
        }),
      );
    expect(render()).toContain('第一步');
    expect(render()).not.toContain('第二步');
    expect(render()).toContain('第 1 步，共 2 步');
    expect(render('sections')).toContain('第二步');
  });
});
