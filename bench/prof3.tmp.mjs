import { loadBundle, compileBundle, validateApplication } from '@onething/engine';
import { generateBundle } from '/work/main/bench/generateBundle.mjs';
const { bundle, data } = generateBundle({ items: 5, perItem: 400, rules: 300 });
const text = JSON.stringify(bundle);
const mode = process.argv[2];
const loaded = loadBundle(text, { fileName: 'b.json' });
const compiled = compileBundle(loaded, { eager: true });
validateApplication(compiled, data, { today: () => '2026-11-27', checkMaterials: false });
const t = performance.now();
for (let i = 0; i < 20; i++) {
  if (mode === 'load') loadBundle(text, { fileName: 'b.json' });
  else validateApplication(compiled, data, { today: () => '2026-11-27', checkMaterials: false });
}
console.log(mode, (performance.now() - t) / 20);
