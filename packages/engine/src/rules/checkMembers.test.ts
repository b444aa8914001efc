import { describe, expect, it } from 'vitest';
import { Environment } from '@marcbachmann/cel-js';
import { checkMembers } from './checkMembers.js';
import type { FieldShape } from '../bundle/types.js';

const label = { 'zh-CN': 'x' };
const fields: Record<string, FieldShape> = {
  shareholders: {
    type: 'array',
    label,
    items: {
      type: 'object',
      label,
      properties: { name: { type: 'string', label }, subscribedAmt: { type: 'number', label } },
    },
  },
  legalRep: { type: 'object', label, properties: { name: { type: 'string', label } } },
  tags: { type: 'array', label, items: { type: 'string', label } },
};
const env = new Environment({ unlistedVariablesAreDyn: true });
const members = (expr: string) => checkMembers(env.parse(expr).ast, fields).map((m) => m.member);

describe('checkMembers', () => {
  it('accepts declared sub-fields through comprehensions, indexing and objects', () => {
    expect(members('shareholders.all(s, s.subscribedAmt > 0.0) && legalRep.name != ""')).toEqual([]);
    expect(members('shareholders[0].name == legalRep.name')).toEqual([]);
    expect(members('sum(shareholders.map(s, s.subscribedAmt)) > 1.0')).toEqual([]);
  });

  it('finds typos that CEL types as dyn and that would make a rule silently never fire', () => {
    expect(members('shareholders.all(s, s.subscribedAmnt > 0.0)')).toEqual(['subscribedAmnt']);
    expect(members('shareholders[1].nmae == ""')).toEqual(['nmae']);
    expect(members('legalRep.nam == ""')).toEqual(['nam']);
    expect(members('shareholders.exists(a, shareholders.exists(b, a.name == b.nme))')).toEqual(['nme']);
    expect(members('cel.bind(x, legalRep, x.whatever == "")')).toEqual(['whatever']);
    expect(members('cel.bind(rep, legalRep, rep.name == "")')).toEqual([]);
  });

  it('leaves shapes it does not know alone', () => {
    expect(members('tags.all(t, t.size() > 0)')).toEqual([]);
    expect(members('unknownField.foo == 1')).toEqual([]);
  });
});
