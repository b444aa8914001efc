import type { CompiledBundle } from './createCompiledBundle.js';
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type CompiledArtifact } from './CompiledArtifact.js';
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
    form: compiled.form,
    rules: compiled.rules.rules.map(({ evaluate: _evaluate, ...rule }) => rule),
    computedOrder: compiled.rules.computedOrder,
    itemSchemas: conditional,
  };
}
