// Test page for generateBundleTypes.browser.test.ts: types the newborn example in the browser and
// puts the code (or the error) in <pre id="out">, with data-state="done" or "error".
import { compileBundle, loadBundle } from '@onething/engine';
import text from '../../../../../../examples/newborn/bundle.yaml?raw';
import { generateBundleTypes, typeSchemasOf } from '../../generateBundleTypes.js';

const out = document.getElementById('out')!;
generateBundleTypes(typeSchemasOf(compileBundle(loadBundle(text, { fileName: 'bundle.yaml' })))).then(
  (code) => {
    out.textContent = code;
    out.dataset.state = 'done';
  },
  (error: unknown) => {
    out.textContent = error instanceof Error ? (error.stack ?? error.message) : String(error);
    out.dataset.state = 'error';
  },
);
