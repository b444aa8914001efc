import { loadBundle, createAjv } from '@onething/engine';
import { generateBundle } from '/work/main/bench/generateBundle.mjs';
const { bundle, data } = generateBundle({ items: 5, perItem: 400, rules: 300 });
const loaded = loadBundle(bundle);
const { required, ...schema } = loaded.form.schema;
for (const opt of [{}, { optimize: false }]) {
  let t = performance.now();
  const ajv = createAjv({ code: opt });
  const v = ajv.compile(schema);
  console.log(JSON.stringify(opt), 'compile', (performance.now() - t).toFixed(1));
  t = performance.now(); for (let i = 0; i < 200; i++) v(data); console.log('validate µs', ((performance.now() - t) / 200 * 1000).toFixed(1));
  t = performance.now();
  const ajv2 = createAjv({ code: opt });
  for (const [k, s] of Object.entries(schema.properties)) ajv2.compile(s);
  console.log('per-field compile all', (performance.now() - t).toFixed(1));
}
