import type { JsonSchema } from './schemaAt.js';

/**
 * A short type for the value the schemas describe: `string`, `integer`, `LocalizedText`, `string[]`,
 * or the enum values joined by `|` (at most six shown).
 */
export function typeLabel(schemas: readonly JsonSchema[]): string {
  const enumValues = schemas.find((s) => Array.isArray(s.enum))?.enum;
  if (enumValues) {
    const shown = enumValues.slice(0, 6).map((v) => JSON.stringify(v));
    return shown.join(' | ') + (enumValues.length > 6 ? ' | …' : '');
  }
  const titled = schemas.find((s) => typeof s.title === 'string' && typeof s.$ref !== 'string');
  if (titled?.title && titled.title !== 'onething bundle') return titled.title;
  const types = new Set<string>();
  for (const s of schemas) {
    for (const t of Array.isArray(s.type) ? s.type : s.type ? [s.type] : []) {
      if (t === 'array' && typeof s.items === 'object') {
        const item =
          s.items.$ref?.split('/').pop() ?? (typeof s.items.type === 'string' ? s.items.type : 'any');
        types.add(`${item}[]`);
      } else types.add(t);
    }
  }
  return [...types].join(' | ');
}
