// The simulator in a real Chromium under the playground's strict CSP (issue #5, point 4): a page built
// by Vite renders SimulatorView for examples/newborn; the user defers nothing, picks a 补正 for the
// police, submits, advances the clock, answers the correction, runs to the end and downloads the trace,
// which the engine then replays. Any CSP violation or page error fails the test.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { compileBundle, loadBundle, replayTrace } from '@onething/engine';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../engine/test/fixtures/chromium.js';
import { PLAYGROUND_CSP } from '../../csp.js';

const root = new URL('../../../../', import.meta.url).pathname;
const chromiumPath = findChromium();
const here = new URL('.', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let dir = '';

beforeAll(async () => {
  if (!chromiumPath) return;
  // Inside the repository, so that the page's imports resolve from its node_modules.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  dir = mkdtempSync(join(root, 'node_modules/.cache/onething-simview-'));
  const materials = JSON.parse(readFileSync(join(root, 'examples/newborn/scenarios/happy-path.json'), 'utf8'))
    .materials as unknown;
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><div id="app"></div><script type="module" src="./main.tsx"></script>',
  );
  writeFileSync(
    join(dir, 'main.tsx'),
    [
      `import { render } from 'preact';`,
      `import { hydrateBundle } from '@onething/engine';`,
      `import { SimulatorView } from '${here}SimulatorView.tsx';`,
      `import * as newborn from './newborn/bundle.js';`,
      `import data from '${root}examples/newborn/data/valid-complete.json';`,
      // Precompiled validators: ajv's run-time compiler needs eval, which the policy forbids.
      `const compiled = hydrateBundle(newborn);`,
      `render(<SimulatorView compiled={compiled} data={data} materials={${JSON.stringify(materials)}} lang="zh-CN" />, document.getElementById('app')!);`,
    ].join('\n'),
  );
  await promisify(execFile)(process.execPath, [
    join(root, 'packages/engine/bin/onething.js'),
    'compile',
    join(root, 'examples/newborn/bundle.yaml'),
    '--out',
    join(dir, 'newborn'),
  ]);
  await build({
    root: dir,
    base: './',
    mode: 'production',
    logLevel: 'error',
    configFile: false,
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', jsxDev: false },
    // The compiled module imports ajv's small runtime helpers: the engine's ajv 8, not the root's.
    resolve: { dedupe: ['preact'], alias: { ajv: join(root, 'packages/engine/node_modules/ajv') } },
    server: { fs: { allow: [root, dir] } },
    build: {
      outDir: join(dir, 'dist'),
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      minify: false,
    },
  });
  server = createServer((request, response) => {
    const asked = (request.url ?? '/').split('?')[0]!;
    if (asked === '/favicon.ico') return void response.writeHead(204).end();
    const path = asked === '/' ? '/index.html' : asked;
    try {
      const body = readFileSync(join(dir, 'dist', path));
      response.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': PLAYGROUND_CSP,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!chromiumPath)('SimulatorView in Chromium under the strict CSP', () => {
  it('simulates a 补正 round to completion and downloads a trace that replays', async () => {
    const page = await browser!.newPage({ acceptDownloads: true });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${base}/`);
    await page.getByLabel('出生登记（户口登记）', { exact: true }).selectOption('correction');
    await page.getByRole('button', { name: '提交申请' }).click();
    const status = page.locator('.sim-now');
    await expect.poll(() => status.textContent()).toContain('办理中');
    await page.getByLabel('推进的工作日数').fill('2');
    await page.getByRole('button', { name: /^推进 2/ }).click();
    const answer = page.getByRole('button', { name: '提交补正' });
    await expect.poll(() => answer.count()).toBe(1);
    await answer.click();
    await expect.poll(() => answer.count()).toBe(0);
    await page.getByRole('button', { name: '运行到办结' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('已办结');
    expect(await page.locator('.sim-state tbody tr').count()).toBe(9);
    expect(await page.getByText('已出证照').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载轨迹' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('newborn-SIM-1.jsonl');
    const file = await download.path();
    const trace = readFileSync(file, 'utf8');
    const compiled = compileBundle(
      loadBundle(readFileSync(join(root, 'examples/newborn/bundle.yaml'), 'utf8')),
    );
    expect(replayTrace(compiled, trace).ok).toBe(true);

    // Load the trace back: the stepper replays it.
    await page
      .getByLabel('载入轨迹')
      .setInputFiles({ name: 'run.jsonl', mimeType: 'text/plain', buffer: Buffer.from(trace) });
    await expect
      .poll(() => page.locator('.sim-replay [role=status]').textContent())
      .toMatch(/全部 \d+ 步重现/);
    await page.getByRole('button', { name: '到结尾' }).click();
    expect(await page.locator('.sim-step').textContent()).toContain('completed');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
