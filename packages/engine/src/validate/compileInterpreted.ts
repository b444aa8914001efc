import { dereference, validate as interpret, type Schema } from '@cfworker/json-schema';
import type { CompileSchema } from '../compile/createConstraintCheck.js';
import type { StandaloneValidate } from './createValidator.js';
import { toAjvErrors } from './compileInterpretedErrors.js';
import { toInterpretable, withoutUndefined } from './compileInterpretedSchema.js';

/**
 * Compile a schema without generating code: the returned function *interprets* it with
 * @cfworker/json-schema (made for Cloudflare Workers, which forbid `eval`), so it runs under
 * `Content-Security-Policy: script-src 'self'` — for bundles edited in the browser, which no
 * `onething compile` step can precompile.
 *
 * It behaves as the engine's ajv (draft 2020-12, `allErrors`, ajv-formats and the `cn-*` formats):
 * same verdict, and `errors` shaped as ajv's (`instancePath`, `schemaPath`, `keyword`, `params`,
 * `message`, in ajv's order), so `wrapValidator` gives the same diagnostics. Annotations
 * (`errorMessage`, `x-*`) are ignored; an unknown format throws, as in ajv's strict mode.
 * Known differences, outside what bundles use: `multipleOf` is exact (ajv divides floats),
 * number formats (`int32`…) are not checked, a failed `contains` lists no errors of the items, and data must be JSON (an `undefined` property is
 * absent, an `undefined` array item is `null`).
 *
 * @example
 * const compiled = compileBundle(loaded, { compile: compileInterpreted });
 * const validate = compileInterpreted({ type: 'string', format: 'cn-mobile' });
 * validate('1380013800'); // false; validate.errors[0].params → { format: 'cn-mobile' }
 */
export const compileInterpreted: CompileSchema = (schema) => {
  const prepared = toInterpretable(schema) as Schema;
  const lookup = dereference(prepared);
  const validate = ((data: unknown) => {
    const instance = withoutUndefined(data);
    const result = interpret(instance, prepared, '2020-12', lookup, false);
    // Rarely @cfworker rejects what ajv accepts (a repeat among items `uniqueItems` skips): no errors.
    const errors = result.valid ? [] : toAjvErrors(result.errors, schema, instance);
    validate.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as StandaloneValidate;
  return validate;
};
