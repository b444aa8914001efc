import type { JsonSchema, MergedForm } from './types.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { AjvErrorContext, LabelOf } from '../validate/ajvErrorToDiagnostic.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { DataValidator, StandaloneValidate } from '../validate/createValidator.js';
import { wrapValidator } from '../validate/wrapValidator.js';
import { OnethingError } from '../diagnostics/OnethingError.js';

/**
 * Validators precompiled by `onething compile` (the bundle module's `fields` and `items` exports).
 * Fields with the same constraints share one function, so the code grows with the number of distinct
 * constraints, not of fields.
 */
export interface PrecompiledValidators {
  /** Field key → validator of the field's value on its own. */
  fields: Readonly<Record<string, StandaloneValidate>>;
  /** Id of an item with `applicableIf` → validator of the item's payload. */
  items: Readonly<Record<string, StandaloneValidate>>;
}

/** Compiles a schema at run time (ajv; needs `unsafe-eval`). */
export type CompileSchema = (schema: JsonSchema) => StandaloneValidate;

/** `#/properties/<key>`-style fragment segment, as ajv writes it in `schemaPath`. */
function fragment(key: string): string {
  return encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/**
 * A precompiled validator of one field's bare value, seen as the validator of `{ [key]: value }`
 * (`fieldSchema`): error paths gain the key, so messages and pointers are the same either way.
 */
export function nestValidator(key: string, bare: StandaloneValidate): StandaloneValidate {
  const instancePrefix = toPointer([key]);
  const schemaPrefix = `#/properties/${fragment(key)}`;
  const nested = ((data: unknown) => {
    const value = (data as Record<string, unknown> | null)?.[key];
    if (value === undefined || bare(value)) {
      nested.errors = null;
      return true;
    }
    nested.errors = (bare.errors ?? []).map((error) => ({
      ...error,
      instancePath: instancePrefix + error.instancePath,
      schemaPath: schemaPrefix + error.schemaPath.slice(1),
    }));
    return false;
  }) as StandaloneValidate;
  return nested;
}

/** Checks merged-form values against their combined constraints, one field or many. */
export interface ConstraintCheck {
  /** Diagnostics for one field's value (paths like `/key/0/name`). */
  field(key: string, value: unknown, lang?: Lang): Diagnostic[];
  /** Diagnostics for many fields at once. */
  values(values: Record<string, unknown>, keys: Iterable<string>, lang?: Lang): Diagnostic[];
  /** Diagnostics for a whole object of values, field by field, plus keys that are no field. */
  all(values: Record<string, unknown>, lang?: Lang): Diagnostic[];
  /** Compile every field validator now instead of on first use. */
  warmUp(): void;
}

/** The schema of one field, wrapped so ajv reports data pointers that start with the field key. */
export function fieldSchema(form: MergedForm, key: string): JsonSchema {
  return { type: 'object', properties: { [key]: form.fields[key]!.schema } };
}

/**
 * One small validator per field, compiled on first use. Small functions stay fast in V8 (a single
 * validator of a 1,000-property schema is too big to optimise), so checking one changed field does not
 * pay for the whole form, and checking all fields costs no more than one big validator.
 * With `precompiled` (strict CSP) nothing is compiled at run time.
 */
export function createConstraintCheck(
  form: MergedForm,
  options: {
    labelOf: LabelOf;
    optionsOf?: AjvErrorContext['optionsOf'];
    precompiled?: PrecompiledValidators;
    /** Compiles what is not precompiled (run-time ajv); without it a missing validator throws. */
    compile?: CompileSchema;
  },
): ConstraintCheck {
  const validators = new Map<string, DataValidator>();
  const validatorOf = (key: string): DataValidator => {
    let validator = validators.get(key);
    if (!validator) {
      const schema = fieldSchema(form, key);
      const precompiled = options.precompiled?.fields[key];
      const validate = precompiled
        ? nestValidator(key, precompiled)
        : options.compile
          ? options.compile(schema)
          : undefined;
      if (!validate)
        throw new OnethingError(
          'VALIDATOR_MISSING',
          `No precompiled validator for field "${key}": the bundle module does not match this bundle; run \`onething compile\` again.`,
        );
      validator = wrapValidator(schema, validate, {
        labelOf: options.labelOf,
        ...(options.optionsOf ? { optionsOf: options.optionsOf } : {}),
      });
      validators.set(key, validator);
    }
    return validator;
  };
  const has = (key: string) => Object.prototype.hasOwnProperty.call(form.fields, key);
  // One reusable `{ [key]: value }` holder per field: a stable object shape keeps validation calls cheap.
  const holders = new Map<string, Record<string, unknown>>();
  const check = (key: string, value: unknown, lang?: Lang): Diagnostic[] => {
    let holder = holders.get(key);
    if (!holder) holders.set(key, (holder = { [key]: undefined }));
    holder[key] = value;
    try {
      return validatorOf(key)(holder, lang);
    } finally {
      holder[key] = undefined;
    }
  };
  return {
    field: (key, value, lang) => (has(key) ? check(key, value, lang) : []),
    values(values, keys, lang) {
      const out: Diagnostic[] = [];
      for (const key of keys) {
        if (!has(key) || values[key] === undefined) continue;
        const errors = check(key, values[key], lang);
        for (const error of errors) out.push(error);
      }
      return out;
    },
    all(values, lang) {
      // Keys that are no field get the error the merged schema's additionalProperties gives.
      const keys = Object.keys(values);
      const out = this.values(values, keys, lang);
      for (const key of keys) {
        if (!has(key))
          out.push(
            createDataDiagnostic('DATA_UNKNOWN_FIELD', {
              path: toPointer([key]),
              params: { field: key },
              ...(lang ? { lang } : {}),
            }),
          );
      }
      return out;
    },
    warmUp() {
      for (const key of Object.keys(form.fields)) validatorOf(key);
    },
  };
}
