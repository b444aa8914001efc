import type { Bundle } from '../bundle/types.js';
import type { JsonSchema } from '../compile/types.js';
import { knownKeywordsOnly } from './knownKeywordsOnly.js';

/**
 * Each item's own department schema as a standalone draft 2020-12 document, keyed by item id, with
 * non-standard keywords left out (the bundle format allows them; validation ignores them).
 */
export function itemSchemas(bundle: Bundle): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const item of bundle.items) {
    out[item.id] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: item.name['zh-CN'],
      ...(knownKeywordsOnly(item.form.schema) as JsonSchema),
    };
  }
  return out;
}
