// `npm run bench:playground` (issue #5): the playground's production build in headless Debian Chromium,
// under its strict CSP. Prints, with baselines measured in the same run:
//  - edit → preview updated for the business-startup bundle (one typed character in a field label until
//    the new label is on screen in the preview), against the same edit on the smallest template bundle;
//  - first load to an interactive editor (cold cache), against a blank page from the same server;
//  - the JavaScript the first page load fetches, gzipped.
// Results go to BENCHMARKS.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { PLAYGROUND_CSP } from '../packages/playground/csp.js';

const root = new URL('../', import.meta.url).pathname;
const dist = join(root, 'packages/playground/dist');
const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath))
  throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium`);
if (!existsSync(join(dist, 'index.html')))
  throw new Error('no packages/playground/dist: run `npm run build`');

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p90 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const ms = (x) => `${x.toFixed(1)} ms`;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (path === '/blank.html') {
    response.writeHead(200, { 'content-type': TYPES['.html'], 'content-security-policy': PLAYGROUND_CSP });
    response.end('<!doctype html><title>blank</title><p>blank</p>');
    return;
  }
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file)) return response.writeHead(404).end();
  const ext = file.slice(file.lastIndexOf('.'));
  response.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-security-policy': PLAYGROUND_CSP,
  });
  response.end(readFileSync(file));
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

/** Open the app on a fresh context; resolves when the editor shows the first analysis. */
async function open() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  const started = Date.now();
  await page.goto(`${base}/index.html`);
  await page.locator('.cm-content').waitFor();
  await page.waitForFunction(() => document.querySelector('.pg-statusbar')?.getAttribute('data-analysis-ms'));
  const interactive = Date.now() - started;
  return { context, page, interactive, scripts };
}

/** Open an example from the toolbar and wait for its preview. */
async function openExample(page, id, expected) {
  await page.getByRole('combobox', { name: /打开示例|Open example/ }).selectOption(id);
  await page.waitForFunction(
    (text) => document.querySelector('onething-form')?.shadowRoot?.textContent?.includes(text),
    expected,
    { timeout: 30_000 },
  );
}

/** Time one typed character in the editor until `expected` shows in the preview (measured in the page). */
async function timeEdits(page, source, anchor, count) {
  // The cursor after `anchor`, by keyboard: Ctrl-Home, Arrow-Down to its line, End, Arrow-Left.
  const offset = source.indexOf(anchor) + anchor.length;
  const line = source.slice(0, offset).split('\n').length - 1;
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < source.indexOf('\n', offset) - offset; i++) await page.keyboard.press('ArrowLeft');
  const times = [];
  let suffix = '';
  for (let i = 0; i < count; i++) {
    // A Latin letter: Chromium sends it as a real keydown + input, which the page-side timer starts on.
    const char = 'abcdefghijklmnopqrstuvwxyz'[i % 26];
    suffix += char;
    const expected = anchor.replace(/^zh-CN: /, '') + suffix;
    const done = page.evaluate(
      (text) =>
        new Promise((resolve) => {
          const form = document.querySelector('onething-form');
          let t0;
          document.addEventListener('keydown', () => (t0 ??= performance.now()), {
            capture: true,
            once: true,
          });
          const check = () => {
            if (t0 !== undefined && form.shadowRoot.textContent.includes(text)) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(form.shadowRoot, { subtree: true, childList: true, characterData: true });
        }),
      expected,
    );
    await page.waitForTimeout(20);
    await page.keyboard.type(char);
    times.push(await done);
    await page.waitForTimeout(150);
  }
  return times;
}

// First loads (cold: a new context each time), and the blank page floor.
const loads = [];
const blanks = [];
let initialScripts = [];
for (let i = 0; i < LOADS; i++) {
  const { context, interactive, scripts } = await open();
  loads.push(interactive);
  initialScripts = scripts;
  await context.close();
  const blankContext = await browser.newContext();
  const blank = await blankContext.newPage();
  const started = Date.now();
  await blank.goto(`${base}/blank.html`);
  blanks.push(Date.now() - started);
  await blankContext.close();
}
let gzip = 0;
for (const path of new Set(initialScripts)) gzip += gzipSync(readFileSync(join(dist, path))).length;

// Edit → preview: business-startup against the minimal template.
const { context, page } = await open();
await openExample(page, 'business-startup', '企业名称');
const startup = await timeEdits(
  page,
  readFileSync(join(root, 'examples/business-startup/bundle.yaml'), 'utf8'),
  'zh-CN: 企业名称',
  EDITS,
);
// The analysis alone (load + check + merge + compile) of the last edit, as the status bar reports it.
const startupAnalysis = Number(await page.locator('.pg-statusbar').getAttribute('data-analysis-ms'));
// Baseline in the same run: the same edit on the smallest template (4 fields, 2 departments).
await page
  .getByRole('combobox', { name: /从模板新建|New from template/ })
  .selectOption('blank-two-departments');
await page.waitForFunction(
  () => document.querySelector('onething-form')?.shadowRoot?.textContent?.includes('公民身份号码'),
  null,
  { timeout: 30_000 },
);
const small = await timeEdits(
  page,
  readFileSync(join(root, 'packages/playground/src/templates/blank-two-departments.yaml'), 'utf8'),
  'zh-CN: 姓名',
  EDITS,
);
const analysis = Number(await page.locator('.pg-statusbar').getAttribute('data-analysis-ms'));
await context.close();

console.log('\nplayground (production build, strict CSP, headless Chromium)');
console.log(
  `edit → preview updated, business-startup (${EDITS} edits): median ${ms(median(startup))}, p90 ${ms(p90(startup))} (target ≤ 150 ms); ` +
    `of which the analysis ${ms(startupAnalysis)}; same edit on the smallest template ${ms(median(small))} (×${(median(startup) / median(small)).toFixed(2)}); its analysis alone ${ms(analysis)}`,
);
console.log(
  `first load → interactive editor (${LOADS} cold loads): median ${ms(median(loads))}; blank page from the same server ${ms(median(blanks))} (×${(median(loads) / median(blanks)).toFixed(1)})`,
);
console.log(`initial page JS: ${new Set(initialScripts).size} files, ${(gzip / 1024).toFixed(1)} KB gzipped`);
await browser.close();
server.close();
