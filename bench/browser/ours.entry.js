// The page for "ours": <onething-form> with the flat bundle as `onething compile` writes it (artifact and
// precompiled validators), under a strict CSP. It records its own timings in window.metrics; run.mjs
// drives the keyboard.
import { defineOnethingForm } from '@onething/widgets';
import * as module from './module.js';

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
  let t0 = 0;
  let waitingFor = '';
  window.addEventListener(
    'keydown',
    (e) => {
      const id = e.composedPath()[0]?.id ?? '';
      const m = /-f(\d+)$/.exec(id);
      if (!m) return;
      waitingFor = `f${Number(m[1]) + 4}`;
      t0 = performance.now();
    },
    true,
  );
  window.addEventListener(
    'click',
    (e) => {
      if (e.composedPath()[0]?.type === 'submit') {
        t0 = performance.now();
        waitingFor = 'summary';
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (!waitingFor) return;
    if (
      waitingFor === 'summary'
        ? root.querySelector('.ot-summary')
        : root.querySelector(`[data-field="${waitingFor}"]`)
    ) {
      window.metrics[waitingFor === 'summary' ? 'submit' : 'keydown'].push(performance.now() - t0);
      waitingFor = '';
    }
  }).observe(root, { childList: true, subtree: true });
}
