import type { ErrorObject } from 'ajv/dist/2020.js';
import type { FieldOption, LocalizedText } from '../bundle/types.js';
import type { JsonSchema } from '../compile/types.js';
import { fromPointer, toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { describeFormatError } from './formatMessages.js';
import { keywordText } from './keywordText.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';

/** Field label for a data pointer (`/babyName`, `/employees/0/idNumber`); `undefined` = unknown. */
export type LabelOf = (pointer: string) => LocalizedText | undefined;

/** What the conversion needs besides the error itself. */
export interface AjvErrorContext {
  /** The validated data, to explain a failed format from the offending value. */
  data: unknown;
  /** Root schema, to find `errorMessage` annotations along `schemaPath`. */
  schema?: JsonSchema;
  labelOf: LabelOf;
  /** The labelled choices of the value at a data pointer, to tell the applicant what is allowed. */
  optionsOf?: (pointer: string) => FieldOption[] | undefined;
  lang: Lang;
}

const MAX_LISTED_CHOICES = 8;

/** “（可选：男、女）” / “ (allowed: Male, Female)” for short lists of allowed values, else nothing. */
function choicesText(allowed: unknown[], options: FieldOption[] | undefined): LocalizedText {
  if (allowed.length === 0 || allowed.length > MAX_LISTED_CHOICES) return { 'zh-CN': '', en: '' };
  const labelOf = (value: unknown) => options?.find((o) => o.value === value)?.label;
  const zh = allowed.map((v) => labelOf(v)?.['zh-CN'] ?? String(v)).join('、');
  const en = allowed.map((v) => labelOf(v)?.en ?? labelOf(v)?.['zh-CN'] ?? String(v)).join(', ');
  return { 'zh-CN': `（可选：${zh}）`, en: ` (allowed: ${en})` };
}

/** A schema's custom message: one text for every keyword, or one per keyword. */
type ErrorMessage = string | LocalizedText | Record<string, string | LocalizedText>;

const TYPE_WORDS: Record<string, { 'zh-CN': string; en: string }> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否', en: 'yes or no' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  null: { 'zh-CN': '空值', en: 'empty' },
};

const ROOT_LABEL: LocalizedText = { 'zh-CN': '申请数据', en: 'application data' };

function get(node: unknown, segments: readonly string[]): unknown {
  let current = node;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function labelFor(pointer: string, labelOf: LabelOf): LocalizedText {
  const label = labelOf(pointer);
  if (label) return label;
  const last = fromPointer(pointer).at(-1);
  return last === undefined ? ROOT_LABEL : { 'zh-CN': last, en: last };
}

/** The schema object holding the failed keyword, from ajv's URI-fragment `schemaPath`. */
function schemaOfKeyword(root: JsonSchema | undefined, schemaPath: string): unknown {
  if (!root || !schemaPath.startsWith('#')) return undefined;
  try {
    const segments = fromPointer(schemaPath.slice(1)).map(decodeURIComponent);
    return get(root, segments.slice(0, -1));
  } catch {
    return undefined;
  }
}

function asText(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  if (typeof value === 'object' && value !== null && typeof (value as LocalizedText)['zh-CN'] === 'string') {
    return value as LocalizedText;
  }
  return undefined;
}

function customMessage(error: ErrorObject, root: JsonSchema | undefined): LocalizedText | undefined {
  const holder = schemaOfKeyword(root, error.schemaPath);
  if (typeof holder !== 'object' || holder === null) return undefined;
  const message = (holder as { errorMessage?: ErrorMessage }).errorMessage;
  if (message === undefined) return undefined;
  return asText(message) ?? asText((message as Record<string, unknown>)[error.keyword]);
}

/**
 * Convert one ajv error on *data* into an engine diagnostic (or `undefined` when the error only
 * repeats others, like the `if` wrapper around `then` errors). `path` is the JSON Pointer of the
 * offending value; for `required` and unknown properties, the pointer of that property.
 *
 * A schema may carry `errorMessage` (a string, `{ 'zh-CN', en }`, or a map keyword → text); it
 * wins over ajv's text and gives a `DATA_INVALID`. It never replaces `required` messages.
 *
 * @example
 * ajvErrorToDiagnostic(validate.errors[0], { data, labelOf, lang: 'zh-CN' });
 * // { code: 'DATA_FORMAT', path: '/motherIdNumber', message: '“母亲身份证号”格式不正确：公民身份号码校验位不正确', … }
 */
export function ajvErrorToDiagnostic(error: ErrorObject, context: AjvErrorContext): Diagnostic | undefined {
  const { labelOf, lang } = context;
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required':
    case 'dependentRequired': {
      const field = String(params.missingProperty);
      const pointer = path + toPointer([field]);
      return createDataDiagnostic('DATA_REQUIRED_FIELD', {
        path: pointer,
        params: { label: labelFor(pointer, labelOf), field },
        lang,
      });
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const field = String(params.additionalProperty ?? params.unevaluatedProperty);
      return createDataDiagnostic('DATA_UNKNOWN_FIELD', {
        path: path + toPointer([field]),
        params: { field },
        lang,
      });
    }
  }
  const label = labelFor(path, labelOf);
  const custom = customMessage(error, context.schema);
  if (custom) {
    return createDataDiagnostic('DATA_INVALID', {
      path,
      params: { label, keyword: error.keyword, detail: custom },
      lang,
    });
  }
  switch (error.keyword) {
    case 'type': {
      const types = String(params.type).split(',');
      const expected = {
        'zh-CN': types.map((t) => TYPE_WORDS[t]?.['zh-CN'] ?? t).join('或'),
        en: types.map((t) => TYPE_WORDS[t]?.en ?? t).join(' or '),
      };
      return createDataDiagnostic('DATA_TYPE', {
        path,
        params: { label, expected, type: params.type },
        lang,
      });
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? params.allowedValues : [params.allowedValue];
      const choices = choicesText(allowed as unknown[], context.optionsOf?.(path));
      return createDataDiagnostic('DATA_ENUM', { path, params: { label, allowed, choices }, lang });
    }
    case 'format': {
      const format = String(params.format);
      const value = get(context.data, fromPointer(path));
      const detail = describeFormatError(format, value) ?? keywordText(error);
      return createDataDiagnostic('DATA_FORMAT', { path, params: { label, format, detail }, lang });
    }
    default:
      return createDataDiagnostic('DATA_INVALID', {
        path,
        params: { label, keyword: error.keyword, detail: keywordText(error) },
        lang,
      });
  }
}

/**
 * Most diagnostics one validation reports. A 100,000-entry array of wrong items gives ajv (with
 * `allErrors`) one error each; rendering them all would take seconds and spread into callers' arrays
 * past the engine's call-stack limit, and nobody reads past the first screenful anyway.
 */
export const MAX_DATA_DIAGNOSTICS = 100;

/** Convert ajv's errors, dropping duplicates (same code, path and text), up to MAX_DATA_DIAGNOSTICS. */
export function ajvErrorsToDiagnostics(
  errors: readonly ErrorObject[],
  context: AjvErrorContext,
): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    if (diagnostics.length >= MAX_DATA_DIAGNOSTICS) break;
    const diagnostic = ajvErrorToDiagnostic(error, context);
    if (!diagnostic) continue;
    const key = `${diagnostic.code}\u0000${diagnostic.path}\u0000${diagnostic.messages['zh-CN']}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
