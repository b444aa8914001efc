import { checkMemoryScript, type MemoryScript } from '@onething/engine';

/** A value read from the environment when the server starts, so secrets need not sit in the file. */
export type Secret = string | { env: string };

/** A department reached over HTTP/JSON through the engine's `createHttpAdapter`. */
export interface HttpDepartmentConfig {
  type: 'http';
  baseUrl: string;
  headers?: Record<string, Secret>;
  timeoutMs?: number;
  retries?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /**
   * `false` for a department whose API ignores `Idempotency-Key`: a submission is looked up
   * (`GET /submissions/{key}`) before it is sent again, so it is never registered twice.
   */
  idempotent?: boolean;
}

/** A simulated department (the engine's memory adapter), optionally scripted. */
export interface SimulatedDepartmentConfig {
  type: 'simulated';
  script?: MemoryScript;
}

export type DepartmentConfig = HttpDepartmentConfig | SimulatedDepartmentConfig;

/** The adapter file: departments (or items) by id, `*` for every other one, and callback secrets. */
export interface AdapterConfig {
  departments: Record<string, DepartmentConfig>;
  callbackSecrets: Record<string, Secret>;
}

/** One thing wrong with the file, at a JSON Pointer. */
export interface AdapterConfigProblem {
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (...parts: string[]) =>
  parts.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const isCount = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;

const HTTP_KEYS = new Set(['type', 'baseUrl', 'headers', 'timeoutMs', 'retries', 'idempotent']);
const RETRY_KEYS = new Set(['maxAttempts', 'baseDelayMs', 'maxDelayMs']);
/** Shorter shared secrets are guessable; HMAC keys should carry at least 128 bits. */
const MIN_SECRET_LENGTH = 16;

function checkSecret(value: unknown, path: string, problems: AdapterConfigProblem[], min = 1): void {
  if (typeof value === 'string') {
    if (value.length < min)
      problems.push({ path, message: `must be at least ${min} characters (or { "env": "NAME" })` });
  } else if (
    !isObject(value) ||
    Object.keys(value).length !== 1 ||
    typeof value.env !== 'string' ||
    !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value.env)
  )
    problems.push({ path, message: 'must be a string or { "env": "NAME" } (an environment variable)' });
}

function unknownKeys(value: Obj, known: Set<string>, path: string, problems: AdapterConfigProblem[]): void {
  for (const key of Object.keys(value))
    if (!known.has(key))
      problems.push({
        path: path + pointer(key),
        message: `unknown property; expected one of ${[...known].join(', ')}`,
      });
}

function checkHttp(value: Obj, path: string, problems: AdapterConfigProblem[]): void {
  unknownKeys(value, HTTP_KEYS, path, problems);
  let url: URL | undefined;
  try {
    url = typeof value.baseUrl === 'string' ? new URL(value.baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    problems.push({
      path: `${path}/baseUrl`,
      message: 'must be an http:// or https:// URL, e.g. "https://gateway.example.gov.cn/police/v1"',
    });
  if (value.headers !== undefined) {
    if (!isObject(value.headers))
      problems.push({ path: `${path}/headers`, message: 'must be an object of header names to values' });
    else
      for (const [name, v] of Object.entries(value.headers)) {
        const at = `${path}/headers${pointer(name)}`;
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
          problems.push({ path: at, message: 'is not a valid HTTP header name' });
        checkSecret(v, at, problems);
      }
  }
  if (value.idempotent !== undefined && typeof value.idempotent !== 'boolean')
    problems.push({ path: `${path}/idempotent`, message: 'must be true or false' });
  if (value.timeoutMs !== undefined && !isCount(value.timeoutMs, 1))
    problems.push({ path: `${path}/timeoutMs`, message: 'must be a whole number of milliseconds ≥ 1' });
  if (value.retries !== undefined) {
    if (!isObject(value.retries))
      problems.push({
        path: `${path}/retries`,
        message: 'must be { maxAttempts?, baseDelayMs?, maxDelayMs? }',
      });
    else {
      unknownKeys(value.retries, RETRY_KEYS, `${path}/retries`, problems);
      for (const key of RETRY_KEYS)
        if (value.retries[key] !== undefined && !isCount(value.retries[key], key === 'maxAttempts' ? 1 : 0))
          problems.push({
            path: `${path}/retries/${key}`,
            message: key === 'maxAttempts' ? 'must be a whole number ≥ 1' : 'must be a whole number ≥ 0',
          });
    }
  }
}

function checkSimulated(value: Obj, path: string, problems: AdapterConfigProblem[]): void {
  unknownKeys(value, new Set(['type', 'script']), path, problems);
  if (value.script === undefined) return;
  for (const d of checkMemoryScript(value.script))
    if (d.severity === 'error') problems.push({ path: `${path}/script${d.path}`, message: d.message });
}

/**
 * Check a parsed adapter file. Every problem is reported, each with the JSON Pointer of the offending
 * value, so one edit fixes them all.
 *
 * @example
 * const checked = checkAdapterConfig(JSON.parse(text));
 * if (!checked.ok) for (const p of checked.problems) console.error(`${p.path}: ${p.message}`);
 */
export function checkAdapterConfig(
  value: unknown,
): { ok: true; config: AdapterConfig } | { ok: false; problems: AdapterConfigProblem[] } {
  const problems: AdapterConfigProblem[] = [];
  if (!isObject(value))
    return {
      ok: false,
      problems: [{ path: '', message: 'must be an object { departments, callbackSecrets? }' }],
    };
  unknownKeys(value, new Set(['departments', 'callbackSecrets']), '', problems);
  if (!isObject(value.departments))
    problems.push({
      path: '/departments',
      message:
        'must be an object of department (or item) ids, e.g. { "police": { "type": "http", "baseUrl": "…" } }',
    });
  else
    for (const [id, department] of Object.entries(value.departments)) {
      const path = `/departments${pointer(id)}`;
      if (!isObject(department)) problems.push({ path, message: 'must be an object with a "type"' });
      else if (department.type === 'http') checkHttp(department, path, problems);
      else if (department.type === 'simulated') checkSimulated(department, path, problems);
      else problems.push({ path: `${path}/type`, message: 'must be "http" or "simulated"' });
    }
  if (value.callbackSecrets !== undefined) {
    if (!isObject(value.callbackSecrets))
      problems.push({ path: '/callbackSecrets', message: 'must be an object of department ids to secrets' });
    else
      for (const [id, secret] of Object.entries(value.callbackSecrets))
        checkSecret(secret, `/callbackSecrets${pointer(id)}`, problems, MIN_SECRET_LENGTH);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      departments: value.departments as Record<string, DepartmentConfig>,
      callbackSecrets: (value.callbackSecrets ?? {}) as Record<string, Secret>,
    },
  };
}
