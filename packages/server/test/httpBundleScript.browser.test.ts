// <onething-form bundle="/api/bundles/newborn/bundle.js"> in a real Chromium under
// `script-src 'self'; style-src 'self'`: the module the server builds at startup loads with no import
// map, no eval and no CSP violation, and the form renders. Needs `npm run build` (widgets dist).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../engine/test/fixtures/chromium.js';
import { createTestApi, root, type TestApi } from './httpFixture.js';

const chromiumPath = findChromium();
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const widgetsDist = join(root, 'packages/widgets/dist');
const CSP = "script-src 'self'; style-src 'self'";

let api: TestApi | undefined;
let base = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!chromiumPath) {
    const message = 'server browser suite did not run: install chromium or set CHROME_PATH';
    if (inCi) throw new Error(message);
    console.warn(`\n!!! ${message}\n`);
    return;
  }
  if (!existsSync(join(widgetsDist, 'embed.js')))
    throw new Error('packages/widgets/dist/embed.js is missing: run `npm run build` first');
  api = await createTestApi();
  // The portal's side, on the same origin: a page and the widgets' files, with the strict policy.
  api.app.get('/page.html', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('content-security-policy', CSP)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
          '<script type="module" src="/widgets/embed.js"></script></head><body>' +
          '<onething-form bundle="/api/bundles/newborn/bundle.js"></onething-form></body></html>',
      ),
  );
  api.app.get<{ Params: { file: string } }>(
    '/widgets/:file',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!/^[\w-]+\.js$/.test(req.params.file))
        return reply.status(404).send({ error: 'no', diagnostics: [] });
      return reply
        .header('content-security-policy', CSP)
        .type('text/javascript')
        .send(readFileSync(join(widgetsDist, req.params.file), 'utf8'));
    },
  );
  // The region picker's data, next to the widgets module (its default place).
  api.app.get('/data/regions.json', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('application/json')
      .send(readFileSync(join(root, 'packages/widgets/data/regions.json'), 'utf8')),
  );
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  api?.app.server.closeAllConnections();
  await api?.close();
});

describe.skipIf(!chromiumPath)('GET /api/bundles/:id/bundle.js in <onething-form>', () => {
  it('renders the newborn form from the server-built module, with no CSP violation', async () => {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/bundle.js')) scripts.push(`${r.status()} ${r.headers()['content-type']}`);
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (e) => " +
        'console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));',
    });
    await page.goto(`${base}/page.html`);
    const label = page.locator('onething-form').getByText('新生儿姓名', { exact: false }).first();
    await label.waitFor({ state: 'visible', timeout: 15_000 });
    expect(scripts).toEqual([expect.stringMatching(/^200 text\/javascript/)]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
