import type { Bundle, Lang } from '@onething/engine/runtime';
import {
  fetchText,
  importModule,
  isBundleModule,
  isCompiledBundle,
  isModuleUrl,
  loadAuthoring,
  type BundleInput,
} from '../elements/bundleSource.js';

/**
 * The bundle an element shows: the one set as a property, else the one at its `bundle` attribute
 * (resolved against the page), else none yet. A compiled module (`bundle.js`) gives its bundle as is;
 * source text is read with the engine's loader, loaded on demand. The status and rating elements only
 * need its names, so a bundle with semantic errors still serves; one that fails the schema throws.
 */
export async function elementBundle(
  source: BundleInput | undefined,
  url: string | null,
  lang: Lang,
): Promise<Bundle | undefined> {
  if (source !== undefined) return bundleOf(source, lang);
  if (!url) return undefined;
  if (isModuleUrl(url)) return bundleOf((await importModule(url)) as BundleInput, lang);
  return bundleOf(await fetchText(url), lang);
}

async function bundleOf(source: BundleInput, lang: Lang): Promise<Bundle> {
  if (isCompiledBundle(source)) return source.bundle;
  if (isBundleModule(source)) {
    if (!source.artifact?.bundle) throw new Error('not a compiled bundle module');
    return source.artifact.bundle;
  }
  const { readBundle } = await loadAuthoring();
  return readBundle(source as string | Record<string, unknown>, lang);
}
