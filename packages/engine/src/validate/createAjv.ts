import Ajv2020, { type CodeOptions } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { formats } from './formats.js';

/**
 * Annotation keywords always known: `x-onething` (engine metadata) and `errorMessage`
 * (a custom message, see `ajvErrorToDiagnostic`). Other `x-*` keywords are registered per schema
 * by `addAnnotationKeywords`.
 */
export const ANNOTATION_KEYWORDS = ['errorMessage', 'x-onething'] as const;

/** Keywords whose values are data, not subschemas: their keys are never keywords. */
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

/**
 * Create the engine's ajv instance: draft 2020-12, all errors, ajv-formats (date, date-time,
 * email, uri…) and the `cn-*` formats. Works in Node and browsers (no Node imports).
 *
 * Strict mode stays on for what catches real mistakes (unknown keywords, unknown formats,
 * non-finite numbers) and is off for type/tuple/required style checks that department schemas
 * legitimately skip. `x-*` annotations are allowed through `addAnnotationKeywords`.
 *
 * Note: `ajv.compile` generates code with `new Function`; pages with a strict CSP should load
 * validators made by `compileStandalone` instead.
 *
 * @example
 * const ajv = createAjv();
 * const validate = ajv.compile({ type: 'string', format: 'cn-mobile' });
 * validate('13800138000'); // true
 */
export function createAjv(options: { code?: CodeOptions } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    ...(options.code ? { code: options.code } : {}),
  });
  addFormats(ajv);
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}

/**
 * Register every `x-*` key found in `schema` as an annotation keyword, so strict mode accepts
 * department extensions (`x-dept-code`, …) while still rejecting misspelt standard keywords.
 */
export function addAnnotationKeywords(ajv: Ajv2020, schema: unknown): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const entry of node) visit(entry);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      // `RULES.keywords`, not `getKeyword`: the latter is false for bare annotation keywords.
      if (key.startsWith('x-') && !ajv.RULES.keywords[key]) ajv.addKeyword(key);
      if (!DATA_KEYWORDS.has(key) && !key.startsWith('x-')) visit(value);
    }
  };
  visit(schema);
}
