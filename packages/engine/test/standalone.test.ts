// Strict CSP (no `unsafe-eval`): `onething compile` writes bundle.js (the checked bundle and its
// precompiled validators) so that a page can fill in and validate a bundle without eval / new Function.
// Each example is compiled by the CLI, then driven through the *built* browser runtime
// (`@onething/engine/runtime` = dist/runtime.js: no loader, no ajv compiler) in a child Node process
// started with --disallow-code-generation-from-strings, where eval and new Function throw. Every outcome
// must equal the in-process path that loads the source and compiles validators with ajv at run time.
// Needs dist/: `npm run build` (CI builds it during `npm ci`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../src/index.js';
import { main } from '../src/node/cli.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = resolve(packageDir, '../../examples');
// Inside the package, so that bundle.js resolves `@onething/engine` and ajv 8 from here.
const tmpRoot = join(packageDir, '.tmp-standalone-test');
const tmpDir = join(tmpRoot, String(process.pid));
const today = '2026-11-27';

/**
 * The scenario, as plain JS so that the same code runs in both worlds: in the child against the built
 * runtime with the compiled module, and here against the sources with runtime ajv. `warmUp` builds every
 * field validator up front, so a missing one throws in the child.
 */
const SCENARIO = `
const pick = (ds) => ds.map(({ code, severity, path, message, messages }) => ({ code, severity, path, message, messages }));

export function scenario(engine, input, module) {
  const { createFormState, validateApplication } = engine;
  let compiled;
  if (module) compiled = engine.hydrateBundle(module);
  else {
    const loaded = engine.loadBundle(input.bundleText, { fileName: 'bundle.yaml' });
    if (!loaded.ok) return { loadDiagnostics: pick(loaded.diagnostics) };
    compiled = engine.compileBundle(loaded);
  }
  compiled.constraints.warmUp();
  const today = () => input.today;
  const state = createFormState(compiled, { initialValues: input.initialValues, today });
  const steps = input.steps.map(([key, value]) => {
    state.setValue(key, value);
    return { key, errors: pick(state.getField(key).errors) };
  });
  const validated = state.validate();
  const notice = state.notice().entries.map((e) => ({ key: e.key, diagnostics: pick(e.diagnostics) }));
  const applications = {};
  for (const [file, data] of Object.entries(input.dataFiles)) {
    const result = validateApplication(compiled, data, { today, checkMaterials: false });
    applications[file] = { ok: result.ok, diagnostics: pick(result.diagnostics), payloads: result.ok ? result.payloads : null };
  }
  return { steps, validate: { ok: validated.ok, diagnostics: pick(validated.diagnostics) }, notice, payloads: state.payloads(), applications };
}
`;

/** Runs in the child: proves the trap is armed, runs the scenario, and checks that runtime ajv is trapped. */
const CHILD = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as runtime from '@onething/engine/runtime';
import * as engine from '@onething/engine';
import { scenario } from './scenario.mjs';

