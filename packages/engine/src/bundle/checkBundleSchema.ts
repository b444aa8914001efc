import type { ErrorObject } from 'ajv';
import zh from 'ajv-i18n/localize/zh/index.js';
import { validate } from './validateBundleSchema.generated.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { hintFor } from './didYouMean.js';

/** Keywords whose errors only summarise their branches' errors. */
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'if', 'not']);
const MAX_SCHEMA_DIAGNOSTICS = 200;

/**
 * Check a value against the published bundle JSON Schema with the precompiled validator
 * (no run-time schema compilation, so this works under a strict CSP).
 */
export function checkBundleSchema(value: unknown): Diagnostic[] {
  if (validate(value)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  const localized = errors.map((e) => ({ ...e }));
  zh(localized);
  return errors
    .slice(0, MAX_SCHEMA_DIAGNOSTICS)
    .map((error, i) => toDiagnostic(error, localized[i]!.message ?? ''));
}

function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  // anyOf/oneOf/if errors only summarise their branches; the branch errors say what is wrong.
  const kept = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const pool = kept.length > 0 ? kept : errors;
  const seen = new Set<string>();
  return pool.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toDiagnostic(error: ErrorObject, zhMessage: string): Diagnostic {
  let path = error.instancePath;
  let zhDetail = zhMessage;
  let enDetail = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    path = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const allowed = Object.keys(
      (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
    );
    const hint = hintFor(key, allowed);
    zhDetail = `未知的键“${key}”${hint}`;
    enDetail = `unknown key "${key}"${hint}`;
  } else if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    zhDetail = `缺少必填项“${missing}”`;
    enDetail = `missing required property "${missing}"`;
  } else if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
    zhDetail = `取值必须是以下之一：${allowed}`;
    enDetail = `must be one of: ${allowed}`;
  }
  const where = path === '' ? '' : `${path}: `;
  return createDiagnostic('SCHEMA_VIOLATION', {
    path,
    params: {
      keyword: error.keyword,
      detail: { 'zh-CN': `${where}${zhDetail}`, en: `${where}${enDetail}` },
      schemaPath: error.schemaPath,
    },
  });
}
