import type { Bundle, BundleModule, CompiledBundle } from '@onething/engine/runtime';

/**
 * What an element's `bundle` can be: the module `onething compile` writes, a bundle already compiled
 * in the page (`compileBundle`, e.g. by an authoring tool with its own validators), a bundle, its text
 * or a URL.
 */
export type BundleInput = BundleModule | CompiledBundle | Bundle | string;

/** The authoring half of the engine, loaded on demand (see `authoring.ts`). */
export const loadAuthoring = (): Promise<typeof import('./authoring.js')> => import('./authoring.js');

/** Whether a value is a compiled bundle module (it has the `artifact` export). */
export function isBundleModule(value: unknown): value is BundleModule {
  return typeof value === 'object' && value !== null && 'artifact' in value;
}

/** Whether a value is a compiled bundle (`compileBundle`'s result: merged form, rules and checks). */
export function isCompiledBundle(value: unknown): value is CompiledBundle {
  return (
    typeof value === 'object' &&
    value !== null &&
    'constraints' in value &&
    'form' in value &&
    'index' in value &&
    'bundle' in value
  );
}

/** Whether a URL names a JavaScript module (a compiled bundle) rather than YAML/JSON text. */
export function isModuleUrl(url: string): boolean {
  return /\.m?js(?:[?#].*)?$/i.test(url);
}

/** Import an ES module by URL, resolved against the page. */
export function importModule(url: string): Promise<unknown> {
  return import(/* @vite-ignore */ new URL(url, document.baseURI).href);
}

/** Fetch text by URL, resolved against the page; throws with the HTTP status when not ok. */
export async function fetchText(url: string): Promise<string> {
  const response = await fetch(new URL(url, document.baseURI));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}
