import { describe, expect, it } from 'vitest';
import { pointerAt } from './pointerAt.js';

/** `‸` marks the cursor. */
function at(marked: string, format: 'yaml' | 'json') {
  const offset = marked.indexOf('‸');
  return pointerAt(marked.replace('‸', ''), offset, format);
}

describe('pointerAt on YAML', () => {
  it('reads keys and values of a valid document from its syntax tree', () => {
    expect(at('fields:\n  age:\n    ty‸pe: string', 'yaml')).toMatchObject({
      pointer: '/fields/age/type',
      onKey: true,
      prefix: 'ty',
      source: 'ast',
    });
    expect(at('fields:\n  age:\n    type: str‸ing', 'yaml')).toMatchObject({
      pointer: '/fields/age/type',
      onKey: false,
      prefix: 'str',
    });
    expect(at('items:\n- id: a\n- id: b\n  department: ‸', 'yaml')).toMatchObject({
      pointer: '/items/1/department',
      onKey: false,
    });
  });

  it('reads a flow map inside block YAML', () => {
    expect(at('title: { zh-CN: 新生儿, e‸ }', 'yaml')).toMatchObject({
      pointer: '/title/e',
      onKey: true,
      siblings: ['zh-CN'],
    });
    expect(at('layout:\n  sections:\n    - id: a\n      fields: [a, ‸]', 'yaml')).toMatchObject({
      pointer: '/layout/sections/0/fields/1',
      onKey: false,
    });
  });

  it('falls back to indentation for half-typed keys and blank lines', () => {
    expect(at('fields:\n  age:\n    ty‸', 'yaml')).toMatchObject({
      pointer: '/fields/age/ty',
      onKey: true,
      prefix: 'ty',
      source: 'indent',
    });
    expect(at('fields:\n  age:\n    type: string\n    ‸\nitems: []', 'yaml')).toMatchObject({
      pointer: '/fields/age/',
      onKey: true,
      siblings: ['type'],
    });
    expect(at('id: x\nversion: 1.0.0\n‸', 'yaml')).toMatchObject({
      pointer: '/',
      onKey: true,
      siblings: ['id', 'version'],
    });
    expect(at('items:\n  - id: a\n    na‸\n    department: d', 'yaml')).toMatchObject({
      pointer: '/items/0/na',
      onKey: true,
      siblings: ['id', 'department'],
    });
  });

  it('skips block scalars when reading indentation', () => {
    expect(at('fields:\n  age:\n    label: >\n      hello\n      world\n    ty‸', 'yaml')).toMatchObject({
      pointer: '/fields/age/ty',
      onKey: true,
      siblings: ['label'],
    });
  });

  it('marks `- word` in a block list as maybe the first key of an object entry', () => {
    expect(at('items:\n  - id: a\n  - i‸', 'yaml')).toMatchObject({ pointer: '/items/1', maybeKey: true });
    expect(
      at('layout:\n  sections:\n    - id: a\n      fields:\n        - x\n        - mo‸', 'yaml'),
    ).toMatchObject({
      pointer: '/layout/sections/0/fields/1',
      onKey: false,
      prefix: 'mo',
    });
  });

  it('counts compact and indented list entries', () => {
    expect(at('items:\n- id: a\n- id: b\n- id: c\n  na‸', 'yaml').pointer).toBe('/items/2/na');
    expect(
      at('rules:\n  - id: a\n    fields:\n      - x\n  - id: b\n    fields:\n      - ‸', 'yaml').pointer,
    ).toBe('/rules/1/fields/0');
  });

  it('never throws on garbage', () => {
    for (const text of ['', ':', '- - -', '{[', 'a: [b, {c: ', '"unterminated', '\t\t- x: |\n']) {
      for (let offset = 0; offset <= text.length; offset++)
        expect(() => pointerAt(text, offset, 'yaml')).not.toThrow();
    }
  });
});

describe('pointerAt on JSON', () => {
  it('reads keys and values of a valid document', () => {
    expect(at('{"items": [{"id": "a", "itemType": "con‸"}]}', 'json')).toMatchObject({
      pointer: '/items/0/itemType',
      onKey: false,
      prefix: 'con',
      quote: '"',
    });
    expect(at('{\n  "id": "x",\n  ‸\n  "version": "1"\n}', 'json')).toMatchObject({
      pointer: '/',
      onKey: true,
      siblings: ['id', 'version'],
    });
  });

  it('reads half-typed documents', () => {
    expect(at('{"id": "x", "fi‸', 'json')).toMatchObject({
      pointer: '/fi',
      onKey: true,
      prefix: 'fi',
      siblings: ['id'],
    });
    expect(at('{"items": [{"id": "a"}, {‸', 'json')).toMatchObject({ pointer: '/items/1/', onKey: true });
    expect(at('{"fields": {"a": {"type": ‸', 'json')).toMatchObject({
      pointer: '/fields/a/type',
      onKey: false,
    });
  });

  it('never throws on garbage', () => {
    for (const text of ['', '{', '}', '[[', '{"a":: }', '{"\\', ']]{']) {
      for (let offset = 0; offset <= text.length; offset++)
        expect(() => pointerAt(text, offset, 'json')).not.toThrow();
    }
  });
});
