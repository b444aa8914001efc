import type { JsonSchema } from '../compile/types.js';

/** What the type generators take: the merged form's schema and each item's payload schema. */
export interface TypeSchemasInput {
  /** Schema of the merged application data. */
  merged: JsonSchema;
  /** Item id → schema of the payload sent to that item's department. Must not use `$ref`. */
  items: Record<string, JsonSchema>;
  /** Bundle id; names the application interface (`newborn` → `NewbornApplication`). */
  bundleId: string;
}

/**
 * One schema holding the whole bundle for json-schema-to-typescript (Node) or its `-lite` fork (browser),
 * with the name of the root type and the options both must be given, so the two print the same code.
 */
export interface PreparedTypeSchemas {
  /** Root schema (the merged data) with one `$defs` entry per item payload. */
  schema: JsonSchema;
  /** Name of the root interface (`NewbornApplication`). */
  name: string;
  /** Compiler options shared by both generators (formatting options excluded). */
  options: {
    bannerComment: string;
    additionalProperties: false;
    declareExternallyReferenced: true;
    unreachableDefinitions: true;
    ignoreMinAndMaxItems: true;
    unknownAny: true;
    strictIndexSignatures: true;
  };
  /**
   * Prettier options the code is printed with: json-schema-to-typescript's defaults, spelled out so
   * the browser (which formats with `prettier/standalone`) prints what Node prints.
   */
  style: {
    bracketSpacing: false;
    printWidth: 120;
    semi: true;
    singleQuote: false;
    tabWidth: 2;
    trailingComma: 'none';
    useTabs: false;
  };
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
 * Turn a bundle's merged and item schemas into the one schema the TypeScript generators compile:
 * titles become descriptions (TSDoc), the merged data is the root (`NewbornApplication`) and each item
 * payload a `$defs` entry titled `BirthRegPayload`. Pure: shared by the Node `generateTypes` and the
 * playground's in-browser generator, so both emit the same declarations.
 *
 * @example
 * const { schema, name, options } = prepareTypeSchemas({ merged, items, bundleId: 'newborn' });
 * const code = await compile(schema, name, { ...options, format: false });
 */
export function prepareTypeSchemas(input: TypeSchemasInput): PreparedTypeSchemas {
  const name = `${pascalCase(input.bundleId)}Application`;
  const root = prepare(input.merged);
  // json-schema-to-typescript rejects a schema with both `definitions` and `$defs`: keep one.
  const defs: Record<string, unknown> = {
    ...(isSchemaObject(root.definitions) ? root.definitions : {}),
    ...(isSchemaObject(root.$defs) ? root.$defs : {}),
  };
  delete root.definitions;
  for (const [id, schema] of Object.entries(input.items)) {
    const payloadName = `${pascalCase(id)}Payload`;
    defs[payloadName] = {
      description: `Payload of item "${id}", as its department's form expects it.`,
      ...prepare(schema),
      title: payloadName,
    };
  }
  return {
    schema: {
      description: `Application data of the "${input.bundleId}" bundle (the merged form).`,
      ...root,
      title: name,
      $defs: defs,
    },
    name,
    options: {
      bannerComment: `/**\n * Data types of the "${input.bundleId}" bundle, generated by onething. Do not edit by hand.\n */`,
      additionalProperties: false,
      declareExternallyReferenced: true,
      unreachableDefinitions: true,
      ignoreMinAndMaxItems: true,
      unknownAny: true,
      strictIndexSignatures: true,
    },
    style: {
      bracketSpacing: false,
      printWidth: 120,
      semi: true,
      singleQuote: false,
      tabWidth: 2,
      trailingComma: 'none',
      useTabs: false,
    },
  };
}
