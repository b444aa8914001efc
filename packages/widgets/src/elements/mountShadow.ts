import type { Lang } from '@onething/engine/runtime';

/**
 * Give a custom element an open shadow root with our constructed stylesheets (allowed by
 * `style-src 'self'`; the host's CSS stays out) and a `<div part=…>` to render into.
 */
export function mountShadow(host: HTMLElement, part: string, sheets: CSSStyleSheet[]): HTMLDivElement {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  const mount = document.createElement('div');
  mount.setAttribute('part', part);
  root.append(mount);
  return mount;
}

/** The element's language from its `lang` attribute: `en`, else zh-CN. */
export function langOf(host: Element): Lang {
  return host.getAttribute('lang') === 'en' ? 'en' : 'zh-CN';
}
