// `onething worker` belongs to the PostgreSQL mode: without DATABASE_URL it is a usage error that says
// what to set (no database needed for this test).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

describe('onething worker without DATABASE_URL', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  });

  it('exits 2 with a message naming DATABASE_URL', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['worker'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/DATABASE_URL=postgres:\/\//);
  });

  it('rejects a concurrency that is not a whole number', async () => {
    const err: string[] = [];
    const code = await main(['worker', '--concurrency', '0'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--concurrency');
  });
});
