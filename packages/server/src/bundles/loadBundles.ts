import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileBundle,
  createFlow,
  loadBundle,
  type CompiledBundle,
  type Diagnostic,
  type Flow,
} from '@onething/engine';

/** A bundle the server takes applications for. */
export interface ServedBundle {
  id: string;
  version: string;
  compiled: CompiledBundle;
  flow: Flow;
}

/** Bundles by id, and the files that could not be served (with their diagnostics). */
export interface BundleRegistry {
  get(id: string): ServedBundle | undefined;
  list(): ServedBundle[];
  problems: Array<{ file: string; diagnostics: Diagnostic[] }>;
}

/** `dir/*.yaml|json` and `dir/*\/bundle.yaml|json` (the layout of `examples/`). */
function bundleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const inner of ['bundle.yaml', 'bundle.yml', 'bundle.json'])
        if (statSync(join(path, inner), { throwIfNoEntry: false })?.isFile()) files.push(join(path, inner));
    } else if (/\.(ya?ml|json)$/.test(name)) files.push(path);
  }
  return files;
}

/**
 * Load, check and compile every bundle in `dir` (the same engine and the same validation as the
 * browser), each with its flow. Bundles with errors are left out and reported in `problems`; two
 * bundles with one id are a problem too (the first wins).
 */
export function loadBundles(dir: string): BundleRegistry {
  const served = new Map<string, ServedBundle>();
  const problems: BundleRegistry['problems'] = [];
  for (const file of bundleFiles(dir)) {
    const loaded = loadBundle(readFileSync(file, 'utf8'), { fileName: file });
    if (!loaded.ok || !loaded.bundle) {
      problems.push({ file, diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error') });
      continue;
    }
    if (served.has(loaded.bundle.id)) {
      problems.push({ file, diagnostics: [] });
      continue;
    }
    const compiled = compileBundle(loaded, { eager: true });
    served.set(loaded.bundle.id, {
      id: loaded.bundle.id,
      version: String(loaded.bundle.version),
      compiled,
      flow: createFlow(compiled),
    });
  }
  return { get: (id) => served.get(id), list: () => [...served.values()], problems };
}
