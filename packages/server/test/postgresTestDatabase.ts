// The PostgreSQL server the suite runs against, and a fresh database per use (dropped after), so runs in
// parallel never share tables.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A URL of a PostgreSQL server whose user may CREATE DATABASE, e.g. postgres://postgres@127.0.0.1:5432/postgres */
export const PG_ENV = 'ONETHING_TEST_PG';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * The admin URL, or undefined (after one line saying the suite did not run and how to run it) when no
 * server is configured. Throws when `CI=true` and none is configured, or when the configured server
 * cannot be reached: asked for, the suite must run.
 */
export async function postgresForTests(): Promise<string | undefined> {
  const url = process.env[PG_ENV];
  if (!url) {
    if (process.env.CI === 'true')
      throw new Error(`${PG_ENV} is not set: CI must run the PostgreSQL suite (.ci/run sets it)`);
    console.warn(
      `PostgreSQL suite NOT run: set ${PG_ENV}=postgres://postgres@127.0.0.1:5432/postgres (a user that may CREATE DATABASE) and run \`npx vitest run packages/server/test/postgres.test.ts\``,
    );
    return undefined;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`${PG_ENV}=${redact(url)} cannot be reached: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return url;
}

const redact = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

/** A new empty database `onething_test_<pid>_<random>` on the server of `adminUrl`. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `onething_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
