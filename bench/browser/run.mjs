// `npm run bench:browser` (issue #4): the merged form in headless Debian Chromium, under a strict CSP,
// on a flat generated form of N fields (bench/browser/flatBundle.mjs), against a hand-written
// plain-DOM floor measured in the same run. Prints medians; results go to BENCHMARKS.md.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { compileBundle, loadBundle } from '@onething/engine';
import { compileBundleModule } from '@onething/engine/node';
import { flatBundle } from './flatBundle.mjs';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;
const tmp = join(root, 'packages/engine/.tmp-bench-browser');
const SIZES = (process.env.BENCH_SIZES ?? '100,500,2000').split(',').map(Number);
const KEYDOWNS = 15;
const CSP = "script-src 'self'; style-src 'self'";
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath))
  throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

rmSync(tmp, { recursive: true, force: true });
const sizes = {};
const authoringApart = {
  name: 'authoring-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/authoring(-[\w-]+)?\.js$/ }, () => ({
      path: './embed-authoring.js',
      external: true,
    }));
  },
};
for (const n of SIZES) {
  const dir = join(tmp, String(n));
  mkdirSync(dir, { recursive: true });
  const bundle = flatBundle(n);
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
  // What `onething compile` writes: the artifact and the precompiled validators in one module; and the
  // same module without the artifact, to weigh the generated validator code on its own.
  const { source, stats } = compileBundleModule(compileBundle(loadBundle(bundle)));
  writeFileSync(join(dir, 'module.js'), source);
  writeFileSync(join(dir, 'validators.js'), source.slice(0, source.indexOf('\nexport const artifact')));
  const local = {
    name: 'bench-local',
    setup(b) {
      b.onResolve({ filter: /^\.\/(module\.js|bundle\.json)$/ }, (args) => ({
        path: join(dir, args.path.slice(2)),
      }));
    },
  };
  for (const page of ['ours', 'floor']) {
    await build({
      entryPoints: [join(here, `${page}.entry.js`)],
      outfile: join(dir, `${page}.js`),
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      logLevel: 'error',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      // As in dist/embed.js: the authoring half (loader, ajv) stays out; compiled modules never load it.
      plugins: [local, authoringApart],
    });
    writeFileSync(
      join(dir, `${page}.html`),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
        `<script type="module" src="${page}.js"></script></head><body></body></html>`,
    );
  }
  // The per-bundle generated code (validators with their helpers), as a page would load it, with and
  // without the artifact (the bundle as JSON).
  const alone = async (file) =>
    gzipSync(
      (
        await build({
          entryPoints: [join(dir, file)],
          bundle: true,
          format: 'esm',
          minify: true,
          write: false,
          logLevel: 'error',
        })
      ).outputFiles[0].contents,
    ).length;
  sizes[n] = {
    page: gzipSync(readFileSync(join(dir, 'ours.js'))).length,
    floor: gzipSync(readFileSync(join(dir, 'floor.js'))).length,
    validators: await alone('validators.js'),
    module: await alone('module.js'),
    distinct: stats.fieldValidators,
  };
}

const server = createServer((request, response) => {
  const file = join(tmp, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(tmp) || !existsSync(file)) return void response.writeHead(404).end();
  const type = extname(file) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8';
  response.writeHead(200, { 'content-type': type, 'content-security-policy': CSP }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function measure(n, page) {
  const tab = await browser.newPage();
  const problems = [];
  tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.goto(`${base}/${n}/${page}.html`);
  await tab.waitForFunction(() => window.metrics?.firstRender !== undefined, null, { timeout: 120_000 });
  const prefix = page === 'ours' ? '' : 'x-';
  for (let g = 0; g < KEYDOWNS; g++) {
    const key = `f${(g * 5) % n}`;
    await tab.evaluate(
      ({ key, prefix }) => {
        const form = document.querySelector('onething-form');
        const scope = form ? form.shadowRoot : document;
        const input = prefix
          ? scope.getElementById(`${prefix}${key}`)
          : scope.querySelector(`[data-field="${key}"] input`);
        input.focus();
      },
      { key, prefix },
    );
    await tab.keyboard.press('a');
    await tab.waitForFunction((count) => window.metrics.keydown.length >= count, g + 1, { timeout: 30_000 });
  }
  const submit = tab.locator(page === 'ours' ? 'onething-form button[type=submit]' : 'button[type=submit]');
  await submit.click();
  await tab.waitForFunction(() => window.metrics.submit.length >= 1, null, { timeout: 30_000 });
  const metrics = await tab.evaluate(() => window.metrics);
  await tab.close();
  return {
    firstRender: metrics.firstRender,
    keydown: median(metrics.keydown),
    submit: metrics.submit[0],
    problems,
  };
}

const results = {};
for (const n of SIZES) {
  const runs = { ours: [], floor: [] };
  for (let r = 0; r < 3; r++) for (const page of ['floor', 'ours']) runs[page].push(await measure(n, page));
  const pick = (page, k) => median(runs[page].map((x) => x[k]));
  results[n] = {
    ours: {
      firstRender: pick('ours', 'firstRender'),
      keydown: pick('ours', 'keydown'),
      submit: pick('ours', 'submit'),
    },
    floor: {
      firstRender: pick('floor', 'firstRender'),
      keydown: pick('floor', 'keydown'),
      submit: pick('floor', 'submit'),
    },
    problems: [...new Set([...runs.ours, ...runs.floor].flatMap((x) => x.problems))],
  };
}
await browser.close();
server.close();
if (!process.env.BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`\n## Widgets in Chromium (issue #4), strict CSP, medians of 3 loads × ${KEYDOWNS} keydowns\n`);
console.log(
  '| fields | keydown → dependent shown | floor | ratio | first render | floor | ratio | validation on submit | floor | page JS gzip | validators gzip (distinct) | bundle module gzip (validators + artifact) | console errors |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const n of SIZES) {
  const { ours, floor, problems } = results[n];
  const s = sizes[n];
  console.log(
    `| ${n} | ${ms(ours.keydown)} | ${ms(floor.keydown)} | ${(ours.keydown / floor.keydown).toFixed(2)}× | ${ms(ours.firstRender)} | ${ms(floor.firstRender)} | ${(ours.firstRender / floor.firstRender).toFixed(2)}× | ${ms(ours.submit)} | ${ms(floor.submit)} | ${kb(s.page)} (floor ${kb(s.floor)}) | ${kb(s.validators)} (${s.distinct}) | ${kb(s.module)} | ${problems.length} |`,
  );
}
const big = results[SIZES.at(-1)];
const small = results[SIZES[0]];
console.log(
  `\nkeydown at ${SIZES.at(-1)} / at ${SIZES[0]}: ${(big.ours.keydown / small.ours.keydown).toFixed(2)}×`,
);
for (const n of SIZES)
  if (results[n].problems.length) console.log(`${n}: ${results[n].problems.join(' | ')}`);
