import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { compileBundle, createFormState, loadBundle } from '../../../engine/src/index.js';
import { createControlRegistry } from '../controls/createControlRegistry.js';
import { defaultControls } from '../controls/defaultControls.js';
import { CHUNK_SIZE, SectionFields } from './SectionFields.js';

/** A form of `n` text fields; every third is shown only when the field before it has a value. */
function bundle(n: number) {
  const fields: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {};
  const map: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    fields[`f${i}`] = {
      type: 'string',
      label: { 'zh-CN': `字段 ${i}` },
      ...(i % 3 === 2 ? { visibleIf: `f${i - 1} != ""` } : {}),
    };
    properties[`f${i}`] = { type: 'string' };
    map[`f${i}`] = `f${i}`;
  }
  return {
    id: 'chunks',
    version: '1.0.0',
    title: { 'zh-CN': '分块' },
    leadDepartment: 'd',
    promisedDays: 1,
    departments: { d: { name: { 'zh-CN': '部门' } } },
    fields,
    items: [
      {
        id: 'item',
        name: { 'zh-CN': '事项' },
        department: 'd',
        itemType: 'licensing',
        promisedLimitDays: 1,
        form: { schema: { type: 'object', properties }, map },
      },
    ],
  };
}

describe('SectionFields', () => {
  it('renders the visible rows in order, in chunks of CHUNK_SIZE fields', () => {
    const n = CHUNK_SIZE * 2 + 7;
    const state = createFormState(compileBundle(loadBundle(bundle(n))), { initialValues: { f1: 'x' } });
    const keys = state.compiled.form.order;
    const html = renderToString(
      h(SectionFields, {
        state,
        fields: keys,
        registry: createControlRegistry(defaultControls),
        lang: 'zh-CN',
        idPrefix: 'p',
      }),
    );
    expect(html.match(/class="ot-chunk"/g)).toHaveLength(3);
    const shown = [...html.matchAll(/data-field="(f\d+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(keys.filter((key) => state.isVisible(key)));
    expect(shown).toContain('f2'); // f1 has a value
    expect(shown).not.toContain('f5');
    // The second chunk starts with the field after the first CHUNK_SIZE.
    const second = html.split('class="ot-chunk"')[2]!;
    expect(second.match(/data-field="(f\d+)"/)![1]).toBe(
      keys.slice(CHUNK_SIZE).find((k) => state.isVisible(k)),
    );
  });
});
