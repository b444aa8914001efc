import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { h, options, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { MaterialDecision, MaterialDecisions } from '@onething/engine/runtime';
import { compileBundle, createFormState, loadBundle } from '../../../engine/src/index.js';
import { MaterialCard, type MaterialCardProps } from './MaterialCard.js';
import { MaterialsPanel } from './MaterialsPanel.js';
import { SignOption } from './SignOption.js';
import { UploadOption } from './UploadOption.js';

const root = new URL('../../../../', import.meta.url);
const newborn = compileBundle(
  loadBundle(readFileSync(new URL('examples/newborn/bundle.yaml', root), 'utf8')),
);
const data = JSON.parse(readFileSync(new URL('examples/newborn/data/valid-complete.json', root), 'utf8'));
const NOW = '2025-03-17T09:00:00+08:00';
const XSS = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)>';

function render(materials: MaterialDecisions = {}, extra: Record<string, unknown> = {}) {
  const state = createFormState(newborn, { initialValues: data, materials, today: () => '2025-03-17' });
  const changes: Array<[string, MaterialDecision | undefined]> = [];
  const props = {
    state,
    lang: 'zh-CN' as const,
    idPrefix: 'f',
    now: () => NOW,
    decisions: materials,
    ...extra,
  };
  const html = renderToString(h(MaterialsPanel, { ...props, onChange: (id, d) => changes.push([id, d]) }));
  return { state, html, changes };
}

