import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle, type FieldDefinition } from '../../../engine/src/index.js';
import { createControlRegistry } from './createControlRegistry.js';
import { defaultControls } from './defaultControls.js';

const yaml = readFileSync(new URL('../../../../examples/newborn/bundle.yaml', import.meta.url), 'utf8');
const loaded = loadBundle(yaml, { fileName: 'bundle.yaml' });
const fields = loaded.bundle!.fields;
const registry = createControlRegistry(defaultControls);
const pick = (definition: FieldDefinition, key = 'f') => registry.pick(definition, key)?.name;
const label = { 'zh-CN': '字段' };

describe('defaultControls on the newborn bundle', () => {
  it.each([
    ['babyName', 'text'],
    ['babyGender', 'radio'],
    ['babyBirthTime', 'datetime'],
    ['babyBirthDate', 'date'],
    ['birthPlaceRegion', 'region'],
    ['birthPlaceDetail', 'address'],
    ['gestationWeeks', 'number'],
    ['birthLengthCm', 'number'],
    ['babyEthnicity', 'select'],
    ['motherIdNumber', 'id-card'],
    ['babyIdNumber', 'id-card'],
    ['motherMobile', 'mobile'],
    ['motherEmployerUscc', 'text'],
    ['payMedIns', 'switch'],
    ['householdType', 'radio'],
    ['deliveryMethod', 'radio'],
  ])('%s → %s', (key, name) => {
    expect(loaded.ok).toBe(true);
    expect(pick(fields[key]!, key)).toBe(name);
  });

  it('gives every field a control', () => {
    for (const [key, definition] of Object.entries(fields)) expect(pick(definition, key), key).toBeDefined();
  });
});

describe('defaultControls ranks', () => {
  const options = (n: number) => Array.from({ length: n }, (_, i) => ({ value: String(i), label }));

  it('prefers the widget hint, then the format, then options, then the type', () => {
    expect(pick({ type: 'string', label, widget: 'textarea', format: 'cn-mobile' })).toBe('textarea');
    expect(pick({ type: 'string', label, format: 'cn-mobile' })).toBe('mobile');
    expect(pick({ type: 'string', label, format: 'date' })).toBe('date');
    expect(pick({ type: 'string', label, format: 'date-time' })).toBe('datetime');
    expect(pick({ type: 'integer', label })).toBe('number');
    expect(pick({ type: 'boolean', label })).toBe('switch');
  });

  it('picks radio buttons for up to 4 options and a drop-down beyond, unless the widget says otherwise', () => {
    expect(pick({ type: 'string', label, options: options(4) })).toBe('radio');
    expect(pick({ type: 'string', label, options: options(5) })).toBe('select');
    expect(pick({ type: 'string', label, options: options(3), widget: 'select' })).toBe('select');
    expect(pick({ type: 'string', label, options: options(9), widget: 'radio' })).toBe('radio');
  });

  it('picks checkboxes for arrays with options and a repeat group for arrays of objects', () => {
    expect(pick({ type: 'array', label, items: { type: 'string', label, options: options(6) } })).toBe(
      'checkbox',
    );
    expect(
      pick({
        type: 'array',
        label,
        items: { type: 'object', label, properties: { name: { type: 'string', label } } },
      }),
    ).toBe('repeat');
  });

  it('falls back to a text control for anything else', () => {
    expect(pick({ type: 'object', label })).toBe('fallback');
    expect(pick({ type: 'array', label, items: { type: 'string', label } })).toBe('fallback');
  });

  it('lets a host override a control', () => {
    const custom = registry.with({
      name: 'my-date',
      rank: (d) => (d.type === 'date' ? 50 : -1),
      Control: () => null,
    });
    expect(custom.pick(fields.babyBirthDate!, 'babyBirthDate')?.name).toBe('my-date');
  });
});
