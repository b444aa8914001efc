import { localizeDescription } from './localizeDescription.js';
import { pointerAt } from './pointerAt.js';
import { schemaAt, type JsonSchema } from './schemaAt.js';
import { typeLabel } from './typeLabel.js';

/** What the hover tooltip over a key shows. */
export interface HoverInfo {
  /** Range of the key. */
  from: number;
  to: number;
  key: string;
  pointer: string;
  /** The schema description in the asked language (empty when the schema has none). */
  description: string;
  /** Short type, see `typeLabel`. */
  type: string;
}

/**
 * The description and type of the key under `offset`, from the bundle schema; null off keys and on keys
 * the schema does not describe (typos, which the diagnostics report).
 *
 * @example
 * hoverAt('promisedDays: 5', 3, 'yaml', bundleSchema, 'en')?.type; // 'integer'
 */
export function hoverAt(
  text: string,
  offset: number,
  format: 'yaml' | 'json',
  root: JsonSchema,
  lang: 'zh-CN' | 'en',
): HoverInfo | null {
  const at = pointerAt(text, offset, format);
  if (!at.onKey || at.from === at.to) return null;
  const schemas = schemaAt(root, at.pointer);
  if (schemas.length === 0) return null;
  const raw = schemas.find((s) => typeof s.description === 'string')?.description ?? '';
  const key = at.pointer
    .slice(at.pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  return {
    from: at.from,
    to: at.to,
    key,
    pointer: at.pointer,
    description: raw === '' ? '' : localizeDescription(raw, lang),
    type: typeLabel(schemas),
  };
}