/** The HTML of one material card. */
function card(html: string, id: string): string {
  const start = html.indexOf(`id="f-material-${id}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('<section', start);
  return html.slice(start, end === -1 ? undefined : end);
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

describe('MaterialsPanel on the newborn bundle', () => {
  it('renders one focusable, labelled card per material, required ones first', () => {
    const { state, html } = render();
    const ids = [...html.matchAll(/<section class="ot-material[^"]*" id="f-material-(\w+)"/g)].map(
      (m) => m[1],
    );
    const materials = state.materials();
    expect(new Set(ids)).toEqual(new Set(materials.map((m) => m.id)));
    const firstOptional = ids.findIndex((id) => !materials.find((m) => m.id === id)!.required);
    expect(ids.slice(firstOptional).every((id) => !materials.find((m) => m.id === id)!.required)).toBe(true);
    expect(html).toContain('aria-labelledby="f-material-m_hukouBook-title"');
    expect(card(html, 'm_hukouBook')).toContain('tabindex="-1"');
    expect(card(html, 'm_parentIds')).toContain('用于：《出生医学证明》首次签发、出生登记（户口登记）');
  });

  it('offers the ways the bundle allows: licence, upload, 容缺', () => {
    const { html } = render();
    const ids = card(html, 'm_parentIds');
    expect(ids).toContain('id="f-material-m_parentIds-way-eLicence"');
    expect(ids).toContain('电子证照：居民身份证');
    expect(ids).not.toContain('way-deferred');
    const hukou = card(html, 'm_hukouBook');
    expect(hukou).toContain('id="f-material-m_hukouBook-way-deferred"');
    expect(hukou).toContain('type="file"');
    expect(hukou).toContain('accept="image/jpeg,image/png,application/pdf"');
    expect(hukou).toContain('单个文件不超过 10 MB');
    // Upload only: no choice to make.
    expect(card(html, 'm_bankCard')).not.toContain('type="radio"');
  });

  it('shows a material an earlier item produces as 免提交, with nothing to do', () => {
    const birth = card(render().html, 'm_birthCertDoc');
    expect(birth).toContain('由前序事项自动提供（免提交）');
    expect(birth).not.toContain('<input');
    expect(birth).not.toContain('<button');
  });

  it('shows the current decision with an undo button', () => {
    const { html } = render({
      m_hukouBook: { kind: 'deferred', signer: '陈雅婷', signedAt: NOW },
      m_parentIds: { kind: 'eLicence', licenceNo: 'L-9' },
      m_bankCard: { kind: 'provided', files: [{ name: 'card.png', size: 9 }] },
    });
    expect(card(html, 'm_hukouBook')).toContain(`容缺后补：陈雅婷 于 ${NOW} 签署容缺承诺`);
    expect(card(html, 'm_parentIds')).toContain('使用电子证照（证照编号：L-9）');
    expect(card(html, 'm_bankCard')).toContain('已上传：card.png');
    expect(card(html, 'm_bankCard')).toContain('撤销，重新选择');
    expect(card(html, 'm_bankCard')).not.toContain('type="file"');
  });

  it('sets decisions on the form state and reports them to the host', () => {
    const cards: MaterialCardProps[] = [];
    const previous = options.vnode;
    options.vnode = (vnode) => {
      if (vnode.type === MaterialCard) cards.push(vnode.props as unknown as MaterialCardProps);
      previous?.(vnode);
    };
    const { state, changes } = render();
    options.vnode = previous;
    const hukou = cards.find((c) => c.material.id === 'm_hukouBook')!;
    expect(hukou.days).toBe(3);
    const decision = { kind: 'deferred', signer: '陈雅婷', signedAt: NOW } as const;
    hukou.decide(decision);
    expect(state.materials().find((m) => m.id === 'm_hukouBook')!.satisfiedBy).toBe('deferred');
    hukou.decide(undefined);
    expect(state.materials().find((m) => m.id === 'm_hukouBook')!.satisfiedBy).toBeUndefined();
    expect(changes).toEqual([
      ['m_hukouBook', decision],
      ['m_hukouBook', undefined],
    ]);
  });
});

describe('MaterialsPanel with hostile bundle text', () => {
  it('renders every bundle and decision text as text, never as markup', () => {
    const text = { 'zh-CN': XSS, en: XSS };
    const material = { name: text, description: text, form: 'copy' };
    const hostile = {
      id: 'hostile',
      version: '1.0.0',
      title: text,
      leadDepartment: 'd1',
      promisedDays: 5,
      departments: { d1: { name: text } },
      fields: { name: { type: 'string', label: text } },
      items: [
        {
          id: 'i1',
          name: text,
          department: 'd1',
          itemType: 'licensing',
          promisedLimitDays: 5,
          form: { schema: { type: 'object', properties: { xm: { type: 'string' } } }, map: { xm: 'name' } },
          materials: ['m_a', 'm_b', 'm_c', 'm_d', 'm_e'],
        },
      ],
      materials: {
        m_a: { ...material, eLicence: { licenceType: XSS } },
        m_b: { ...material, acceptMissing: {} },
        m_c: { ...material, commitment: { text } },
        m_d: material,
        m_e: { ...material, eLicence: { licenceType: XSS } },
      },
    };
    const loaded = loadBundle(hostile);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const decisions: MaterialDecisions = {
      m_d: { kind: 'provided', files: [{ name: XSS, size: 1 }] },
      m_e: { kind: 'eLicence', licenceNo: XSS },
    };
    const state = createFormState(compileBundle(loaded), { materials: decisions });
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderToString(
        h(MaterialsPanel, { state, lang, idPrefix: 'f', now: () => NOW, decisions, onChange() {} }),
      );
      expect(html).not.toContain('<img');
      // 5 names, 5 descriptions, 5 item lists, 1 licence type, 2 decisions.
      expect(html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(18);
    }
    const committed = renderToString(
      h(SignOption, {
        id: 'c',
        lang: 'zh-CN',
        kind: 'committed',
        text: XSS,
        agreed: false,
        signer: XSS,
        onAgree() {},
        onSigner() {},
        onSign() {},
      }),
    );
    expect(committed).not.toContain('<img');
    expect(committed).toContain(ESCAPED);
  });
});

describe('material options', () => {
  const base = { id: 'c', lang: 'zh-CN' as const, agreed: false, signer: '', onAgree() {}, onSigner() {} };

  it('容缺: states the deadline and the pledge to tick, with a labelled signer field', () => {
    const html = renderToString(h(SignOption, { ...base, kind: 'deferred', days: 3, onSign() {} }));
    expect(html).toContain('须在受理后 3 个工作日内补交');
    expect(html).toContain('本人承诺在受理后 3 个工作日内补交该材料');
    expect(html).toContain('<label class="ot-label" for="c-deferred-signer">签署人姓名</label>');
    expect(html).toContain('type="checkbox"');
  });

  it('告知承诺: shows the commitment text in full and wires checkbox, name and sign button', () => {
    const text = newborn.bundle.materials!.m_noHouseCommit!.commitment!.text['zh-CN'];
    const seen: unknown[] = [];
    const props = {
      ...base,
      kind: 'committed' as const,
      text,
      problem: { key: 'signerMissing' as const },
      onAgree: (v: boolean) => seen.push(['agree', v]),
      onSigner: (v: string) => seen.push(['signer', v]),
      onSign: () => seen.push('sign'),
    };
    const html = renderToString(h(SignOption, props));
    expect(html).toContain(text);
    expect(html).toContain('role="alert"');
    expect(html).toContain('请填写签署人姓名');
    const tree = SignOption(props);
    const input = (type: string) => find(tree, (v) => v.type === 'input' && v.props.type === type)[0]!;
    (input('checkbox').props.onChange as (e: unknown) => void)({ currentTarget: { checked: true } });
    (input('text').props.onInput as (e: unknown) => void)({ currentTarget: { value: '陈雅婷' } });
    (find(tree, (v) => v.type === 'button')[0]!.props.onClick as () => void)();
    expect(seen).toEqual([['agree', true], ['signer', '陈雅婷'], 'sign']);
  });

  it('upload: reports file descriptions, never contents, and announces a problem', () => {
    const got: unknown[] = [];
    const props = { id: 'c', lang: 'en' as const, accept: ['application/pdf'], maxSizeMB: 5 };
    const tree = UploadOption({ ...props, onFiles: (files) => got.push(files) });
    const file = { name: 'a.pdf', size: 3, type: 'application/pdf', arrayBuffer: () => 'secret' };
    const input = find(tree, (v) => v.type === 'input')[0]!;
    (input.props.onChange as (e: unknown) => void)({ currentTarget: { files: [file] } });
    expect(got).toEqual([[{ name: 'a.pdf', size: 3, type: 'application/pdf' }]]);
    const problem = { key: 'fileType' as const, params: { name: 'a.gif', types: 'application/pdf' } };
    const html = renderToString(h(UploadOption, { ...props, problem, onFiles() {} }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('“a.gif” is not an accepted type (application/pdf)');
  });
});
