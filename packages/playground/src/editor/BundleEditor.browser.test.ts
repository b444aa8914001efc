// BundleEditor and ProblemsList in a real Chromium under the playground's strict Content-Security-Policy
// (issue #5, point 2): CodeMirror's styles arrive without inline <style> (style-mod uses constructed
// style sheets), diagnostics show as lint markers on their lines, typing reaches onChange (and a document
// from the host does not), Ctrl-Space completes from the bundle schema, a problem button moves the cursor,
// and Escape then Tab leaves the editor. The page is bundled with esbuild into a temporary folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../engine/test/fixtures/chromium.js';
import { PLAYGROUND_CSP } from '../../csp.js';

const chromiumPath = findChromium();
const HERE = import.meta.dirname;

const DOC = [
  'id: demo',
  'version: 1.0.0',
  'promisedDays: five',
  'fields:',
  '  motherName: { type: string, label: { zh-CN: 母亲姓名 } }',
  '',
].join('\n');

const DIAGNOSTICS = [
  {
    code: 'SCHEMA_TYPE',
    severity: 'error',
    path: '/promisedDays',
    message: '应为整数',
    messages: { 'zh-CN': '应为整数', en: 'Must be an integer' },
    params: {},
    line: 3,
    column: 15,
    related: [{ path: '/id', line: 1, column: 5 }],
  },
];

const HARNESS = `
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { BundleEditor } from './BundleEditor.js';
import { ProblemsList } from './ProblemsList.js';

const w = window;
w.__changes = [];
w.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
const diagnostics = ${JSON.stringify(DIAGNOSTICS)};

function Harness() {
  const [doc, setDoc] = useState(${JSON.stringify(DOC)});
  w.__setDoc = setDoc;
  return (
    <div>
      <BundleEditor doc={doc} format="yaml" diagnostics={diagnostics} lang="en"
        onChange={(text) => w.__changes.push(text)} onReady={(h) => { w.__handle = h; }} />
      <ProblemsList diagnostics={diagnostics} lang="en" onJump={(d) => w.__handle.focusAt(d.line ?? 1, d.column ?? 1)} />
    </div>
  );
}
render(<Harness />, document.getElementById('app'));
`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let dir = '';
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  if (!chromiumPath) {
    const message =
      'BundleEditor browser test did not run: install chromium (apt-get install -y chromium) or set CHROME_PATH';
    if (Boolean(process.env.CI) && process.env.CI !== 'false') throw new Error(message);
    console.warn(`\n!!! ${message}\n`);
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'onething-editor-'));
  await build({
    stdin: { contents: HARNESS, resolveDir: HERE, loader: 'tsx', sourcefile: 'harness.tsx' },
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'harness.js'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="harness.css"></head>' +
    '<body><div id="app"></div><script type="module" src="harness.js"></script></body></html>';
  server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : req.url!.slice(1).split('?')[0]!;
    if (name === 'favicon.ico') return void res.writeHead(204).end();
    try {
      const body = name === 'index.html' ? html : readFileSync(join(dir, name.replace(/\.\.+/g, '')));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream',
        'Content-Security-Policy': PLAYGROUND_CSP,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(base);
  await page.waitForSelector('.cm-content');
  return { page, problems };
}

/** The editor's content has the focus (it lives in the shadow root of `.ot-editor-host`). */
const editorFocused = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('.ot-editor-host')!;
    return (
      document.activeElement === host && !!host.shadowRoot!.activeElement?.classList.contains('cm-content')
    );
  });

/** Line number (1-based) of the cursor. */
const cursorLine = (page: Page) =>
  page.evaluate(() => {
    const view = (window as unknown as { __handle: { view: import('@codemirror/view').EditorView } }).__handle
      .view;
    return view.state.doc.lineAt(view.state.selection.main.head).number;
  });

describe.skipIf(!chromiumPath)('BundleEditor in Chromium under the strict CSP', () => {
  it('renders styled, with no CSP violation or console error, and an accessible name', async () => {
    const { page, problems } = await open();
    // No <style> element anywhere (the policy would block it); CodeMirror's sheet is adopted by the shadow root.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    expect(
      await page.evaluate(
        () => document.querySelector('.ot-editor-host')!.shadowRoot!.adoptedStyleSheets.length,
      ),
    ).toBeGreaterThan(0);
    // CodeMirror's base theme applied: the gutter is a flex box only when its styles got in.
    expect(await page.$eval('.cm-gutters', (el) => getComputedStyle(el).display)).toBe('flex');
    expect(await page.$eval('.ot-editor-hint', (el) => getComputedStyle(el).fontSize)).not.toBe('16px');
    expect(await page.getAttribute('.cm-content', 'aria-label')).toBe('Bundle editor');
    expect(await page.textContent('.ot-editor-hint')).toContain('Esc, then Tab');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the diagnostic as a lint marker on its line and underlines the token', async () => {
    const { page } = await open();
    await page.waitForSelector('.cm-lint-marker-error');
    const markerLine = await page.evaluate(() => {
      const view = (window as unknown as { __handle: { view: import('@codemirror/view').EditorView } })
        .__handle.view;
      const marker = document
        .querySelector('.ot-editor-host')!
        .shadowRoot!.querySelector('.cm-lint-marker-error')!
        .getBoundingClientRect();
      const block = view.lineBlockAtHeight(marker.top + marker.height / 2 - view.documentTop);
      return view.state.doc.lineAt(block.from).number;
    });
    expect(markerLine).toBe(3);
    expect(await page.textContent('.cm-lintRange-error')).toBe('five');
    await page.close();
  });

  it('calls onChange when the user types, not when the host replaces the document', async () => {
    const { page } = await open();
    await page.evaluate(() => (window as unknown as { __setDoc(t: string): void }).__setDoc('id: other\n'));
    await page.waitForFunction(() =>
      document
        .querySelector('.ot-editor-host')!
        .shadowRoot!.querySelector('.cm-content')!
        .textContent!.includes('other'),
    );
    expect(await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes)).toEqual([]);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('x');
    const changes = await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes);
    expect(changes.at(-1)).toBe('id: other\nx');
    await page.close();
  });

  it('opens schema completion on Ctrl-Space with the root keys not yet present', async () => {
    const { page } = await open();
    await page.evaluate(() =>
      (window as unknown as { __handle: { focusAt(l: number, c: number): void } }).__handle.focusAt(6, 1),
    );
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    const labels = await page.$$eval('.cm-tooltip-autocomplete .cm-completionLabel', (els) =>
      els.map((e) => e.textContent),
    );
    expect(labels).toEqual(expect.arrayContaining(['title', 'leadDepartment', 'departments', 'items']));
    expect(labels).not.toContain('id');
    await page.keyboard.type('leadD');
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes.at(-1)),
    ).toMatch(/\nleadDepartment: $/);
    await page.close();
  });

  it('moves the cursor to a problem and to its related place from the problems list', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: /Error 3:15 SCHEMA_TYPE Must be an integer/ }).click();
    expect(await cursorLine(page)).toBe(3);
    expect(await editorFocused(page)).toBe(true);
    await page.getByRole('button', { name: /related place at line 1, column 5 \(1:5\)/ }).click();
    expect(await cursorLine(page)).toBe(1);
    await page.close();
  });

  it('leaves the editor with Escape then Tab (Tab alone indents)', async () => {
    const { page } = await open();
    await page.evaluate(() =>
      (window as unknown as { __handle: { focusAt(l: number, c: number): void } }).__handle.focusAt(6, 1),
    );
    await page.keyboard.press('Tab');
    expect(await editorFocused(page)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('ot-problem-jump');
    await page.close();
  });
});
