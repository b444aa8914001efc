import type { Diagnostic } from '../diagnostics/types.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';
import { OnethingError } from '../diagnostics/OnethingError.js';
import { hydrateRules } from '../rules/hydrateRules.js';
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type CompiledArtifact } from './CompiledArtifact.js';
import type { PrecompiledValidators } from './createConstraintCheck.js';
import { createCompiledBundle, type CompiledBundle } from './createCompiledBundle.js';
import type { MergedField, MergedForm } from './types.js';

/** What `onething compile` writes (`bundle.js`): the artifact and its precompiled validators. */
export interface BundleModule extends PrecompiledValidators {
  artifact: CompiledArtifact;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every reason the module cannot be used, as `BUNDLE_MODULE_INVALID` diagnostics. */
export function checkBundleModule(module: unknown): Diagnostic[] {
  const problems: Array<[string, string]> = [];
  const problem = (path: string, reason: string) => problems.push([path, reason]);
  const m = module as Partial<Record<keyof BundleModule, unknown>> | null | undefined;
  const artifact = m?.artifact as Partial<Record<keyof CompiledArtifact, unknown>> | undefined;
  if (!isRecord(artifact)) problem('/artifact', 'no `artifact` export');
  else if (artifact.format !== ARTIFACT_FORMAT || artifact.version !== ARTIFACT_VERSION)
    problem(
      '/artifact/version',
      `format ${String(artifact.format)} v${String(artifact.version)}, expected ${ARTIFACT_FORMAT} v${ARTIFACT_VERSION}`,
    );
  else {
    const bundle = artifact.bundle as Record<string, unknown> | undefined;
    const form = artifact.form as Record<string, unknown> | undefined;
    if (!isRecord(bundle) || !Array.isArray(bundle.items) || !isRecord(bundle.fields))
      problem('/artifact/bundle', 'no bundle');
    if (!isRecord(form) || !isRecord(form.fields) || !Array.isArray(form.order))
      problem('/artifact/form', 'no merged form');
    if (!Array.isArray(artifact.rules) || !Array.isArray(artifact.computedOrder))
      problem('/artifact/rules', 'no rules');
    if (!isRecord(artifact.itemSchemas)) problem('/artifact/itemSchemas', 'no item schemas');
    if (problems.length === 0) {
      const fields = isRecord(m?.fields) ? m.fields : {};
      const items = isRecord(m?.items) ? m.items : {};
      const missingFields = Object.keys(form!.fields as object).filter(
        (key) => typeof fields[key] !== 'function',
      );
      const missingItems = Object.keys(artifact.itemSchemas as object).filter(
        (id) => typeof items[id] !== 'function',
      );
      if (missingFields.length > 0)
        problem(
          '/fields',
          `no validator for field ${missingFields.slice(0, 5).join(', ')}${missingFields.length > 5 ? ' …' : ''}`,
        );
      if (missingItems.length > 0) problem('/items', `no validator for item ${missingItems.join(', ')}`);
      const bundleFields = bundle!.fields as Record<string, unknown>;
      const undefinedFields = Object.entries(form!.fields as Record<string, { definition?: unknown }>)
        .filter(
          ([key, field]) =>
            !isRecord(field) || (field.definition === undefined && !isRecord(bundleFields[key])),
        )
        .map(([key]) => key);
      if (undefinedFields.length > 0)
        problem('/artifact/form/fields', `no definition for field ${undefinedFields.slice(0, 5).join(', ')}`);
    }
  }
  return problems.map(([path, reason]) =>
    createDataDiagnostic('BUNDLE_MODULE_INVALID', { path, params: { reason } }),
  );
}

/**
 * Rebuild a `CompiledBundle` from the module `onething compile` writes, with its precompiled
 * validators: no loader, no merge, no ajv compiler and no `eval`, so it runs under a strict CSP and
 * keeps browser bundles small. Throws `OnethingError` (`BUNDLE_MODULE_INVALID`, with diagnostics)
 * for a module that is not one, comes from another format version, or lacks a validator.
 *
 * @example
 * import { hydrateBundle, createFormState } from '@onething/engine/runtime';
 * const compiled = hydrateBundle(await import('./newborn/bundle.js'));
 * const state = createFormState(compiled);
 */
export function hydrateBundle(module: BundleModule): CompiledBundle {
  const diagnostics = checkBundleModule(module);
  if (diagnostics.length > 0)
    throw new OnethingError(
      'BUNDLE_MODULE_INVALID',
      diagnostics.map((d) => d.message).join('; '),
      diagnostics,
    );
  const { artifact } = module;
  let rules;
  try {
    rules = hydrateRules(artifact.bundle, artifact.rules, artifact.computedOrder);
  } catch (error) {
    const diagnostic = createDataDiagnostic('BUNDLE_MODULE_INVALID', {
      path: '/artifact/rules',
      params: {
        reason: `a rule does not parse (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      },
    });
    throw new OnethingError('BUNDLE_MODULE_INVALID', diagnostic.message, [diagnostic]);
  }
  const fields: MergedForm['fields'] = {};
  for (const [key, field] of Object.entries(artifact.form.fields))
    fields[key] = field.definition
      ? (field as MergedField)
      : { ...field, definition: artifact.bundle.fields[key]! };
  return createCompiledBundle(
    { bundle: artifact.bundle, form: { ...artifact.form, fields }, rules },
    { precompiled: module, itemSchemaOf: (id) => artifact.itemSchemas[id]! },
  );
}
