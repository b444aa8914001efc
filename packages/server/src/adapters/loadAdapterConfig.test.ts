import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FetchInit } from '@onething/engine';
import { AdapterConfigError, loadAdapterConfig } from './loadAdapterConfig.js';

const dir = mkdtempSync(join(tmpdir(), 'onething-adapters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (value: unknown): string => {
  const path = join(dir, `adapters-${++n}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const problemsOf = (path: string, env = {}): string[] => {
  try {
    loadAdapterConfig(path, { env });
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterConfigError);
    return (error as AdapterConfigError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected an AdapterConfigError');
};

const request = {
  applicationId: 'a1',
  item: 'birthReg',
  department: 'police',
  idempotencyKey: 'a1:birthReg',
  attempt: 1,
  payload: {},
  materials: [],
};

describe('loadAdapterConfig', () => {
  it('builds HTTP departments with their headers (secrets from the environment) and a simulated default', async () => {
    const seen: Array<{ url: string; init: FetchInit }> = [];
    const fetch = async (url: string, init: FetchInit) => {
      seen.push({ url, init });
      return {
        status: 200,
        ok: true,
        headers: { get: () => null },
        text: async () => JSON.stringify({ status: 'accepted', receiptNo: 'GA-1' }),
      };
    };
    const loaded = loadAdapterConfig(
      file({
        departments: {
          police: {
            type: 'http',
            baseUrl: 'http://127.0.0.1:9/police/v1/',
            headers: { authorization: { env: 'POLICE_TOKEN' }, 'x-trace': 'on' },
            timeoutMs: 500,
            retries: { maxAttempts: 1 },
          },
          '*': { type: 'simulated' },
        },
        callbackSecrets: { police: { env: 'POLICE_SECRET' }, health: 'a-secret-of-16-chars' },
      }),
      { env: { POLICE_TOKEN: 'Bearer t0k', POLICE_SECRET: 'from-the-environment' }, fetch: fetch as never },
    );
    expect(Object.keys(loaded.adapters).sort()).toEqual(['*', 'police']);
    expect(loaded.callbackSecrets).toEqual({
      police: 'from-the-environment',
      health: 'a-secret-of-16-chars',
    });
    const signal = new AbortController().signal;
    const now = '2025-03-20T09:30:00+08:00';
    await expect(loaded.adapters.police!.submit(request, { signal, now })).resolves.toEqual({
      status: 'accepted',
      receiptNo: 'GA-1',
    });
    expect(seen[0]!.url).toBe('http://127.0.0.1:9/police/v1/submissions');
    expect(seen[0]!.init.headers).toMatchObject({
      authorization: 'Bearer t0k',
      'x-trace': 'on',
      'idempotency-key': 'a1:birthReg',
    });
    const simulated = await loaded.adapters['*']!.submit(request, { signal, now });
    expect(simulated.status).toBe('accepted');
  });

  it('reports every problem with its JSON Pointer', () => {
    const problems = problemsOf(
      file({
        departments: {
          police: {
            type: 'http',
            baseUrl: 'ftp://x',
            timeoutMs: 0,
            retries: { maxAttempts: 0, jitter: 1 },
            idempotent: 'no',
          },
          tax: { type: 'soap' },
          cdc: { type: 'simulated', script: { default: { steps: [{ status: 'lost' }] } } },
        },
        callbackSecrets: { police: 'short' },
        extra: true,
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/extra: unknown property/),
        expect.stringMatching(/^\/departments\/police\/baseUrl: must be an http/),
        expect.stringMatching(/^\/departments\/police\/timeoutMs: /),
        expect.stringMatching(/^\/departments\/police\/idempotent: must be true or false/),
        expect.stringMatching(/^\/departments\/police\/retries\/maxAttempts: /),
        expect.stringMatching(/^\/departments\/police\/retries\/jitter: unknown property/),
        expect.stringMatching(/^\/departments\/tax\/type: must be "http" or "simulated"/),
        expect.stringMatching(/^\/departments\/cdc\/script\/default\/steps\/0\/status: /),
        expect.stringMatching(/^\/callbackSecrets\/police: must be at least 16 characters/),
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('names a missing file, malformed JSON and unset environment variables', () => {
    expect(problemsOf(join(dir, 'nope.json'))).toEqual([': cannot be read: no such file']);
    expect(problemsOf(file('{ "departments": '))[0]).toMatch(/^: cannot be read: .*JSON/);
    expect(
      problemsOf(
        file({
          departments: {
            police: { type: 'http', baseUrl: 'https://gw/p', headers: { authorization: { env: 'NOPE' } } },
          },
          callbackSecrets: { police: { env: 'NOPE_SECRET' } },
        }),
      ),
    ).toEqual([
      '/departments/police/headers/authorization: environment variable NOPE is not set',
      '/callbackSecrets/police: environment variable NOPE_SECRET is not set',
    ]);
  });
});
