import { describe, it, expect } from 'vitest';
import type { FieldDefinition } from '../bundle/types.js';
import { buildCelEnvironment, createCelEnvironment } from './createCelEnvironment.js';

const label = { 'zh-CN': '字段' };
const fields: Record<string, FieldDefinition> = {
  regCapital: { type: 'number', label },
  employeeCount: { type: 'integer', label },
  entName: { type: 'string', label },
  foundedOn: { type: 'date', label },
  agreed: { type: 'boolean', label },
  seals: { type: 'array', label, items: { type: 'string', label } },
  shareholders: {
    type: 'array',
    label,
    items: {
      type: 'object',
      label,
      properties: { name: { type: 'string', label }, subscribedAmt: { type: 'number', label } },
    },
  },
  domicile: { type: 'object', label, properties: { city: { type: 'string', label } } },
};

describe('createCelEnvironment', () => {
  const env = createCelEnvironment(fields);
  const typeOf = (expr: string): string | undefined => env.parse(expr).check().type;

  it('registers each field with its CEL type', () => {
    expect(typeOf('regCapital')).toBe('double');
    expect(typeOf('employeeCount')).toBe('int');
    expect(typeOf('entName')).toBe('string');
    expect(typeOf('foundedOn')).toBe('string');
    expect(typeOf('agreed')).toBe('bool');
    expect(typeOf('seals')).toBe('list<string>');
    expect(typeOf('domicile.city')).toBe('dyn');
    expect(typeOf('today')).toBe('string');
  });

  it('type-checks and runs "subscribed amounts add up to registered capital"', () => {
    const rule = env.parse('sum(shareholders.map(s, s.subscribedAmt)) == regCapital');
    expect(rule.check()).toMatchObject({ valid: true, type: 'bool' });
    const shareholders = [{ subscribedAmt: 60.1 }, { subscribedAmt: 39.9 }];
    expect(rule({ shareholders, regCapital: 100 })).toBe(true);
    expect(rule({ shareholders, regCapital: 99 })).toBe(false);
  });

  it('rejects type errors against field types', () => {
    expect(env.parse('employeeCount == "3"').check().valid).toBe(false);
    expect(env.parse('isIdCard(employeeCount)').check().valid).toBe(false);
  });

  it('applies parse limits', () => {
    expect(() => env.parse('('.repeat(100) + '1' + ')'.repeat(100))).toThrow();
  });

  it('skips keys CEL cannot name instead of throwing', () => {
    const { env: odd, rejected } = buildCelEnvironment({
      'mother-name': { type: 'string', label },
      today: { type: 'date', label },
      in: { type: 'string', label },
      int: { type: 'string', label },
      __proto__x: { type: 'string', label },
    });
    expect(rejected).toEqual([
      { key: 'mother-name', problem: 'notIdentifier' },
      { key: 'today', problem: 'today' },
      { key: 'in', problem: 'reserved' },
      { key: 'int', problem: 'reserved' },
    ]);
    expect(odd.parse('__proto__x == "a"').check().valid).toBe(true);
    expect(odd.parse('today').check().type).toBe('string');
  });
});
