import { parseRegionData, type RegionTree } from './parseRegionData.js';

/**
 * Where the region data is unless the host says otherwise: `data/regions.json` of the widgets package,
 * one level above the built module (`dist/embed.js`, `dist/index.js`), so a bundler that understands
 * `new URL(…, import.meta.url)` copies it as an asset.
 */
export function defaultRegionDataUrl(): string {
  return new URL('../data/regions.json', import.meta.url).href;
}

const loads = new Map<string, Promise<RegionTree>>();

/**
 * Fetch and decode the region data at `url`, once per page: every region control of every form shares
 * the request. A failed load is forgotten, so a control mounted later tries again.
 *
 * @example
 * const tree = await loadRegionData(defaultRegionDataUrl());
 */
export function loadRegionData(url: string, fetcher: typeof fetch = fetch): Promise<RegionTree> {
  let load = loads.get(url);
  if (!load) {
    load = fetcher(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return parseRegionData(await response.json());
    });
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}
