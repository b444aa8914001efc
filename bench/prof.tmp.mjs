import { loadBundle, compileBundle, validateApplication } from '@onething/engine';
import { generateBundle } from '/work/main/bench/generateBundle.mjs';
const { bundle, data } = generateBundle({ items: 5, perItem: 400, rules: 300 });
const text = JSON.stringify(bundle);
let t = performance.now();
const loaded = loadBundle(text, { fileName: 'b.json' });
console.log('load', performance.now() - t); t = performance.now();
const compiled = compileBundle(loaded);
console.log('compile', performance.now() - t); t = performance.now();
for (let i = 0; i < 3; i++) { validateApplication(compiled, data, { today: () => '2026-11-27', checkMaterials: false }); console.log('validate', performance.now() - t); t = performance.now(); }
