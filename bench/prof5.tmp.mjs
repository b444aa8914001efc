import { loadBundle, compileBundle, createFormState } from '@onething/engine';
import { generateBundle } from '/work/main/bench/generateBundle.mjs';
const { bundle, data } = generateBundle({ items: 5, perItem: 400, rules: 300 });
const compiled = compileBundle(loadBundle(bundle), { eager: true });
const today = () => '2026-11-27';
for (let i = 0; i < 300; i++) createFormState(compiled, { initialValues: data, today });
