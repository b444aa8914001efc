// The page for "ours": <onething-form> with the flat bundle as `onething compile` writes it (artifact and
// precompiled validators), under a strict CSP. It records its own timings in window.metrics; run.mjs
// drives the keyboard.
import { defineOnethingForm } from '@onething/widgets';
import * as module from './module.js';
import { whenShown } from './whenShown.js';

window.metrics = { keydown: [], submit: [] };
defineOnethingForm();
const el = document.createElement('onething-form');
el.setAttribute('no-draft', '');
el.setAttribute('mode', 'sections');
document.body.append(el);
const start = performance.now();
el.addEventListener('onething-ready', () => {
  requestAnimationFrame(() => setTimeout(() => (window.metrics.firstRender = performance.now() - start)));
});
el.bundle = module;
watch(el.shadowRoot);

function watch(root) {
  // From the keydown (or the submit click) to the dependent field (or the error summary) laid out.
  const measure = (kind, find) => {
    const t0 = performance.now();
    stop?.();
    stop = whenShown(root, find, (t) => window.metrics[kind].push(t - t0));
  };
  let stop;
  window.addEventListener(
    'keydown',
    (e) => {
      const id = e.composedPath()[0]?.id ?? '';
      const m = /-f(\d+)$/.exec(id);
      if (!m) return;
      const key = `f${Number(m[1]) + 4}`;
      measure('keydown', () => root.querySelector(`[data-field="${key}"]`));
    },
    true,
  );
  window.addEventListener(
    'click',
    (e) => {
      if (e.composedPath()[0]?.type === 'submit') measure('submit', () => root.querySelector('.ot-summary'));
    },
    true,
  );
}
