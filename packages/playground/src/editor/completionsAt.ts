import { bundleKeys, recentBundleKeys } from './bundleKeys.js';
import { localizeDescription } from './localizeDescription.js';
import { pointerAt } from './pointerAt.js';
import { referenceKindAt } from './referenceKindAt.js';
import { schemaAt, type JsonSchema } from './schemaAt.js';
import { typeLabel } from './typeLabel.js';

/** One completion the editor can offer. */
export interface CompletionCandidate {
  label: string;
  kind: 'property' | 'value' | 'reference';
  /** The text that replaces the range `from`–`to`. */
  apply: string;
  /** Short type or kind shown next to the label. */
  detail?: string;
  /** The schema description in the asked language. */
  info?: string;
}

/** Where completions go and what they are; `from`–`to` is the token under the cursor, quotes excluded. */
export interface Completions {
  from: number;
  to: number;
  options: CompletionCandidate[];
}

const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A value as YAML or JSON source text. Strings YAML would read as something else are quoted. */
function render(value: unknown, format: 'yaml' | 'json', quoted: boolean): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (quoted) return value;
  if (format === 'json') return JSON.stringify(value);
  return PLAIN_SAFE.test(value) && !YAML_RESERVED.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function describe(schemas: JsonSchema[], lang: 'zh-CN' | 'en'): string | undefined {
  const description = schemas.find((s) => typeof s.description === 'string')?.description;
  return description === undefined ? undefined : localizeDescription(description, lang);
}

function propertyCandidates(
  root: JsonSchema,
  container: string,
  exclude: readonly string[],
  lang: 'zh-CN' | 'en',
  applyFor: (name: string) => string,
): CompletionCandidate[] {
  const seen = new Set(exclude);
  const out: CompletionCandidate[] = [];
  for (const schema of schemaAt(root, container)) {
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      const subs = schemaAt(root, `${container}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      const info = describe([sub, ...subs], lang);
      out.push({
        label: name,
        kind: 'property',
        apply: applyFor(name),
        detail: typeLabel(subs),
        ...(info ? { info } : {}),
      });
    }
  }
  return out;
}

function valueCandidates(
  schemas: JsonSchema[],
  format: 'yaml' | 'json',
  quoted: boolean,
): CompletionCandidate[] {
  const values: unknown[] = [];
  for (const s of schemas) {
    if (Array.isArray(s.enum)) values.push(...s.enum);
    if ('const' in s) values.push(s.const);
    if (s.type === 'boolean' || (Array.isArray(s.type) && s.type.includes('boolean')))
      values.push(true, false);
  }
  const unique = [...new Set(values)].filter((v) => !quoted || typeof v === 'string');
  return unique.map((v) => ({ label: String(v), kind: 'value' as const, apply: render(v, format, quoted) }));
}

/**
 * Completions at a cursor offset of a bundle's text (with `fast`, as `pointerAt`'s, and the ids of the last
 * fully read text): property names valid there and not yet present
 * (with their description), enum/const/boolean values, and the bundle's own field keys, department,
 * item and material ids where the schema expects a reference to one. Null where nothing fits.
 *
 * @example
 * completionsAt('id: x\n', 6, 'yaml', bundleSchema, 'en')?.options.map((o) => o.label); // ['$schema', 'version', …]
 */
export function completionsAt(
  text: string,
  offset: number,
  format: 'yaml' | 'json',
  root: JsonSchema,
  lang: 'zh-CN' | 'en',
  reading: { fast?: boolean } = {},
): Completions | null {
  const at = pointerAt(text, offset, format, reading);
  const quoted = at.quote !== undefined;
  const from = at.from + (quoted ? 1 : 0);
  const to = Math.max(from, quoted && text[at.to - 1] === at.quote && at.to - 1 >= from ? at.to - 1 : at.to);
  const restOfLine = text.slice(at.to, (text.indexOf('\n', at.to) + 1 || text.length + 1) - 1);
  const needsColon = !/^\s*:/.test(restOfLine);
  const keyApply = (name: string): string => {
    if (quoted) return name;
    if (format === 'json') return JSON.stringify(name) + (needsColon ? ': ' : '');
    const key = PLAIN_SAFE.test(name) || /^[A-Za-z$][\w$-]*$/.test(name) ? name : `'${name}'`;
    return key + (needsColon ? ': ' : '');
  };
  const slash = at.pointer.lastIndexOf('/');
  let options: CompletionCandidate[];
  if (at.onKey) {
    options = propertyCandidates(root, at.pointer.slice(0, Math.max(0, slash)), at.siblings, lang, keyApply);
  } else {
    options = valueCandidates(schemaAt(root, at.pointer), format, quoted);
    const kind = referenceKindAt(at.pointer);
    if (kind) {
      for (const key of (reading.fast ? recentBundleKeys(text) : bundleKeys(text))[kind]) {
        options.push({ label: key, kind: 'reference', apply: render(key, format, quoted), detail: kind });
      }
    }
    if (at.maybeKey) options.push(...propertyCandidates(root, at.pointer, at.siblings, lang, keyApply));
  }
  return options.length === 0 ? null : { from, to, options };
}
