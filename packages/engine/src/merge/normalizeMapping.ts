import type { LocalizedText } from '../bundle/types.js';
import { isPlainObject } from './isPlainObject.js';

/** A field mapping in its long form, checked to be well-formed. */
export interface NormalizedMapping {
  field: string;
  values?: Record<string, unknown>;
  items?: Record<string, unknown>;
}

/**
 * Turn a `FieldMapping` (a canonical key, or `{ field, values?, items? }`) into its long form,
 * or explain why it is malformed. Accepts `unknown` because department maps are hand-written.
 */
export function normalizeMapping(raw: unknown): NormalizedMapping | { error: LocalizedText } {
  if (typeof raw === 'string')
    return raw === '' ? { error: { 'zh-CN': '字段键为空', en: 'empty field key' } } : { field: raw };
  if (!isPlainObject(raw)) {
    return {
      error: {
        'zh-CN': `应为字段键或 { field }，实际为 ${describe(raw)}`,
        en: `expected a field key or { field }, got ${describe(raw)}`,
      },
    };
  }
  if (typeof raw.field !== 'string' || raw.field === '') {
    return { error: { 'zh-CN': '`field` 必须是非空字符串', en: '`field` must be a non-empty string' } };
  }
  const mapping: NormalizedMapping = { field: raw.field };
  if (raw.values !== undefined) {
    if (!isPlainObject(raw.values)) {
      return {
        error: {
          'zh-CN': '`values` 必须是“共享取值 → 部门取值”的映射',
          en: '`values` must map canonical values to department values',
        },
      };
    }
    mapping.values = raw.values;
  }
  if (raw.items !== undefined) {
    if (!isPlainObject(raw.items)) {
      return {
        error: {
          'zh-CN': '`items` 必须是“部门子字段 → 共享子字段”的映射',
          en: '`items` must map department sub-fields to canonical sub-fields',
        },
      };
    }
    mapping.items = raw.items;
  }
  return mapping;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * The mapping of one department sub-field inside an array-of-objects (or object) property. With no
 * `items` map, a sub-field maps to the canonical sub-field of the same name when there is one.
 */
export function subMapping(
  mapping: NormalizedMapping,
  departmentName: string,
  hasCanonical: (name: string) => boolean,
): unknown {
  if (mapping.items)
    return Object.hasOwn(mapping.items, departmentName) ? mapping.items[departmentName] : undefined;
  return hasCanonical(departmentName) ? departmentName : undefined;
}
