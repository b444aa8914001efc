/** The status and rating views, loaded on demand (see `statusViews.ts`). */
export type StatusViews = typeof import('./statusViews.js');

let pending: Promise<StatusViews> | undefined;

/** Load the views once for every element on the page; a failed load may be retried. */
export function loadStatusViews(): Promise<StatusViews> {
  pending ??= import('./statusViews.js').catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

const adopted = new WeakSet<ShadowRoot>();

/** The views, with their stylesheet adopted once by this shadow root. */
export async function viewsFor(root: ShadowRoot): Promise<StatusViews> {
  const views = await loadStatusViews();
  if (!adopted.has(root)) {
    adopted.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, views.statusStyleSheet()];
  }
  return views;
}

/**
 * The element's own message line (loading, or a load error as an alert), written as plain text
 * outside the views' container: each preact copy renders only into its own nodes.
 */
export function showMessage(line: HTMLElement, text: string | undefined, alert = false): void {
  line.hidden = text === undefined;
  line.className = alert ? 'ot-load-error' : 'ot-loading';
  if (alert) {
    line.setAttribute('role', 'alert');
    line.removeAttribute('aria-live');
  } else {
    line.removeAttribute('role');
    line.setAttribute('aria-live', 'polite');
  }
  line.textContent = text ?? '';
}

/** A message line and a views container inside an element's mount. */
export function splitMount(mount: HTMLElement): { line: HTMLParagraphElement; view: HTMLDivElement } {
  const line = document.createElement('p');
  const view = document.createElement('div');
  mount.append(line, view);
  return { line, view };
}
