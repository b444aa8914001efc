import { describe, expect, it } from 'vitest';
import bundleSchema from '@onething/engine/schema/bundle.schema.json';
import { completionsAt } from './completionsAt.js';
import { hoverAt } from './hoverAt.js';
import type { JsonSchema } from './schemaAt.js';

const root = bundleSchema as JsonSchema;

/** Labels offered at `‸`. */
function labels(marked: string, format: 'yaml' | 'json' = 'yaml', lang: 'zh-CN' | 'en' = 'en') {
  const found = completionsAt(marked.replace('‸', ''), marked.indexOf('‸'), format, root, lang);
  return found?.options.map((o) => o.label) ?? [];
}

const FIELDS =
  'fields:\n  motherIdNumber: { type: string, label: { zh-CN: 母亲 } }\n  babyGender: { type: string, label: { zh-CN: 性别 } }\n';

describe('completionsAt', () => {
  it('offers the root keys not yet present at the top level', () => {
    const offered = labels('id: newborn\nversion: 1.0.0\n‸');
    expect(offered).toEqual(
      expect.arrayContaining(['title', 'leadDepartment', 'promisedDays', 'items', 'layout']),
    );
    expect(offered).not.toContain('id');
    expect(offered).not.toContain('version');
  });

  it('offers item keys inside an item, with their description in the asked language', () => {
    const text = 'items:\n  - id: a\n    ‸';
    expect(labels(text)).toEqual(expect.arrayContaining(['name', 'department', 'itemType', 'form']));
    expect(labels(text)).not.toContain('id');
    const found = completionsAt(text.replace('‸', ''), text.indexOf('‸'), 'yaml', root, 'zh-CN')!;
    expect(found.options.find((o) => o.label === 'itemType')).toMatchObject({
      info: expect.stringContaining('事项类型'),
      apply: 'itemType: ',
    });
    expect(
      completionsAt(text.replace('‸', ''), text.indexOf('‸'), 'yaml', root, 'en')!.options.find(
        (o) => o.label === 'itemType',
      )?.info,
    ).toMatch(/^Item type/);
  });

  it('offers the first key of a new list entry after `- `', () => {
    expect(labels('items:\n  - id: a\n  - ‸')).toEqual(expect.arrayContaining(['id', 'name', 'department']));
  });

  it('offers enum values, quoting values YAML would misread', () => {
    expect(labels('items:\n  - id: a\n    itemType: ‸')).toEqual([
      'licensing',
      'confirmation',
      'payment',
      'reward',
      'adjudication',
      'otherPower',
      'publicService',
    ]);
    expect(labels('items:\n  - caseType: im‸')).toEqual(['immediate', 'promised']);
    expect(labels('fields:\n  a:\n    readOnly: ‸')).toEqual(['true', 'false']);
  });

  it('offers enum values in JSON, inside or outside quotes', () => {
    const quoted = '{"items": [{"itemType": "co‸"}]}';
    const found = completionsAt(quoted.replace('‸', ''), quoted.indexOf('‸'), 'json', root, 'en')!;
    expect(found.options.find((o) => o.label === 'confirmation')?.apply).toBe('confirmation');
    expect(found.from).toBe(quoted.indexOf('co'));
    const bare = '{"items": [{"itemType": ‸}]}';
    expect(
      completionsAt(bare.replace('‸', ''), bare.indexOf('‸'), 'json', root, 'en')!.options[0]?.apply,
    ).toBe('"licensing"');
  });

  it('offers property names in JSON with quotes and a colon', () => {
    const text = '{\n  "id": "x",\n  ‸\n}';
    const found = completionsAt(text.replace('‸', ''), text.indexOf('‸'), 'json', root, 'en')!;
    expect(found.options.find((o) => o.label === 'version')?.apply).toBe('"version": ');
    expect(found.options.map((o) => o.label)).not.toContain('id');
  });

  it("offers the bundle's own field keys where a field is referenced", () => {
    expect(labels(FIELDS + 'layout:\n  sections:\n    - id: s\n      fields: [‸]')).toEqual([
      'motherIdNumber',
      'babyGender',
    ]);
    expect(labels(FIELDS + 'layout:\n  sections:\n    - id: s\n      fields:\n        - ‸')).toEqual(
      expect.arrayContaining(['motherIdNumber', 'babyGender']),
    );
    expect(labels(FIELDS + 'items:\n  - id: a\n    form:\n      map:\n        xb: ba‸')).toEqual(
      expect.arrayContaining(['motherIdNumber', 'babyGender']),
    );
    expect(labels(FIELDS + 'rules:\n  - id: r\n    fields: [mo‸]')).toEqual(['motherIdNumber', 'babyGender']);
  });

  it('offers department and item ids where they are referenced', () => {
    const text =
      'departments:\n  health: {}\n  police: {}\nitems:\n  - id: a\n  - id: b\n    department: ‸\n    dependsOn: []';
    expect(labels(text)).toEqual(['health', 'police']);
    expect(labels(text.replace('department: ‸\n    dependsOn: []', 'dependsOn: [‸]'))).toEqual(['a', 'b']);
  });

  it('offers nothing inside free text', () => {
    expect(labels('title:\n  zh-CN: 新‸')).toEqual([]);
  });
});

describe('hoverAt', () => {
  it('gives the description and type of a key in the asked language', () => {
    expect(hoverAt('promisedDays: 5', 3, 'yaml', root, 'en')).toMatchObject({
      key: 'promisedDays',
      type: 'integer',
      description: 'Overall promised limit of the whole bundle, in working days',
      from: 0,
      to: 12,
    });
    expect(hoverAt('promisedDays: 5', 3, 'yaml', root, 'zh-CN')?.description).toBe('整体承诺时限（工作日）');
    const text = '{"items": [{"itemType": "payment"}]}';
    expect(hoverAt(text, text.indexOf('itemType') + 2, 'json', root, 'en')).toMatchObject({
      pointer: '/items/0/itemType',
      type: expect.stringContaining('"licensing"'),
    });
    expect(hoverAt('title: { zh-CN: x }', 1, 'yaml', root, 'en')?.type).toBe('LocalizedText');
  });

  it('gives nothing on values and on keys the schema does not know', () => {
    expect(hoverAt('promisedDays: 5', 14, 'yaml', root, 'en')).toBeNull();
    expect(hoverAt('promisedDayz: 5', 3, 'yaml', root, 'en')).toBeNull();
  });
});
