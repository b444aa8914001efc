import type { Bundle } from '../bundle/types.js';
import type { CompiledRule, JsonSchema, MergedField, MergedForm } from './types.js';

/** `format` of a compiled bundle artifact. */
export const ARTIFACT_FORMAT = 'onething-compiled';
/** Version of the artifact layout; `hydrateBundle` refuses others. */
export const ARTIFACT_VERSION = 1;

/**
 * A merged field in the artifact: its `definition` is left out when it is the bundle's own entry of
 * the same key (always, for bundles the loader merged), and `hydrateBundle` takes it from there.
 */
export type ArtifactField = Omit<MergedField, 'definition'> & { definition?: MergedField['definition'] };

/** A rule as data: what `hydrateBundle` needs to run it again (no type checking left to do). */
export type ArtifactRule = Omit<CompiledRule, 'evaluate'>;

/**
 * A checked, merged bundle as plain JSON: what `onething compile` writes into the bundle module
 * (`export const artifact`). The browser runtime (`@onething/engine/runtime`) rebuilds a
 * `CompiledBundle` from it with `hydrateBundle`, without the loader, the merge or ajv's compiler.
 */
export interface CompiledArtifact {
  format: typeof ARTIFACT_FORMAT;
  version: typeof ARTIFACT_VERSION;
  bundle: Bundle;
  form: Omit<MergedForm, 'fields'> & { fields: Record<string, ArtifactField> };
  /** Every rule that compiled, type-checked and free of cycles, in document order. */
  rules: ArtifactRule[];
  /** Computed field keys, each after the fields it reads. */
  computedOrder: string[];
  /** Own schemas of the items with `applicableIf` (for messages of their precompiled validators). */
  itemSchemas: Record<string, JsonSchema>;
}
