import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { NoticeEntry } from '@onething/engine/runtime';
import { compileBundle, createFormState, loadBundle, localize } from '../../../engine/src/index.js';
import { NoticeView } from './NoticeView.js';
import { noticeTargetId } from './noticeTargetId.js';
import { printPage } from './printPage.js';

const root = new URL('../../../../', import.meta.url);
const newborn = compileBundle(
  loadBundle(readFileSync(new URL('examples/newborn/bundle.yaml', root), 'utf8')),
);
const XSS = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)>';

function newbornNotice() {
  const state = createFormState(newborn, { today: () => '2025-03-17' });
  state.validate();
  return { state, notice: state.notice() };
}

/** Elements of an un-rendered vnode tree (component children are not expanded). */
function find(
  node: unknown,
  test: (v: VNode<Record<string, unknown>>) => boolean,
): VNode<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap((n) => find(n, test));
  if (!node || typeof node !== 'object' || !('props' in node)) return [];
  const v = node as VNode<Record<string, unknown>>;
  return [...(test(v) ? [v] : []), ...find(v.props.children, test)];
}

describe('NoticeView', () => {
  it('lists every entry under its departments, in the notice’s order, with the total', () => {
    const { state, notice } = newbornNotice();
    expect(notice.entries.length).toBeGreaterThan(0);
    const html = renderToString(h(NoticeView, { notice, state, lang: 'zh-CN', idPrefix: 'f', onJump() {} }));
    expect(html).toContain(`一次性告知：共 ${notice.entries.length} 项需要补充或更正`);
    const departments = [...html.matchAll(/<h3 class="ot-notice-department" id="f-notice-(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(departments).toEqual(notice.byDepartment.map((g) => g.department));
    for (const group of notice.byDepartment) {
      expect(html).toContain(`${localize(group.name, 'zh-CN')}（${group.entries.length} 项）`);
    }
    const material = notice.entries.find((e) => e.kind === 'material')!;
    const field = notice.entries.find((e) => e.kind === 'field')!;
    expect(html).toContain(`href="#f-material-${material.key}"`);
    expect(html).toContain(`href="#f-${field.key}"`);
    expect(html).toContain(material.diagnostics[0]!.messages['zh-CN']);
    expect(html).toContain('打印告知单');
  });

  it('speaks English when asked', () => {
    const { state, notice } = newbornNotice();
    const html = renderToString(h(NoticeView, { notice, state, lang: 'en', idPrefix: 'f', onJump() {} }));
    expect(html).toContain(`One-time notice: ${notice.entries.length} thing(s) to supply or correct`);
    expect(html).toContain('resident ID cards</a>');
    expect(html).toContain('is missing (needed by');
  });

  it('jumps to the entry a link names, without following the link', () => {
    const { state, notice } = newbornNotice();
    const jumped: NoticeEntry[] = [];
    const tree = NoticeView({ notice, state, lang: 'zh-CN', idPrefix: 'f', onJump: (e) => jumped.push(e) });
    const links = find(tree, (v) => v.type === 'a');
    expect(links.length).toBe(notice.byDepartment.reduce((n, g) => n + g.entries.length, 0));
    const prevented: boolean[] = [];
    (links[0]!.props.onClick as (e: unknown) => void)({ preventDefault: () => prevented.push(true) });
    expect(jumped).toEqual([notice.byDepartment[0]!.entries[0]]);
    expect(prevented).toEqual([true]);
  });

  it('says the application is complete when nothing is missing', () => {
    const { state } = newbornNotice();
    const html = renderToString(
      h(NoticeView, {
        notice: { ok: true, entries: [], byDepartment: [] },
        state,
        lang: 'zh-CN',
        idPrefix: 'f',
        onJump() {},
      }),
    );
    expect(html).toContain('材料和信息齐全');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('ot-notice-print');
  });

  it('renders every bundle text as text, never as markup', () => {
    const text = { 'zh-CN': XSS, en: XSS };
    const state = createFormState(
      compileBundle(
        loadBundle({
          id: 'hostile',
          version: '1.0.0',
          title: text,
          leadDepartment: 'd1',
          promisedDays: 1,
          departments: { d1: { name: text } },
          fields: { name: { type: 'string', label: text } },
          items: [
            {
              id: 'i1',
              name: text,
              department: 'd1',
              itemType: 'licensing',
              promisedLimitDays: 1,
              form: {
                schema: { type: 'object', properties: { xm: { type: 'string' } }, required: ['xm'] },
                map: { xm: 'name' },
              },
              materials: ['m_a'],
            },
          ],
          materials: { m_a: { name: text } },
        }),
      ),
    );
    state.validate();
    const notice = state.notice();
    expect(notice.entries.map((e) => e.kind)).toEqual(['field', 'material']);
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderToString(h(NoticeView, { notice, state, lang, idPrefix: 'f', onJump() {} }));
      expect(html).not.toContain('<img');
      // Bundle title, department, two labels, and the material and item names in its reason.
      expect(html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(6);
    }
  });
});

describe('noticeTargetId and printPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('points fields at their control and materials at their card', () => {
    expect(noticeTargetId('f1', { kind: 'field', key: 'babyName' })).toBe('f1-babyName');
    expect(noticeTargetId('f1', { kind: 'material', key: 'm_hukouBook' })).toBe('f1-material-m_hukouBook');
  });

  it('prints where there is a window and does nothing on the server', () => {
    expect(() => printPage()).not.toThrow();
    const print = vi.fn();
    vi.stubGlobal('window', { print });
    printPage();
    expect(print).toHaveBeenCalledTimes(1);
  });
});
