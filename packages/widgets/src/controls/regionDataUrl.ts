import { defaultRegionDataUrl } from './loadRegionData.js';

/**
 * The region data URL for a control's element: the registry option, else the `region-data` attribute of
 * the nearest element that has one (the `<onething-form>` host, across its shadow root), resolved
 * against the page, else the default next to the widgets module.
 */
export function regionDataUrl(element: Element, option: string | URL | undefined): string {
  if (option !== undefined) return new URL(option, document.baseURI).href;
  for (let node: Element | undefined = element; node;) {
    const holder = node.closest('[region-data]');
    if (holder) return new URL(holder.getAttribute('region-data')!, document.baseURI).href;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return defaultRegionDataUrl();
}
