import type { PoolClient } from 'pg';

/**
 * PostgreSQL migrations, applied in order once each. Never edit one that has shipped: add the next.
 * `onething_migrations` records which ran.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE applications (
     id text PRIMARY KEY,
     bundle_id text NOT NULL,
     revision integer NOT NULL,
     status text NOT NULL,
     token_hash text NOT NULL,
     state jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   );
   CREATE INDEX applications_by_status ON applications (status, updated_at);
   CREATE TABLE events (
     seq bigserial PRIMARY KEY,
     application_id text NOT NULL,
     revision integer NOT NULL,
     at text NOT NULL,
     kind text NOT NULL,
     data jsonb NOT NULL
   );
   CREATE INDEX events_by_application ON events (application_id, revision);
   CREATE TABLE inbox (
     source text NOT NULL,
     event_id text NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (source, event_id)
   );
   CREATE TABLE idempotency (
     key text PRIMARY KEY,
     request_hash text NOT NULL,
     status integer NOT NULL,
     body jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   );`,
];

/** The advisory lock key under which processes migrate one at a time (any constant bigint will do). */
const MIGRATION_LOCK = 'onething.migrate';

/**
 * Apply the migrations not applied yet, in one transaction that holds a transaction-level advisory
 * lock: processes starting together wait for the first, then find nothing left to do.
 * Returns the number of migrations this call applied.
 */
export async function migratePostgres(client: PoolClient): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS onething_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM onething_migrations',
    );
    const done = rows[0]?.v ?? 0;
    for (let i = done; i < PG_MIGRATIONS.length; i++) {
      await client.query(PG_MIGRATIONS[i]!);
      await client.query('INSERT INTO onething_migrations (version) VALUES ($1)', [i + 1]);
    }
    await client.query('COMMIT');
    return Math.max(0, PG_MIGRATIONS.length - done);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
