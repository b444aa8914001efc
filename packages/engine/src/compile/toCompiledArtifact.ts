import type { CompiledBundle } from './createCompiledBundle.js';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_VERSION,
  type ArtifactField,
  type CompiledArtifact,
} from './CompiledArtifact.js';
import { itemSchemas } from '../merge/itemSchemas.js';

/**
 * The JSON artifact of a compiled bundle (see `CompiledArtifact`), for `hydrateBundle` to rebuild.
 *
 * @example
 * const artifact = toCompiledArtifact(compileBundle(loaded));
 * const again = hydrateBundle(JSON.parse(JSON.stringify(artifact)), validators);
 */
export function toCompiledArtifact(compiled: CompiledBundle): CompiledArtifact {
  const schemas = itemSchemas(compiled.bundle);
  const conditional: CompiledArtifact['itemSchemas'] = {};
  for (const id of compiled.itemConstraints.items) conditional[id] = schemas[id]!;
  return {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    bundle: compiled.bundle,
    form: { ...compiled.form, fields: sharedDefinitions(compiled) },
    rules: compiled.rules.rules.map(({ evaluate: _evaluate, ...rule }) => rule),
    computedOrder: compiled.rules.computedOrder,
    itemSchemas: conditional,
  };
}

/** The merged fields without the definitions the bundle already holds under the same key. */
function sharedDefinitions(compiled: CompiledBundle): Record<string, ArtifactField> {
  const fields: Record<string, ArtifactField> = {};
  for (const [key, field] of Object.entries(compiled.form.fields)) {
    const own = Object.hasOwn(compiled.bundle.fields, key) ? compiled.bundle.fields[key] : undefined;
    if (own !== undefined && own === field.definition) {
      const { definition: _shared, ...rest } = field;
      fields[key] = rest;
    } else fields[key] = field;
  }
  return fields;
}
