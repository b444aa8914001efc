import { readFileSync } from 'node:fs';
import {
  createHttpAdapter,
  createMemoryAdapter,
  formatInstant,
  type AdapterMap,
  type FetchLike,
} from '@onething/engine';
import { checkAdapterConfig, type AdapterConfigProblem, type Secret } from './checkAdapterConfig.js';

/** An adapter file that cannot be used: every problem, each with its JSON Pointer. */
export class AdapterConfigError extends Error {
  readonly code = 'ADAPTER_CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly problems: AdapterConfigProblem[],
  ) {
    super(
      `${file}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} in the adapter file:\n` +
        problems.map((p) => `  ${p.path || '(top)'}: ${p.message}`).join('\n'),
    );
  }
}

/** What `createServer` takes from an adapter file. */
export interface LoadedAdapters {
  /** By department or item id; `*` serves every department not named. */
  adapters: AdapterMap;
  callbackSecrets: Record<string, string>;
}

export interface LoadAdapterConfigOptions {
  /** Where `{ "env": "NAME" }` values are read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Clock of simulated departments (default the system clock). */
  clock?: { now(): number };
  /** `fetch` of HTTP departments (default the platform's). */
  fetch?: FetchLike;
}

/**
 * Read an adapter file (JSON) into the `adapters` and `callbackSecrets` options of `createServer`.
 * Throws `AdapterConfigError` listing every problem (unreadable file, malformed JSON, unknown keys,
 * bad URLs, short secrets, unset environment variables): the server should not start half-wired.
 *
 * @example
 * // adapters.json:
 * // { "departments": { "police": { "type": "http", "baseUrl": "https://gw.example.gov.cn/police/v1",
 * //                                "headers": { "authorization": { "env": "POLICE_TOKEN" } } },
 * //                    "*": { "type": "simulated" } },
 * //   "callbackSecrets": { "police": { "env": "POLICE_CALLBACK_SECRET" } } }
 * const server = await createServer({ bundlesDir: 'examples', ...loadAdapterConfig('adapters.json') });
 */
export function loadAdapterConfig(file: string, options: LoadAdapterConfigOptions = {}): LoadedAdapters {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new AdapterConfigError(file, [{ path: '', message: `cannot be read: ${reason}` }]);
  }
  const checked = checkAdapterConfig(parsed);
  if (!checked.ok) throw new AdapterConfigError(file, checked.problems);

  const env = options.env ?? process.env;
  const problems: AdapterConfigProblem[] = [];
  const resolve = (secret: Secret, path: string): string => {
    if (typeof secret === 'string') return secret;
    const value = env[secret.env];
    if (value === undefined || value === '')
      problems.push({ path, message: `environment variable ${secret.env} is not set` });
    return value ?? '';
  };

  const clock = options.clock ?? { now: () => Date.now() };
  const adapters: AdapterMap = {};
  for (const [id, department] of Object.entries(checked.config.departments)) {
    const path = `/departments/${id}`;
    if (department.type === 'simulated') {
      adapters[id] = createMemoryAdapter({
        ...(id !== '*' ? { department: id } : {}),
        ...(department.script ? { script: department.script } : {}),
        clock: () => formatInstant(clock.now()),
      });
      continue;
    }
    const headers = Object.fromEntries(
      Object.entries(department.headers ?? {}).map(([name, v]) => [
        name,
        resolve(v, `${path}/headers/${name}`),
      ]),
    );
    adapters[id] = createHttpAdapter({
      baseUrl: department.baseUrl,
      headers,
      ...(department.timeoutMs !== undefined ? { timeoutMs: department.timeoutMs } : {}),
      ...(department.retries ? { retries: department.retries } : {}),
      ...(department.idempotent === false ? { idempotent: false } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }
  const callbackSecrets = Object.fromEntries(
    Object.entries(checked.config.callbackSecrets).map(([id, s]) => [
      id,
      resolve(s, `/callbackSecrets/${id}`),
    ]),
  );
  if (problems.length > 0) throw new AdapterConfigError(file, problems);
  return { adapters, callbackSecrets };
}