const [inputFile, moduleFile] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputFile, 'utf8'));
const trapped = (run) => {
  try { run(); return false; } catch (error) { return error instanceof EvalError; }
};
const evalBlocked = trapped(() => new Function('return 1')) && trapped(() => (0, eval)('1'));
const module = await import(pathToFileURL(moduleFile).href);
const result = scenario(runtime, input, module);
const runtimeLacksCompiler = !('loadBundle' in runtime) && !('compileBundle' in runtime) && !('createAjv' in runtime);
// Control: without bundle.js, ajv compiles at run time, which must fail here.
const runtimeAjvBlocked = trapped(() =>
  engine.compileBundle(engine.loadBundle(input.bundleText), { eager: true }),
);
const exports = {
  names: Object.keys(module).sort(),
  fields: Object.keys(module.fields).sort(),
  items: Object.keys(module.items).sort(),
  distinctFieldValidators: new Set(Object.values(module.fields)).size,
};
process.stdout.write(JSON.stringify({ evalBlocked, runtimeAjvBlocked, runtimeLacksCompiler, exports, result }));
`;

interface Outcome {
  code: string;
  severity: string;
  path: string;
  message: string;
  messages: Record<string, string>;
}
interface ScenarioResult {
  loadDiagnostics?: Outcome[];
  steps: Array<{ key: string; errors: Outcome[] }>;
  validate: { ok: boolean; diagnostics: Outcome[] };
  notice: Array<{ key: string; diagnostics: Outcome[] }>;
  payloads: Record<string, Record<string, unknown>>;
  applications: Record<string, { ok: boolean; diagnostics: Outcome[]; payloads: unknown }>;
}
interface ScenarioInput {
  bundleText: string;
  today: string;
  initialValues: Record<string, unknown>;
  steps: Array<[string, unknown]>;
  dataFiles: Record<string, unknown>;
}
type Scenario = (api: typeof engine, input: ScenarioInput, module?: unknown) => ScenarioResult;

/** The same ID number with a wrong check digit (exactly one check character is right). */
function breakCheckDigit(id: string): string {
  return id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
}

type Data = Record<string, unknown>;
const cases: Array<{
  name: string;
  steps: (valid: Data) => Array<[string, unknown]>;
  /** Where the broken ID number must be reported. */
  idPath: string;
  /** Where the wrongly typed value must be reported. */
  typePath: string;
}> = [
  {
    name: 'newborn',
    steps: (valid) => [
      ['babyName', '王小明'],
      ['motherIdNumber', breakCheckDigit(valid.motherIdNumber as string)],
      ['birthWeightG', '3350'],
    ],
    idPath: '/motherIdNumber',
    typePath: '/birthWeightG',
  },
  {
    name: 'business-startup',
    steps: (valid) => [
      ['entName', '杭州云栖智能科技有限公司'],
      [
        'legalRep',
        {
          ...(valid.legalRep as Data),
          idNumber: breakCheckDigit((valid.legalRep as Data).idNumber as string),
        },
      ],
      ['employeeCount', 'three'],
    ],
    idPath: '/legalRep/idNumber',
    typePath: '/employeeCount',
  },
];

let scenario: Scenario;

beforeAll(async () => {
  if (!existsSync(join(packageDir, 'dist/index.js'))) {
    throw new Error('packages/engine/dist is missing: run `npm run build` first (CI builds it in `npm ci`).');
  }
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(join(tmpDir, 'scenario.mjs'), SCENARIO);
  writeFileSync(join(tmpDir, 'child.mjs'), CHILD);
  ({ scenario } = (await import(/* @vite-ignore */ pathToFileURL(join(tmpDir, 'scenario.mjs')).href)) as {
    scenario: Scenario;
  });
});

afterAll(() => {
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    rmdirSync(tmpRoot); // only when no other run is using it
  } catch {
    // not empty: another test run is still there
  }
});

describe.each(cases)('examples/$name under a strict CSP', ({ name, steps, idPath, typePath }) => {
  const bundleFile = join(examplesDir, name, 'bundle.yaml');
  const dataDir = join(examplesDir, name, 'data');
  const out = join(tmpDir, name);
  const dataFiles = Object.fromEntries(
    readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as unknown]),
  );
  const valid = dataFiles['valid-complete.json'] as Data;
  const input: ScenarioInput = {
    bundleText: readFileSync(bundleFile, 'utf8'),
    today,
    initialValues: valid,
    steps: steps(valid),
    dataFiles,
  };
  let source = '';
  let child: {
    evalBlocked: boolean;
    runtimeAjvBlocked: boolean;
    runtimeLacksCompiler: boolean;
    exports: { names: string[]; fields: string[]; items: string[]; distinctFieldValidators: number };
    result: ScenarioResult;
  };

  beforeAll(async () => {
    const log: string[] = [];
    const code = await main(['compile', bundleFile, '--out', out], {
      out: (t) => log.push(t),
      err: (t) => log.push(t),
    });
    expect(code, log.join('\n')).toBe(0);
    source = readFileSync(join(out, 'bundle.js'), 'utf8');
    writeFileSync(join(out, 'input.json'), JSON.stringify(input));
    const run = spawnSync(
      process.execPath,
      [
        '--disallow-code-generation-from-strings',
        join(tmpDir, 'child.mjs'),
        join(out, 'input.json'),
        join(out, 'bundle.js'),
      ],
      { encoding: 'utf8', cwd: packageDir, maxBuffer: 64 * 1024 * 1024 },
    );
    // ajv's compile errors quote the whole generated function: keep the end, where the cause is.
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    child = JSON.parse(run.stdout) as typeof child;
  });

  it('writes a bundle.js without eval or new Function', () => {
    expect(source).not.toMatch(/new Function|\beval\(/);
    expect(source).toContain('from "@onething/engine/formats"');
  });

  it('runs in a process where eval and new Function throw, and runtime ajv would fail there', () => {
    expect(child.evalBlocked).toBe(true);
    expect(child.runtimeAjvBlocked).toBe(true);
    expect(child.runtimeLacksCompiler).toBe(true);
  });

  it('exports the artifact, a validator for every field and one per conditional item', () => {
    const loaded = engine.loadBundle(input.bundleText);
    expect(child.exports.names).toEqual(expect.arrayContaining(['artifact', 'fields', 'items']));
    expect(child.exports.fields).toEqual(Object.keys(loaded.form!.fields).sort());
    const conditional = loaded.bundle!.items.filter((item) => item.applicableIf !== undefined);
    expect(child.exports.items).toEqual(conditional.map((item) => item.id).sort());
    // Fields with the same constraints share one function.
    expect(child.exports.distinctFieldValidators).toBeLessThan(child.exports.fields.length);
  });

  it('gives the same field errors, notice, payloads and application diagnostics as runtime ajv', () => {
    const viaRuntime = scenario(engine, input);
    expect(viaRuntime.loadDiagnostics).toBeUndefined();
    // JSON round trip: the child's result crossed stdout, so compare values, not instances.
    expect(child.result, 'a stale dist? run `npm run build`').toEqual(JSON.parse(JSON.stringify(viaRuntime)));
  });

  it('catches the broken ID number and the wrong type without compiling code', () => {
    const errorsAt = (path: string) =>
      child.result.steps.flatMap((s) => s.errors).filter((d) => d.path === path);
    expect(errorsAt(idPath).map((d) => d.code)).toContain('DATA_FORMAT');
    expect(errorsAt(typePath).map((d) => d.code)).toContain('DATA_TYPE');
    expect(child.result.validate.ok).toBe(false);
    expect(child.result.validate.diagnostics.map((d) => d.path)).toEqual(
      expect.arrayContaining([idPath, typePath]),
    );
  });

  it('accepts the valid data files and rejects the invalid ones', () => {
    const applications = Object.entries(child.result.applications);
    expect(applications.length).toBeGreaterThanOrEqual(2);
    for (const [file, result] of applications) {
      expect({ file, ok: result.ok }).toEqual({ file, ok: file.startsWith('valid') });
      if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
