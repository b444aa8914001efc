import type Ajv2020 from 'ajv/dist/2020.js';
import type { JsonSchema, MergedForm } from './types.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { AjvErrorContext, LabelOf } from '../validate/ajvErrorToDiagnostic.js';
import { createAjv } from '../validate/createAjv.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import { createValidator, type DataValidator, type StandaloneValidate } from '../validate/createValidator.js';

/**
 * Validators precompiled by `onething compile` (validators.js): `merged`, `field_<key>` per field and
 * `item_<id>` per item.
 */
export type PrecompiledValidators = Record<string, unknown>;

/** Checks merged-form values against their combined constraints, one field or many. */
export interface ConstraintCheck {
  /** Diagnostics for one field's value (paths like `/key/0/name`). */
  field(key: string, value: unknown, lang?: Lang): Diagnostic[];
  /** Diagnostics for many fields at once. */
  values(values: Record<string, unknown>, keys: Iterable<string>, lang?: Lang): Diagnostic[];
  /**
   * Diagnostics for a whole object of values in one call: the precompiled `merged` validator when
   * one was given (a single call, as cheap as ajv gets), otherwise field by field.
   */
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
    constraintSchema: JsonSchema;
    precompiled?: PrecompiledValidators;
    /** The ajv instance to compile with, created on first use (shared with other checks). */
    ajv?: () => Ajv2020;
  },
): ConstraintCheck {
  let ajv: Ajv2020 | undefined;
  const sharedAjv = options.ajv ?? (() => (ajv ??= createAjv({ code: { optimize: false } })));
  let mergedValidator: DataValidator | undefined;
  const validators = new Map<string, DataValidator>();
  const validatorOf = (key: string): DataValidator => {
    let validator = validators.get(key);
    if (!validator) {
      const precompiled = options.precompiled?.[`field_${key}`];
      validator =
        typeof precompiled === 'function'
          ? createValidator(fieldSchema(form, key), {
              labelOf: options.labelOf,
              ...(options.optionsOf ? { optionsOf: options.optionsOf } : {}),
              precompiled: precompiled as StandaloneValidate,
            })
          : createValidator(fieldSchema(form, key), {
              labelOf: options.labelOf,
              ...(options.optionsOf ? { optionsOf: options.optionsOf } : {}),
              ajv: sharedAjv(),
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
      const merged = options.precompiled?.merged;
      if (typeof merged === 'function') {
        mergedValidator ??= createValidator(options.constraintSchema, {
          labelOf: options.labelOf,
          ...(options.optionsOf ? { optionsOf: options.optionsOf } : {}),
          precompiled: merged as StandaloneValidate,
        });
        return mergedValidator(values, lang);
      }
      // Field by field; keys that are no field get the error the merged schema's additionalProperties gives.
      const keys = Object.keys(values);
      const out = this.values(values, keys, lang);
      for (const key of keys) {
        if (!has(key))
          out.push(
            createDiagnostic('DATA_UNKNOWN_FIELD', {
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
