import type { JsonSchema } from '../compile/types.js';
import { ajvErrorsToDiagnostics } from './ajvErrorToDiagnostic.js';
import type { CreateValidatorOptions, DataValidator, StandaloneValidate } from './createValidator.js';

/**
 * Turn an ajv validate function (compiled at run time or precompiled by `onething compile`) into a
 * `DataValidator` that reports engine diagnostics for `schema`. Imports nothing of ajv's compiler, so
 * browser runtimes that only run precompiled validators stay small.
 *
 * @example
 * const check = wrapValidator(schema, precompiled.fields.babyName, { labelOf: () => '姓名' });
 * check('') // [] or diagnostics
 */
export function wrapValidator(
  schema: JsonSchema,
  validate: StandaloneValidate,
  options: Pick<CreateValidatorOptions, 'labelOf' | 'optionsOf'>,
): DataValidator {
  const { labelOf, optionsOf } = options;
  return (data, lang = 'zh-CN') => {
    if (validate(data)) return [];
    return ajvErrorsToDiagnostics(validate.errors ?? [], {
      data,
      schema,
      labelOf,
      lang,
      ...(optionsOf ? { optionsOf } : {}),
    });
  };
}
