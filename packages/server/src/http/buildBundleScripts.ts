import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compileBundleModule } from '@onething/engine/node';
import type { BundleRegistry } from '../bundles/loadBundles.js';

/** A bundle compiled for the widgets, ready for a browser: one self-contained ES module. */
export interface BundleScript {
  code: string;
  /** Strong ETag of `code`. */
  etag: string;
}

/** Where the generated module's imports (`@onething/engine/formats`, ajv's runtime) resolve from. */
const engineDir = dirname(fileURLToPath(import.meta.resolve('@onething/engine/package.json')));

/**
 * Compile each bundle once (`compileBundleModule`: the checked artifact and precompiled
 * validators, the module `onething compile` writes) and bundle it with its imports (the engine's
 * formats, ajv's runtime helpers) into one browser module, so `<onething-form
 * bundle="/api/bundles/<id>/bundle.js">` loads it with no import map and no `eval`.
 *
 * @example
 * const scripts = await buildBundleScripts(bundles);
 * scripts.get('newborn')?.etag; // '"9f2c…"'
 */
export async function buildBundleScripts(bundles: BundleRegistry): Promise<Map<string, BundleScript>> {
  const scripts = new Map<string, BundleScript>();
  for (const served of bundles.list()) {
    const { source } = compileBundleModule(served.compiled);
    const result = await build({
      stdin: { contents: source, resolveDir: engineDir, sourcefile: `${served.id}.bundle.js`, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const etag = `"${createHash('sha256').update(code).digest('base64url').slice(0, 32)}"`;
    scripts.set(served.id, { code, etag });
  }
  return scripts;
}
