import { describe, expect, it } from 'vitest';
import bundleSchema from '@onething/engine/schema/bundle.schema.json';
import { schemaAt, type JsonSchema } from './schemaAt.js';

const root = bundleSchema as JsonSchema;

describe('schemaAt', () => {
  it('follows properties, items and $ref into $defs', () => {
    const itemType = schemaAt(root, '/items/0/itemType');
    expect(itemType.find((s) => s.enum)?.enum).toContain('confirmation');
    expect(schemaAt(root, '/items/3').some((s) => s.title === 'ServiceItem')).toBe(true);
  });

  it('follows additionalProperties of maps keyed by id', () => {
    expect(schemaAt(root, '/fields/motherIdNumber').some((s) => s.title === 'FieldDefinition')).toBe(true);
    expect(schemaAt(root, '/materials/m_x/commitment/verification/method')[0]?.enum).toContain(
      'interDepartment',
    );
  });

  it('prefers patternProperties over additionalProperties', () => {
    expect(schemaAt(root, '/x-owner')).toEqual([{}]);
    expect(schemaAt(root, '/nonsense')).toEqual([]);
  });

  it('expands anyOf branches (FieldMapping is a key or an object)', () => {
    const mapping = schemaAt(root, '/items/0/form/map/xb');
    expect(mapping.some((s) => s.title === 'FieldKey')).toBe(true);
    expect(mapping.some((s) => s.properties?.values)).toBe(true);
    expect(schemaAt(root, '/items/0/form/map/xb/values/1').some((s) => s.title === 'Scalar')).toBe(true);
  });

  it('handles prefixItems, allOf and oneOf', () => {
    const schema: JsonSchema = {
      $defs: { A: { properties: { a: { type: 'string' } } } },
      prefixItems: [{ type: 'integer' }],
      items: { type: 'boolean' },
      properties: { o: { oneOf: [{ $ref: '#/$defs/A' }, { allOf: [{ properties: { b: { const: 1 } } }] }] } },
    };
    expect(schemaAt(schema, '/0')).toEqual([{ type: 'integer' }]);
    expect(schemaAt(schema, '/5')).toEqual([{ type: 'boolean' }]);
    expect(schemaAt(schema, '/o/a')).toEqual([{ type: 'string' }]);
    expect(schemaAt(schema, '/o/b')).toEqual([{ const: 1 }]);
  });

  it('stops on reference cycles', () => {
    const schema: JsonSchema = {
      $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } },
      $ref: '#/$defs/A',
    };
    expect(schemaAt(schema, '').length).toBe(3);
  });
});
