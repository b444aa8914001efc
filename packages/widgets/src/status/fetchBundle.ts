import { loadBundle, type Bundle, type Lang } from '@onething/engine';

/**
 * Fetch a YAML/JSON bundle from `url` and read it with the engine's `loadBundle`. The status and rating
 * elements only need its names, so a bundle with semantic errors still serves; one that fails the
 * schema throws with the first error.
 */
export async function fetchBundle(
  url: string,
  lang: Lang,
  fetcher: (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>,
): Promise<Bundle> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return bundleOf(await response.text(), lang);
}

/** A bundle from its text or object, through `loadBundle`; throws with the first error when unusable. */
export function bundleOf(source: string | Bundle, lang: Lang): Bundle {
  const loaded = loadBundle(source, { lang });
  if (loaded.bundle) return loaded.bundle;
  const first = loaded.diagnostics.find((d) => d.severity === 'error');
  throw new Error(first ? first.message : 'not a bundle');
}

/**
 * The bundle an element shows: the one set as a property, else the one at its `bundle` attribute
 * (resolved against the page), else none yet.
 */
export function elementBundle(
  source: string | Bundle | undefined,
  url: string | null,
  lang: Lang,
): Promise<Bundle | undefined> {
  if (source !== undefined) return Promise.resolve(bundleOf(source, lang));
  if (!url) return Promise.resolve(undefined);
  return fetchBundle(new URL(url, document.baseURI).href, lang, (u) => fetch(u));
}
