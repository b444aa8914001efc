// The engine in a real Chromium under `Content-Security-Policy: script-src 'self'`: the page loads a bundle,
// compiles it with the validators of the bundle.js `onething compile` writes for examples/newborn, fills in a form and
// validates every data file. It must raise no CSP violation and no error, and give the same results, value
// for value, as the same scenario run here in Node with ajv compiling at run time. A control load of the
// same page compiles with ajv at run time and must be refused, which proves the policy is enforced.
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/node/cli.js';
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM, findChromium } from './fixtures/chromium.js';
import { runScenario, type ScenarioInput, type ScenarioResult } from './fixtures/cspScenario.js';

const CSP = "default-src 'none'; script-src 'self'; connect-src 'self'";
const NOT_RUN =
  'browser suite did not run: install chromium (apt-get install -y chromium) or set CHROME_PATH';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const exampleDir = resolve(packageDir, '../../examples/newborn');
// Inside the package, so that bundle.js resolves ajv's runtime helpers from here.
const tmpRoot = join(packageDir, '.tmp-browser-test');
const tmpDir = join(tmpRoot, String(process.pid));
const chromiumPath = findChromium();
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';

/** What the page reports in `#results`. */
interface PageReport {
  result: ScenarioResult | string;
  violations: Array<{ directive: string; blockedURI: string }>;
}
/** One page load, as seen from the page and from Playwright. */
interface Visit {
  report: PageReport;
  errors: string[];
}

/** The same ID number with a wrong check digit. */
function breakCheckDigit(id: string): string {
  return id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
}

function readInput(): ScenarioInput {
  const dataDir = join(exampleDir, 'data');
  const dataFiles = Object.fromEntries(
    readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as unknown]),
  );
  const valid = dataFiles['valid-complete.json'] as Record<string, unknown>;
  return {
    bundleText: readFileSync(join(exampleDir, 'bundle.yaml'), 'utf8'),
    today: '2026-11-27',
    steps: [
      ['babyName', '王小明'],
      ['motherIdNumber', breakCheckDigit(valid.motherIdNumber as string)],
      ['birthWeightG', '3350'],
    ],
    dataFiles,
  };
}

/**
 * The page's only script. Its first import records CSP violations before any engine module runs.
 * `?control` compiles with ajv at run time instead, which the CSP must refuse.
 */
function entrySource(): string {
  const engine = JSON.stringify(join(packageDir, 'src/index.ts'));
  const scenario = JSON.stringify(join(packageDir, 'test/fixtures/cspScenario.ts'));
  return `
import { violations } from 'csp-watch';
import { compileBundle, loadBundle } from ${engine};
import { runScenario } from ${scenario};
import * as validators from './bundle.js';

const output = document.getElementById('results');
try {
  const input = await (await fetch('/input.json')).json();
  let result;
  if (location.search === '?control') {
    try {
      compileBundle(loadBundle(input.bundleText), { eager: true });
      result = 'compiled';
    } catch (error) {
      result = error.name;
    }
  } else {
    result = runScenario(input, validators);
  }
  // Violation events are queued as tasks: let them arrive before reporting.
  await new Promise((done) => setTimeout(done, 50));
  output.textContent = JSON.stringify({ result, violations });
  output.dataset.state = 'done';
} catch (error) {
  output.textContent = String((error && error.stack) || error);
  output.dataset.state = 'error';
}
`;
}

/** Bundled first: ES modules run in import order, so this listens before the engine's modules run. */
const CSP_WATCH = `
export const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI });
});
`;

/**
 * bundle.js imports `@onething/engine/formats`: point it at the same sources, so that the page holds one
 * engine; and serve the `csp-watch` module from memory.
 */
const pagePlugin: Plugin = {
  name: 'csp-page',
  setup(b) {
    b.onResolve({ filter: /^@onething\/engine$/ }, () => ({ path: join(packageDir, 'src/index.ts') }));
    b.onResolve({ filter: /^@onething\/engine\/formats$/ }, () => ({
      path: join(packageDir, 'src/validate/standaloneFormats.ts'),
    }));
    b.onResolve({ filter: /^csp-watch$/ }, () => ({ path: 'csp-watch', namespace: 'csp-page' }));
    b.onLoad({ filter: /.*/, namespace: 'csp-page' }, () => ({ contents: CSP_WATCH, loader: 'js' }));
  },
};

