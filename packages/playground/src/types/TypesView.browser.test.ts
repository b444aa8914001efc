// <TypesView> and generateBundleTypes bundled by Vite (with liteBrowserShims) and run in Chromium under
// `script-src 'self'; style-src 'self'`: no eval, no Node built-in left, and the same text as the Node
// generator. Issue #5.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBundle, loadBundle } from '@onething/engine';
import { CHROMIUM_ARGS, findChromium } from '../../../engine/test/fixtures/chromium.js';
import { generateTypes } from '../../../engine/src/node/generateTypes.js';
import { startStaticServer, type StaticServer } from '../../../widgets/test/fixtures/startStaticServer.js';
import { typeSchemasOf } from './generateBundleTypes.js';
import { liteBrowserShims } from './liteBrowserShims.js';

const chromiumPath = findChromium();
const page = fileURLToPath(new URL('./__fixtures__/typesPage/', import.meta.url));
let outDir = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!chromiumPath) return;
  outDir = mkdtempSync(join(tmpdir(), 'onething-types-page-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root: page,
    base: './',
    plugins: [liteBrowserShims()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  });
  server = await startStaticServer({ root: outDir });
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe.skipIf(!chromiumPath)('<TypesView> in Chromium under a strict CSP', () => {
  it('shows the Node generator’s text for the newborn example, then one payload, with no CSP violation', async () => {
    const tab = await browser!.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.goto(`${server!.base}/index.html`);
    await tab.waitForSelector('.types-view-code, .types-view-error');
    const error = await tab
      .locator('.types-view-error')
      .textContent({ timeout: 1 })
      .catch(() => '');
    const all = await tab.locator('pre.types-view-code').textContent();
    await tab.selectOption('.types-view select', 'BirthRegPayload');
    const payload = await tab.locator('pre.types-view-code').textContent();
    await tab.close();
    const yaml = readFileSync(new URL('../../../../examples/newborn/bundle.yaml', import.meta.url), 'utf8');
    const expected = await generateTypes(
      typeSchemasOf(compileBundle(loadBundle(yaml, { fileName: 'bundle.yaml' }))),
    );
    expect({ error, problems }).toEqual({ error: '', problems: [] });
    expect(all).toBe(expected);
    expect(payload).toContain('export interface BirthRegPayload {');
    expect(payload).not.toContain('export interface NewbornApplication {');
  });
});
