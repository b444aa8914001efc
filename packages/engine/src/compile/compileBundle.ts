import type { LoadedBundle } from '../bundle/loadBundle.js';
import type { JsonSchema } from './types.js';
import type { CompileSchema, PrecompiledValidators } from './createConstraintCheck.js';
import { createCompiledBundle, type CompiledBundle } from './createCompiledBundle.js';
import { createAjv, addAnnotationKeywords } from '../validate/createAjv.js';
import { itemSchemas } from '../merge/itemSchemas.js';
import type Ajv2020 from 'ajv/dist/2020.js';
import { OnethingError } from '../diagnostics/OnethingError.js';

export type { CompiledBundle, RuleIndex } from './createCompiledBundle.js';
export { toConstraintSchema } from './createCompiledBundle.js';
export { localize } from './localize.js';

export interface CompileOptions {
  /**
   * The `validators` of the module `onething compile` writes. Pages under a strict CSP load that
   * module and call `hydrateBundle` instead; without validators, ajv compiles them at run time.
   */
  validators?: PrecompiledValidators;
  /**
   * Compiles the validators that are not precompiled, instead of ajv (whose `new Function` a strict
   * CSP blocks): pass `compileInterpreted` in pages that compile bundles being edited. ajv then
   * validates nothing, neither fields nor conditional items.
   */
  compile?: CompileSchema;
  /** Compile every field validator now rather than on first use. */
  eager?: boolean;
}

/**
 * Turn a loaded bundle into a compiled one. Throws `OnethingError` (a programmer error) if the
 * bundle still has error diagnostics: check `loaded.ok` first.
 *
 * @example
 * const loaded = loadBundle(text);
 * if (loaded.ok) { const compiled = compileBundle(loaded); const state = createFormState(compiled); }
 * // Under `script-src 'self'` (no eval): compileBundle(loaded, { compile: compileInterpreted })
 */
export function compileBundle(loaded: LoadedBundle, options: CompileOptions = {}): CompiledBundle {
  if (!loaded.ok || !loaded.bundle || !loaded.form || !loaded.rules) {
    throw new OnethingError(
      'BUNDLE_HAS_ERRORS',
      'Cannot compile a bundle with errors. Check `loaded.ok` and show `loaded.diagnostics` first.',
      loaded.diagnostics,
    );
  }
  const { bundle, form, rules } = loaded;
  let ajv: Ajv2020 | undefined;
  let schemas: Record<string, JsonSchema> | undefined;
  const compiled = createCompiledBundle(
    { bundle, form, rules },
    {
      ...(options.validators ? { precompiled: options.validators } : {}),
      compile:
        options.compile ??
        ((schema) => {
          ajv ??= createAjv({ code: { optimize: false } });
          addAnnotationKeywords(ajv, schema);
          return ajv.compile(schema);
        }),
      itemSchemaOf: (id) => (schemas ??= itemSchemas(bundle))[id]!,
    },
  );
  if (options.eager) compiled.constraints.warmUp();
  return compiled;
}