async function bundleApp(): Promise<string> {
  const result = await build({
    stdin: { contents: entrySource(), resolveDir: tmpDir, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [pagePlugin],
  });
  return result.outputFiles[0]!.text;
}

function serve(files: Record<string, { type: string; body: string }>): Promise<Server> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    res.writeHead(file ? 200 : 404, {
      'Content-Security-Policy': CSP,
      'Content-Type': file?.type ?? 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(file?.body ?? 'not found');
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<title>onething engine under a strict CSP</title>
<output id="results"></output>
<script type="module" src="/app.js"></script>
</html>
`;

if (!chromiumPath) {
  describe('engine in Chromium under a strict CSP', () => {
    it('needs Chromium', () => {
      const looked = `no browser at ${process.env.CHROME_PATH || DEBIAN_CHROMIUM}`;
      if (inCi) throw new Error(`${NOT_RUN} (${looked}; CI must run it)`);
      console.warn(`\n${'!'.repeat(100)}\n!!! ${NOT_RUN} (${looked})\n${'!'.repeat(100)}\n`);
    });
  });
} else {
  describe("examples/newborn in Chromium under Content-Security-Policy: script-src 'self'", () => {
    const input = readInput();
    let browser: Browser | undefined;
    let server: Server | undefined;
    let scenario: Visit;
    let control: Visit;

    async function visit(url: string): Promise<Visit> {
      const page = await browser!.newPage();
      const errors: string[] = [];
      // The browser reports refusals as DevTools issues, which also covers any before a page listener exists.
      const cdp = await page.context().newCDPSession(page);
      cdp.on('Audits.issueAdded', ({ issue }) => {
        const csp = issue.details.contentSecurityPolicyIssueDetails;
        if (csp) errors.push(`csp: ${csp.violatedDirective} ${csp.contentSecurityPolicyViolationType}`);
      });
      cdp.on('Log.entryAdded', ({ entry }) => {
        if (entry.level === 'error') errors.push(`log: ${entry.text}`);
      });
      await Promise.all([cdp.send('Audits.enable'), cdp.send('Log.enable')]);
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      try {
        await page.goto(url);
        const output = page.locator('#results[data-state]');
        await output.waitFor({ timeout: 15_000 });
        const text = (await output.textContent()) ?? '';
        if ((await output.getAttribute('data-state')) !== 'done') throw new Error(text);
        return { report: JSON.parse(text) as PageReport, errors };
      } catch (error) {
        throw new Error(`${url} failed: ${String(error)}\n${errors.join('\n')}`, { cause: error });
      } finally {
        await page.close();
      }
    }

    beforeAll(async () => {
      mkdirSync(tmpDir, { recursive: true });
      const log: string[] = [];
      const code = await main(['compile', join(exampleDir, 'bundle.yaml'), '--out', tmpDir], {
        out: (t) => log.push(t),
        err: (t) => log.push(t),
      });
      expect(code, log.join('\n')).toBe(0);
      server = await serve({
        '/': { type: 'text/html; charset=utf-8', body: PAGE },
        '/app.js': { type: 'text/javascript; charset=utf-8', body: await bundleApp() },
        '/input.json': { type: 'application/json', body: JSON.stringify(input) },
      });
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
      scenario = await visit(`${origin}/`);
      control = await visit(`${origin}/?control`);
    }, 30_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((done) => (server ? server.close(done) : done(undefined)));
      rmSync(tmpDir, { recursive: true, force: true });
      try {
        rmdirSync(tmpRoot); // only when no other run is using it
      } catch {
        // not empty: another test run is still there
      }
    });

    it('runs with no CSP violation, page error or console error', () => {
      expect(scenario.report.violations).toEqual([]);
      expect(scenario.errors).toEqual([]);
      expect(typeof scenario.report.result).toBe('object');
    });

    it('enforces the policy: ajv compiling at run time is refused in the same page', () => {
      expect(control.report.result).toBe('EvalError');
      expect(control.report.violations).toContainEqual({ directive: 'script-src', blockedURI: 'eval' });
      // The browser reports it too, so the listeners in visit() are live.
      expect(control.errors).toContain('csp: script-src kEvalViolation');
    });

    it('gives the same results as the same scenario in Node with ajv at run time', () => {
      const inNode = runScenario(input);
      // The page's result crossed JSON: compare values, not instances.
      expect(scenario.report.result).toEqual(JSON.parse(JSON.stringify(inNode)));
    });

    it('reports the broken ID number, the wrong type and the data files as Node does', () => {
      const result = scenario.report.result as ScenarioResult;
      expect(result.loadDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const errorsAt = (path: string) =>
        result.steps
          .flatMap((s) => s.errors)
          .filter((d) => d.path === path)
          .map((d) => d.code);
      expect(errorsAt('/motherIdNumber')).toContain('DATA_FORMAT');
      expect(errorsAt('/birthWeightG')).toContain('DATA_TYPE');
      expect(result.notice.map((e) => e.key)).toEqual(
        expect.arrayContaining(['motherIdNumber', 'birthWeightG']),
      );
      const applications = Object.entries(result.applications);
      expect(applications).toHaveLength(Object.keys(input.dataFiles).length);
      for (const [file, application] of applications) {
        expect({ file, ok: application.ok }).toEqual({ file, ok: file.startsWith('valid') });
        if (application.ok) expect(Object.keys(application.payloads as object).length).toBeGreaterThan(0);
        else expect(application.diagnostics.length).toBeGreaterThan(0);
      }
    });
  });
}
