import type { CompiledBundle } from '../compile/createCompiledBundle.js';
import { toCompiledArtifact } from '../compile/toCompiledArtifact.js';
import type { JsonSchema } from '../compile/types.js';
import { canonicalJson } from '../flow/stableHash.js';
import { stripAnnotations } from '../validate/stripAnnotations.js';
import { compileStandalone, type CompileStandaloneOptions } from './compileStandalone.js';

/** What `compileBundleModule` wrote, for reports. */
export interface BundleModuleStats {
  fields: number;
  /** Distinct field validators (fields with equal constraints share one). */
  fieldValidators: number;
  itemValidators: number;
}

/**
 * The ES module `onething compile` writes (`bundle.js`) for `hydrateBundle` in the browser runtime:
 * `artifact` (the checked, merged bundle as JSON), `fields` (field key → precompiled validator of
 * its value) and `items` (conditional item id → validator of its payload). Fields whose
 * constraints are equal once annotations are stripped share one function, so a form of 2,000
 * fields of five kinds carries a handful of validators. No `eval` or `new Function` inside.
 *
 * @example
 * const { source } = compileBundleModule(compileBundle(loaded));
 * await writeFile('out/bundle.js', source);
 */
export function compileBundleModule(
  compiled: CompiledBundle,
  options: CompileStandaloneOptions = {},
): { source: string; stats: BundleModuleStats } {
  const artifact = toCompiledArtifact(compiled);
  const schemas: Record<string, JsonSchema> = {};
  const byShape = new Map<string, string>();
  const fieldNames: Array<[string, string]> = [];
  for (const key of Object.keys(compiled.form.fields)) {
    const schema = stripAnnotations(compiled.form.fields[key]!.schema) as JsonSchema;
    const shape = canonicalJson(schema);
    let name = byShape.get(shape);
    if (!name) {
      name = `f${byShape.size}`;
      byShape.set(shape, name);
      schemas[name] = schema;
    }
    fieldNames.push([key, name]);
  }
  const itemNames: Array<[string, string]> = Object.entries(artifact.itemSchemas).map(([id, schema], i) => {
    schemas[`i${i}`] = schema;
    return [id, `i${i}`];
  });
  const table = (entries: Array<[string, string]>) =>
    `{${entries.map(([key, name]) => `${JSON.stringify(key)}:${name}`).join(',')}}`;
  const source =
    compileStandalone(schemas, options) +
    `\nexport const fields = ${table(fieldNames)};\n` +
    `export const items = ${table(itemNames)};\n` +
    // JSON.parse of a string is faster to load than an object literal, and is no eval.
    `export const artifact = JSON.parse(${JSON.stringify(JSON.stringify(artifact))});\n`;
  return {
    source,
    stats: { fields: fieldNames.length, fieldValidators: byShape.size, itemValidators: itemNames.length },
  };
}
