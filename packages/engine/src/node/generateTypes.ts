import { compile } from 'json-schema-to-typescript';
import { prepareTypeSchemas, type TypeSchemasInput } from '../codegen/prepareTypeSchemas.js';

export { pascalCase } from '../codegen/prepareTypeSchemas.js';

/** Input of `generateTypes`: the merged schema, each item's payload schema and the bundle id. */
export type GenerateTypesInput = TypeSchemasInput;

/**
 * json-schema-to-typescript appends "This interface was referenced by `X`'s JSON-Schema via the
 * `definition` "Y"." to the TSDoc of every `$defs` (and patternProperties) type. It says nothing to a
 * bundle's reader, and the browser generator (json-schema-to-typescript-lite) never writes it: drop it,
 * so both print the same text.
 */
function dropReferenceNotes(code: string): string {
  const note = String.raw`[ \t]*\* This interface was referenced by \`[^\`\n]*\`'s JSON-Schema(?: definition)?\n[ \t]*\* via the \`(?:definition|patternProperty)\` "[^\n]*"\.\n`;
  return code
    .replace(new RegExp(String.raw`[ \t]*/\*\*\n${note}[ \t]*\*/\n`, 'g'), '')
    .replace(new RegExp(String.raw`[ \t]*\*\n${note}`, 'g'), '');
}

/**
 * Generate TypeScript declarations for a bundle: one interface for the merged application data
 * (`NewbornApplication`) and one per item payload (`BirthRegPayload`), in one module so shared
 * helper types are declared once. Field titles become TSDoc comments. No `$ref` is fetched.
 * The playground's in-browser generator prints the same text (both start from `prepareTypeSchemas`).
 *
 * @example
 * const dts = await generateTypes({ merged: form.schema, items: { birthReg: payloadSchema }, bundleId: 'newborn' });
 * await writeFile('newborn.d.ts', dts);
 */
export async function generateTypes(input: GenerateTypesInput): Promise<string> {
  const { schema, name, options, style } = prepareTypeSchemas(input);
  const code = await compile(schema, name, {
    ...options,
    format: true,
    style,
    $refOptions: { resolve: { external: false, file: false, http: false } },
  });
  return dropReferenceNotes(code);
}
