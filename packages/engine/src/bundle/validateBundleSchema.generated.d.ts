import type { ErrorObject } from 'ajv';

/** Precompiled validator of schema/bundle.schema.json (see scripts/build-schema-validator.mjs). */
export declare const validate: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
export default validate;
