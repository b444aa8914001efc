import { reportConflict } from '../mergeContext.js';
import { keywordSide } from '../mergeNode.js';
import { STRING_TYPES, type KeywordCombiner } from './keywordCombiner.js';

/**
 * Formats the merged schema may carry: the engine's own plus those of ajv-formats. A department's
 * private format name is not copied into the merged form (no validator would know it); it still
 * conflicts with a different format and stays in the department schema for split validation.
 */
const KNOWN_FORMATS: ReadonlySet<string> = new Set([
  'cn-id-card',
  'cn-uscc',
  'cn-mobile',
  'cn-region-code',
  'date',
  'time',
  'date-time',
  'iso-time',
  'iso-date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);

/**
 * `format`: a department may repeat the dictionary's format or leave it out; a different one is a
 * conflict (including `date-time` on a `date` field). Formats only apply to string-valued fields.
 */
export const formatKeyword: KeywordCombiner = {
  keywords: ['format'],
  combine(node, department, at, ctx) {
    const format = department.format;
    if (typeof format !== 'string' || !STRING_TYPES.has(node.type)) return;
    const current = node.schema.format;
    if (typeof current === 'string') {
      if (format !== current) {
        reportConflict(
          ctx,
          'MERGE_FORMAT_CONFLICT',
          node,
          { side: node.origins.get('format') ?? keywordSide(node.dictionary, 'format'), value: current },
          { side: keywordSide(at, 'format'), value: format },
        );
      }
      return;
    }
    if (KNOWN_FORMATS.has(format)) {
      node.schema.format = format;
      node.origins.set('format', keywordSide(at, 'format'));
    }
  },
};
