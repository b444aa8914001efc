import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/loadBundle.js';
import { OnethingError } from '../diagnostics/OnethingError.js';
import { compileBundle } from './compileBundle.js';
import { checkBundleModule, hydrateBundle, type BundleModule } from './hydrateBundle.js';
import { toCompiledArtifact } from './toCompiledArtifact.js';

const text = readFileSync(join(__dirname, '../../../../examples/newborn/bundle.yaml'), 'utf8');
const compiled = compileBundle(loadBundle(text));
/** A module as `onething compile` writes it, with stand-in validators that accept everything. */
function moduleOf(): BundleModule {
  const artifact = JSON.parse(JSON.stringify(toCompiledArtifact(compiled))) as BundleModule['artifact'];
  const pass = Object.assign(() => true, { errors: null });
  return {
    artifact,
    fields: Object.fromEntries(Object.keys(compiled.form.fields).map((k) => [k, pass])),
    items: Object.fromEntries(Object.keys(artifact.itemSchemas).map((id) => [id, pass])),
  };
}

describe('hydrateBundle', () => {
  it('rebuilds the merged form, rules and order from JSON, definitions shared with the bundle', () => {
    const module = moduleOf();
    expect(Object.values(module.artifact.form.fields).every((f) => f.definition === undefined)).toBe(true);
    const again = hydrateBundle(module);
    expect(again.form.fields).toEqual(JSON.parse(JSON.stringify(compiled.form.fields)));
    expect(again.rules.rules.map((r) => r.id)).toEqual(compiled.rules.rules.map((r) => r.id));
    expect(again.rules.readersOf).toEqual(compiled.rules.readersOf);
    expect(again.rules.computedOrder).toEqual(compiled.rules.computedOrder);
    const rule = again.rules.rules.find((r) => r.kind === 'computed')!;
    expect(typeof rule.evaluate).toBe('function');
  });

  it.each([
    ['no artifact', (m: BundleModule) => ({ ...m, artifact: undefined }), '/artifact'],
    [
      'another version',
      (m: BundleModule) => ({ ...m, artifact: { ...m.artifact, version: 99 } }),
      '/artifact/version',
    ],
    ['a missing field validator', (m: BundleModule) => ({ ...m, fields: {} }), '/fields'],
    [
      'a field without a definition anywhere',
      (m: BundleModule) => ({
        ...m,
        artifact: { ...m.artifact, bundle: { ...m.artifact.bundle, fields: {} } },
      }),
      '/artifact/form/fields',
    ],
  ])('refuses a module with %s (BUNDLE_MODULE_INVALID at %s)', (_name, spoil, path) => {
    const bad = spoil(moduleOf()) as unknown as BundleModule;
    const diagnostics = checkBundleModule(bad);
    expect(diagnostics.map((d) => [d.code, d.path])).toContainEqual(['BUNDLE_MODULE_INVALID', path]);
    expect(() => hydrateBundle(bad)).toThrow(OnethingError);
  });

  it('reports a rule that does not parse instead of throwing a CEL error', () => {
    const module = moduleOf();
    module.artifact.rules[0] = { ...module.artifact.rules[0]!, expr: 'a +* b' };
    try {
      hydrateBundle(module);
      expect.unreachable();
    } catch (error) {
      expect((error as OnethingError).diagnostics[0]!.path).toBe('/artifact/rules');
    }
  });
});
