// The playground's in-browser type generator (json-schema-to-typescript-lite + prettier/standalone) prints
// exactly what the engine's Node `generateTypes` (json-schema-to-typescript) prints, for every example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBundle, loadBundle } from '@onething/engine';
import { generateTypes } from '../../../engine/src/node/generateTypes.js';
import { generateBundleTypes, typeSchemasOf } from './generateBundleTypes.js';

const examples = ['newborn', 'business-startup', 'home-transfer'];

describe.each(examples)('generateBundleTypes for examples/%s', (name) => {
  const text = readFileSync(new URL(`../../../../examples/${name}/bundle.yaml`, import.meta.url), 'utf8');
  const compiled = compileBundle(loadBundle(text, { fileName: 'bundle.yaml' }));

  it('prints the same text as the Node generator', async () => {
    const input = typeSchemasOf(compiled);
    const [browser, node] = await Promise.all([generateBundleTypes(input), generateTypes(input)]);
    expect(browser).toContain('export interface');
    expect(node).not.toContain('This interface was referenced by');
    expect(browser).toBe(node);
  });
});
