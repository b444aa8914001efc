import { describe, it, expect } from 'vitest';
import type { Bundle, FieldDefinition } from '../bundle/types.js';
import { compileRules } from './compileRules.js';
import { affectedRules } from './dependencyGraph.js';

const label = { 'zh-CN': '字段' };
const fields: Record<string, FieldDefinition> = {
  idNumber: { type: 'string', label },
  birthDate: { type: 'date', label, computed: 'idBirthDate(idNumber)' },
  age: { type: 'integer', label, computed: 'ageOn(birthDate, today)' },
  guardian: { type: 'string', label, visibleIf: 'age < 18' },
  gender: { type: 'string', label, visibleIf: 'idGender(idNumber) == ""' },
  other: { type: 'string', label, visibleIf: 'other != "x"' },
};
const bundle: Bundle = {
  id: 't',
  version: '1.0.0',
  title: label,
  leadDepartment: 'd',
  promisedDays: 1,
  departments: { d: { name: label } },
  fields,
  items: [],
  rules: [{ id: 'adult', expr: 'age >= 18 || guardian != ""', message: label, fields: ['age'] }],
};

describe('affectedRules', () => {
  const compiled = compileRules(bundle);
  const ids = (key: string): string[] => affectedRules(compiled, key).map((r) => r.id);

  it('follows computed fields transitively, computed rules first in order', () => {
    expect(ids('idNumber')).toEqual([
      'computed:birthDate',
      'computed:age',
      'visible:guardian',
      'visible:gender',
      'validate:adult',
    ]);
  });

  it('starts from a computed field or the clock', () => {
    expect(ids('birthDate')).toEqual(['computed:age', 'visible:guardian', 'validate:adult']);
    expect(ids('today')).toEqual(['computed:age', 'visible:guardian', 'validate:adult']);
  });

  it('returns only direct readers when nothing is computed', () => {
    expect(ids('other')).toEqual(['visible:other']);
    expect(ids('guardian')).toEqual(['validate:adult']);
    expect(ids('unknown')).toEqual([]);
  });

  it('reuses the index between calls', () => {
    expect(affectedRules(compiled, 'idNumber')).toBe(affectedRules(compiled, 'idNumber'));
  });
});
