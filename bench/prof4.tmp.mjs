import { loadBundle, compileBundle, createFormState } from '@onething/engine';
import { generateBundle } from '/work/main/bench/generateBundle.mjs';
const { bundle, data } = generateBundle({ items: 5, perItem: 400, rules: 300 });
const compiled = compileBundle(loadBundle(bundle), { eager: true });
const today = () => '2026-11-27';
for (let i = 0; i < 5; i++) createFormState(compiled, { initialValues: data, today }).validate();
const N = 20; const acc = { create: 0, validate: 0, values: 0, payloads: 0, fields: 0 };
for (let i = 0; i < N; i++) {
  let t = performance.now(); const s = createFormState(compiled, { initialValues: data, today }); acc.create += performance.now() - t;
  t = performance.now(); s.fields(); acc.fields += performance.now() - t;
  t = performance.now(); s.validate(); acc.validate += performance.now() - t;
  t = performance.now(); s.getValues(); acc.values += performance.now() - t;
  t = performance.now(); s.payloads(); acc.payloads += performance.now() - t;
}
for (const k in acc) console.log(k, (acc[k] / N).toFixed(2), 'ms');
