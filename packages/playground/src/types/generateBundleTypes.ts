import {
  itemSchemas,
  prepareTypeSchemas,
  type CompiledBundle,
  type TypeSchemasInput,
} from '@onething/engine';

/** The generator's input taken from a compiled bundle: merged form schema, item schemas, bundle id. */
export function typeSchemasOf(compiled: CompiledBundle): TypeSchemasInput {
  return { merged: compiled.form.schema, items: itemSchemas(compiled.bundle), bundleId: compiled.bundle.id };
}

/**
 * Generate a bundle's TypeScript declarations in the browser: the same text the engine's Node
 * `generateTypes` writes (both compile `prepareTypeSchemas`' output with the same options and Prettier
 * style). Uses json-schema-to-typescript-lite, then `prettier/standalone`; both are loaded on first
 * use (about 1.3 MB), and neither evaluates code, so it runs under `script-src 'self'`.
 * Rejects with the compiler's error when a schema cannot be typed.
 *
 * @example
 * const code = await generateBundleTypes(typeSchemasOf(compiled));
 */
export async function generateBundleTypes(input: TypeSchemasInput): Promise<string> {
  const { schema, name, options, style } = prepareTypeSchemas(input);
  const [{ compile }, prettier, typescript, estree] = await Promise.all([
    import('json-schema-to-typescript-lite'),
    import('prettier/standalone'),
    import('prettier/plugins/typescript'),
    import('prettier/plugins/estree'),
  ]);
  // Our schemas have no `$ref`; `cwd` is only the base URL the ref parser would resolve against.
  const code = await compile(schema as Parameters<typeof compile>[0], name, {
    ...options,
    cwd: '/',
    $refOptions: { resolve: { external: false, file: false, http: false } },
  });
  // The -lite fork has no banner option; json-schema-to-typescript joins the banner the same way.
  return prettier.format(`${options.bannerComment}\n\n${code}`, {
    parser: 'typescript',
    plugins: [typescript, estree],
    ...style,
  });
}
