import type { Bundle } from './types.js';
import type { CompiledRules, MergedForm } from '../compile/types.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { localizeDiagnostic } from '../diagnostics/createDiagnostic.js';
import { parseSource, type SourceLocator } from './parseSource.js';
import { sanitizeValue } from './sanitizeValue.js';
import { checkBundleSchema } from './checkBundleSchema.js';
import { checkReferences } from './checkReferences.js';
import { checkDependencyCycles } from './checkDependencyCycles.js';
import { checkOutputs } from './checkOutputs.js';
import { checkLimits } from './checkLimits.js';
import { checkLayout } from './checkLayout.js';
import { checkFieldUsage } from './checkFieldUsage.js';
import { mergeForms } from '../merge/mergeForms.js';
import { compileRules } from '../rules/compileRules.js';
import { positionDiagnostics } from './positionDiagnostics.js';

export interface LoadOptions {
  /** Used to pick JSON or YAML and shown nowhere else. */
  fileName?: string;
  /** Language of each diagnostic's `message` (both are always in `messages`). */
  lang?: Lang;
}

/** Everything the loader learnt about a bundle. `form` and `rules` are present once the bundle is well-formed. */
export interface LoadedBundle {
  /** No error-severity diagnostics. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The bundle value, present when it passed the JSON Schema (it may still have semantic errors). */
  bundle?: Bundle;
  form?: MergedForm;
  rules?: CompiledRules;
  /** Maps JSON Pointers to line/column when the input was text. */
  locator?: SourceLocator;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Load a bundle from YAML/JSON text or an already-parsed object, and diagnose everything wrong with it:
 * syntax, schema, duplicate ids, unknown references, dependency cycles, outputs consumed too early,
 * merge conflicts between departments, CEL syntax and type errors. Never throws on user input.
 *
 * @example
 * const { ok, diagnostics, form } = loadBundle(yamlText, { fileName: 'bundle.yaml' });
 * if (!ok) for (const d of diagnostics) console.log(d.line, d.code, d.message);
 */
export function loadBundle(input: string | unknown, options: LoadOptions = {}): LoadedBundle {
  const result = load(input, options);
  const lang = options.lang ?? 'zh-CN';
  const diagnostics = positionDiagnostics(result.diagnostics, result.locator, result.bundle)
    .map((d) => (lang === 'zh-CN' ? d : localizeDiagnostic(d, lang)))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
  return { ...result, diagnostics, ok: !diagnostics.some((d) => d.severity === 'error') };
}

function load(input: unknown, options: LoadOptions): Omit<LoadedBundle, 'ok'> {
  let raw: unknown = input;
  let locator: SourceLocator | undefined;
  const diagnostics: Diagnostic[] = [];
  if (typeof input === 'string') {
    const parsed = parseSource(input, options.fileName === undefined ? {} : { fileName: options.fileName });
    diagnostics.push(...parsed.diagnostics);
    locator = parsed.locator;
    if (parsed.value === undefined) return { diagnostics, ...(locator ? { locator } : {}) };
    raw = parsed.value;
  }
  const clean = sanitizeValue(raw);
  diagnostics.push(...clean.diagnostics);
  const withLocator = <T extends object>(value: T) => (locator ? { ...value, locator } : value);

  const schemaDiagnostics = checkBundleSchema(clean.value);
  diagnostics.push(...schemaDiagnostics);
  if (schemaDiagnostics.length > 0 || clean.diagnostics.some((d) => d.severity === 'error')) {
    return withLocator({ diagnostics });
  }
  const bundle = clean.value as Bundle;
  diagnostics.push(...checkReferences(bundle), ...checkDependencyCycles(bundle), ...checkOutputs(bundle));
  diagnostics.push(...checkLimits(bundle), ...checkLayout(bundle));
  const merged = mergeForms(bundle);
  diagnostics.push(...merged.diagnostics);
  const rules = compileRules(bundle);
  diagnostics.push(...rules.diagnostics, ...checkFieldUsage(bundle, merged.form, rules));
  return withLocator({ diagnostics, bundle, form: merged.form, rules });
}
