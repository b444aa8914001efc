// `npm run bench`: the figures issue #2 asks for, each next to a baseline measured in the same run.
// Results are recorded in BENCHMARKS.md. Medians of many runs; the machine is shared, so read ratios.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  loadBundle,
  compileBundle,
  createFormState,
  validateApplication,
  hydrateBundle,
} from '@onething/engine';
import { compileBundleModule, compileStandalone } from '@onething/engine/node';
import { generateBundle } from './generateBundle.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function time(fn, { runs, inner = 1 }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < inner; j++) fn(j);
    samples.push((performance.now() - t0) / inner);
  }
  return median(samples);
}
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const fmtUs = (ms) => `${(ms * 1000).toFixed(1)} µs`;

const shapes = {
  large: generateBundle({ items: 5, perItem: 400, rules: 300 }),
  small: generateBundle({ items: 5, perItem: 34, rules: 25 }),
};

const results = {};
const tmp = new URL('../packages/engine/.tmp-bench/', import.meta.url);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
try {
  for (const [name, { bundle, data }] of Object.entries(shapes)) {
    const text = JSON.stringify(bundle);
    const loaded = loadBundle(text, { fileName: 'bench.json' });
    if (!loaded.ok) {
      console.error(loaded.diagnostics.filter((d) => d.severity === 'error').slice(0, 5));
      throw new Error(`${name} bench bundle does not load`);
    }
    const compiled = compileBundle(loaded);
    const fields = Object.keys(compiled.form.fields).length;
    const rules = compiled.rules.rules.length;

    // 1. compile = load (parse + schema + checks + merge + rules) + validators. Three ways:
    //    validators precompiled by `onething compile` (what a CSP page or a server loads), compiled by ajv
    //    now (eager), or compiled on first use of each field (the default). And the browser runtime's
    //    way: hydrate the module `onething compile` writes (no loading, no merge, no type checks).
    const runs = name === 'large' ? 15 : 40;
    const moduleFile = new URL(`bundle-${name}.mjs`, tmp);
    writeFileSync(moduleFile, compileBundleModule(compiled).source);
    const validators = await import(moduleFile.href);
    // The baseline: one bare precompiled ajv validator of the whole merged schema.
    const bareFile = new URL(`bare-${name}.mjs`, tmp);
    writeFileSync(bareFile, compileStandalone({ merged: compiled.constraintSchema }));
    const { merged: bare } = await import(bareFile.href);
    const load = () => loadBundle(text, { fileName: 'bench.json' });
    const compilePrecompiledMs = time(() => compileBundle(load(), { validators }), { runs });
    const hydrateMs = time(() => hydrateBundle(validators).constraints.warmUp(), { runs });
    const compileEagerMs = time(() => compileBundle(load(), { eager: true }), { runs: Math.ceil(runs / 3) });
    const compileLazyMs = time(() => compileBundle(load()), { runs });

    // 2. setValue on a field with few dependent rules
    const state = createFormState(compiled, { initialValues: data, today: () => '2026-11-27' });
    const target = Object.keys(compiled.rules.readersOf)
      .filter((k) => compiled.form.fields[k]?.definition.type === 'integer')
      .find(
        (k) =>
          (compiled.rules.readersOf[k] ?? []).length >= 2 && (compiled.rules.readersOf[k] ?? []).length <= 5,
      );
    const readers = compiled.rules.readersOf[target].length;
    const setValueMs = time((j) => state.setValue(target, (j % 50) + 1), { runs: 200, inner: 50 });

    // 3. full validation vs a bare precompiled ajv validator of the same merged schema (the same function)
    if (!bare(data)) throw new Error(`${name}: bench data is invalid for the bare validator`);
    const precompiled = compileBundle(loaded, { validators });
    const check = validateApplication(precompiled, data, {
      today: () => '2026-11-27',
      checkMaterials: false,
    });
    if (!check.ok) throw new Error(`${name}: bench data is invalid: ${check.diagnostics[0]?.message}`);
    const vruns = name === 'large' ? 60 : 200;
    const bareMs = time(() => bare(data), { runs: vruns, inner: 20 });
    const fullMs = time(
      () => validateApplication(precompiled, data, { today: () => '2026-11-27', checkMaterials: false }),
      { runs: vruns, inner: 5 },
    );
    const compileMs = compileEagerMs;
    results[name] = {
      fields,
      rules,
      compileMs,
      compilePrecompiledMs,
      hydrateMs,
      compileLazyMs,
      target,
      readers,
      setValueMs,
      bareMs,
      fullMs,
    };
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const { large, small } = results;
const row = (cells) => `| ${cells.join(' | ')} |`;
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}, \`npm run bench\``);
console.log('');
console.log(
  row([
    'bundle',
    'merged fields',
    'rules',
    'compile (validators precompiled)',
    'hydrate bundle.js (runtime)',
    'compile (ajv, eager)',
    'compile (lazy validators)',
    'setValue (rules re-run)',
    'full validation',
    'bare ajv (baseline)',
    'full / bare',
  ]),
);
console.log(row(Array(11).fill('---')));
for (const [n, r] of Object.entries(results)) {
  console.log(
    row([
      n,
      r.fields,
      r.rules,
      fmtMs(r.compilePrecompiledMs),
      fmtMs(r.hydrateMs),
      fmtMs(r.compileMs),
      fmtMs(r.compileLazyMs),
      `${fmtUs(r.setValueMs)} (${r.readers})`,
      fmtUs(r.fullMs),
      fmtUs(r.bareMs),
      `${(r.fullMs / r.bareMs).toFixed(2)}×`,
    ]),
  );
}
console.log('');
console.log(
  `compile, large (validators precompiled / ajv eager): ${fmtMs(large.compilePrecompiledMs)} / ${fmtMs(large.compileMs)}   target ≤ 200 ms`,
);
console.log(
  `setValue, large:                                     ${fmtUs(large.setValueMs)}   target ≤ 50 µs`,
);
console.log(
  `setValue, large / small:                             ${(large.setValueMs / small.setValueMs).toFixed(2)}×   target ≤ 1.5×`,
);
console.log(
  `full validation / bare ajv, large:                   ${(large.fullMs / large.bareMs).toFixed(2)}×   target ≤ 2×`,
);
