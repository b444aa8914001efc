import { compile } from 'json-schema-to-typescript';
import type { JsonSchema } from '../compile/types.js';

export interface GenerateTypesInput {
  /** Schema of the merged application data. */
  merged: JsonSchema;
  /** Item id → schema of the payload sent to that item's department. Must not use `$ref`. */
  items: Record<string, JsonSchema>;
  /** Bundle id; names the application interface (`newborn` → `NewbornApplication`). */
  bundleId: string;
}

/** Keywords whose value is one subschema, a list of them, or a map of them. */
const SUBSCHEMA = [
  'additionalProperties',
  'contains',
  'else',
  'if',
  'items',
  'not',
  'propertyNames',
  'then',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['$defs', 'definitions', 'dependentSchemas', 'patternProperties', 'properties'];

/** `birth-reg`, `birthReg` → `BirthReg`. */
export function pascalCase(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z]/.test(name) ? name : `T${name}`;
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords that give a subschema a TypeScript type of its own. */
const TYPED = ['type', 'enum', 'const', '$ref', 'properties', 'items', 'allOf', 'anyOf', 'oneOf'];

/**
 * json-schema-to-typescript types a subschema without `type` as an object, so the merged
 * `{ type: 'string', pattern, allOf: [{ pattern }] }` (two departments' patterns) became
 * `{ [k: string]: unknown } & string`, which no string satisfies. The parent's `type` holds for every
 * branch anyway, so give it to the branches that have no type of their own.
 */
function inheritType(schema: JsonSchema): void {
  if (schema.type === undefined) return;
  for (const key of SUBSCHEMA_LISTS) {
    const list: unknown = schema[key];
    if (key === 'prefixItems' || !Array.isArray(list)) continue;
    schema[key] = list.map((entry: unknown) =>
      isSchemaObject(entry) && !TYPED.some((k) => k in entry) ? { ...entry, type: schema.type } : entry,
    );
  }
}

/**
 * Copy a schema for json-schema-to-typescript: it names types after `title`, which for us holds
 * Chinese labels; move titles into `description` so they become TSDoc comments instead.
 */
function prepare(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || key === 'title' || key === 'errorMessage') continue;
    if (SUBSCHEMA.includes(key) && isSchemaObject(value)) out[key] = prepare(value);
    else if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((entry: unknown) => (isSchemaObject(entry) ? prepare(entry) : entry));
    } else if (SUBSCHEMA_MAPS.includes(key) && isSchemaObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, entry]) => [name, isSchemaObject(entry) ? prepare(entry) : entry]),
      );
    } else out[key] = value;
  }
  inheritType(out);
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (title !== undefined)
    out.description = description && description !== title ? `${title}\n\n${description}` : title;
  return out;
}

/**
 * Generate TypeScript declarations for a bundle: one interface for the merged application data
 * (`NewbornApplication`) and one per item payload (`BirthRegPayload`), in one module so shared
 * helper types are declared once. Field titles become TSDoc comments. No `$ref` is fetched.
 *
 * @example
 * const dts = await generateTypes({ merged: form.schema, items: { birthReg: payloadSchema }, bundleId: 'newborn' });
 * await writeFile('newborn.d.ts', dts);
 */
export async function generateTypes(input: GenerateTypesInput): Promise<string> {
  const applicationName = `${pascalCase(input.bundleId)}Application`;
  const root = prepare(input.merged);
  // json-schema-to-typescript rejects a schema with both `definitions` and `$defs`: keep one.
  const defs: Record<string, unknown> = {
    ...(isSchemaObject(root.definitions) ? root.definitions : {}),
    ...(isSchemaObject(root.$defs) ? root.$defs : {}),
  };
  delete root.definitions;
  for (const [id, schema] of Object.entries(input.items)) {
    const name = `${pascalCase(id)}Payload`;
    const payload = prepare(schema);
    defs[name] = {
      description: `Payload of item "${id}", as its department's form expects it.`,
      ...payload,
      title: name,
    };
  }
  const schema = {
    description: `Application data of the "${input.bundleId}" bundle (the merged form).`,
    ...root,
    title: applicationName,
    $defs: defs,
  };
  return compile(schema, applicationName, {
    bannerComment: `/**\n * Data types of the "${input.bundleId}" bundle, generated by onething. Do not edit by hand.\n */`,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    unknownAny: true,
    strictIndexSignatures: true,
    format: true,
    $refOptions: { resolve: { external: false, file: false, http: false } },
  });
}
