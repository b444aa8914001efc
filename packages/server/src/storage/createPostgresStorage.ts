import type { FlowState } from '@onething/engine';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { ensurePgQueues, PG_QUEUES, sendPgJobs, type PgQueuePolicy } from './pgBossQueues.js';
import { migratePostgres } from './pgSchema.js';
import type { ApplicationEvent, Job, Storage, StoredApplication, Tx } from './types.js';

export interface PostgresStorageOptions extends PgQueuePolicy {
  /** `postgres://user:password@host:5432/database` */
  connectionString: string;
  /** Connections of this process, shared by transactions and pg-boss (default 20). */
  maxConnections?: number;
  /** pg-boss's schema (default `pgboss`). */
  bossSchema?: string;
  /** How often pg-boss takes back expired jobs and archives finished ones (default 30 s; one process does it). */
  maintenanceIntervalSeconds?: number;
  /** Errors of idle connections and of pg-boss's maintenance (default: written to stderr). */
  onError?: (error: unknown) => void;
}

/** The PostgreSQL storage, with the pg-boss instance its transactions send jobs through. */
export interface PostgresStorage extends Storage {
  readonly kind: 'postgres';
  readonly pool: pg.Pool;
  readonly boss: PgBoss;
  /** Jobs that gave up (pg-boss's dead-letter queue), newest first. */
  deadJobs(): Promise<Array<{ id: string; job: Job; error: unknown }>>;
}

interface AppRow {
  id: string;
  bundle_id: string;
  revision: number;
  token_hash: string;
  state: FlowState;
}

const toApplication = (row: AppRow | undefined): StoredApplication | undefined =>
  row && {
    id: row.id,
    bundleId: row.bundle_id,
    revision: row.revision,
    tokenHash: row.token_hash,
    state: row.state,
  };

const APP_COLUMNS = 'id, bundle_id, revision, token_hash, state';
/**
 * The statements every state change runs, prepared once per connection (named statements): PostgreSQL
 * parses and plans each once instead of on every call.
 */
const SQL = {
  get: `SELECT ${APP_COLUMNS} FROM applications WHERE id = $1`,
  lock: `SELECT ${APP_COLUMNS} FROM applications WHERE id = $1 FOR UPDATE`,
  // The new revision and its events in one statement: the events only if the revision was saved.
  update: `WITH updated AS (
             UPDATE applications SET revision = $2, status = $3, state = $4::jsonb, updated_at = $5
             WHERE id = $1 AND revision = $2 - 1 RETURNING 1
           ), appended AS (
             INSERT INTO events (application_id, revision, at, kind, data)
             SELECT * FROM unnest($6::text[], $7::int[], $8::text[], $9::text[], $10::jsonb[])
             WHERE EXISTS (SELECT 1 FROM updated)
           )
           SELECT count(*)::int AS updated FROM updated`,
  events: `INSERT INTO events (application_id, revision, at, kind, data)
           SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::jsonb[])`,
  inbox: 'INSERT INTO inbox (source, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
  getForCallback: `SELECT ${APP_COLUMNS},
                     EXISTS (SELECT 1 FROM inbox WHERE source = $2 AND event_id = $3) AS received
                   FROM applications WHERE id = $1`,
} as const;
/** Serialises setup (migrations, pg-boss install, queues) across processes starting together. */
const SETUP_LOCK = 'onething.setup';

/** Events as the five arrays the `unnest` of an insert takes. */
const eventColumns = (events: ApplicationEvent[]) => [
  events.map((e) => e.applicationId),
  events.map((e) => e.revision),
  events.map((e) => e.at),
  events.map((e) => e.kind),
  events.map((e) => JSON.stringify(e.data ?? null)),
];

/** A pg-boss `db` that runs its statements on `client` (inside whatever transaction it is in). */
const bossDb = (client: pg.Pool | pg.PoolClient): PgBoss.Db => ({
  executeSql: (text, values) => client.query(text, values),
});

/**
 * Applications in PostgreSQL (JSONB states, an events table, the callback inbox, idempotent
 * responses) and jobs in pg-boss queues, on one pool. A transaction is `BEGIN … COMMIT` on one pooled
 * connection; `getApplication` in it locks the row (`SELECT … FOR UPDATE`), and `enqueue` sends the
 * jobs through pg-boss on that same connection, so a state change and its jobs commit together.
 * Migrations, pg-boss's schema and the queues are set up under an advisory lock: any number of
 * processes may start at once.
 *
 * @example
 * const storage = await createPostgresStorage({ connectionString: process.env.DATABASE_URL! });
 * const runner = createPgBossJobRunner(storage);
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<PostgresStorage> {
  const onError =
    options.onError ?? ((error: unknown) => console.error('onething: postgres:', (error as Error).message));
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    application_name: 'onething',
  });
  pool.on('error', onError);
  const boss = new PgBoss({
    db: bossDb(pool),
    schema: options.bossSchema ?? 'pgboss',
    schedule: false, // no cron jobs: timers are jobs with startAfter
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', onError);

  try {
    const setup = await pool.connect();
    try {
      await setup.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [SETUP_LOCK]);
      await migratePostgres(setup);
      await boss.start();
      await ensurePgQueues(boss, options);
    } finally {
      await setup.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [SETUP_LOCK]).catch(onError);
      setup.release();
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await pool.end();
    throw error;
  }

  const txOf = (client: pg.PoolClient): Tx => ({
    async getApplication(id) {
      const { rows } = await client.query<AppRow>({ name: 'onething_lock', text: SQL.lock, values: [id] });
      return toApplication(rows[0]);
    },
    async insertApplication(app) {
      const { rowCount } = await client.query(
        `INSERT INTO applications (id, bundle_id, revision, status, token_hash, state, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7) ON CONFLICT (id) DO NOTHING`,
        [
          app.id,
          app.bundleId,
          app.revision,
          app.state.status,
          app.tokenHash,
          JSON.stringify(app.state),
          app.state.updatedAt,
        ],
      );
      return rowCount === 1;
    },
    async updateApplication(id, revision, state, events) {
      const { rows } = await client.query<{ updated: number }>({
        name: 'onething_update',
        text: SQL.update,
        values: [id, revision, state.status, JSON.stringify(state), state.updatedAt, ...eventColumns(events)],
      });
      return rows[0]?.updated === 1;
    },
    async appendEvents(events) {
      if (events.length === 0) return;
      await client.query({ name: 'onething_events', text: SQL.events, values: eventColumns(events) });
    },
    async enqueue(jobs) {
      await sendPgJobs(boss, bossDb(client), jobs);
    },
    async acceptInbox(source, eventId) {
      const { rowCount } = await client.query({
        name: 'onething_inbox',
        text: SQL.inbox,
        values: [source, eventId],
      });
      return rowCount === 1;
    },
    async getIdempotent(key, notBefore) {
      // Requests with one key are serialised until their transactions end: a second one waits for the
      // first to commit, then finds its answer (a replay), instead of creating a second application.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idempotency:${key}`]);
      const { rows } = await client.query<{ request_hash: string; status: number; body: unknown }>(
        'SELECT request_hash, status, body FROM idempotency WHERE key = $1 AND created_at >= to_timestamp($2 / 1000.0)',
        [key, notBefore],
      );
      const row = rows[0];
      return row && { requestHash: row.request_hash, status: row.status, body: row.body };
    },
    async saveIdempotent(key, requestHash, status, body, at) {
      await client.query(
        `INSERT INTO idempotency (key, request_hash, status, body, created_at)
         VALUES ($1, $2, $3, $4::jsonb, to_timestamp($5 / 1000.0))
         ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
           body = excluded.body, created_at = excluded.created_at`,
        [key, requestHash, status, JSON.stringify(body ?? null), at],
      );
    },
  });

  let closed = false;
  return {
    kind: 'postgres',
    pool,
    boss,
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(txOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is unusable: drop it instead of pooling it.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async getApplication(id) {
      const { rows } = await pool.query<AppRow>({ name: 'onething_get', text: SQL.get, values: [id] });
      return toApplication(rows[0]);
    },
    async eventsSince(applicationId, revision) {
      const { rows } = await pool.query<{
        application_id: string;
        revision: number;
        at: string;
        kind: string;
        data: unknown;
      }>(
        'SELECT application_id, revision, at, kind, data FROM events WHERE application_id = $1 AND revision > $2 ORDER BY seq',
        [applicationId, revision],
      );
      return rows.map((r): ApplicationEvent => ({
        applicationId: r.application_id,
        revision: r.revision,
        at: r.at,
        kind: r.kind,
        data: r.data,
      }));
    },
    async countApplications() {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM applications');
      return Number(rows[0]!.n);
    },
    async getForCallback(applicationId, source, eventId) {
      const { rows } = await pool.query<AppRow & { received: boolean }>({
        name: 'onething_get_for_callback',
        text: SQL.getForCallback,
        values: [applicationId, source, eventId],
      });
      return { application: toApplication(rows[0]), received: rows[0]?.received === true };
    },
    async purgeIdempotency(before) {
      const { rowCount } = await pool.query(
        'DELETE FROM idempotency WHERE created_at < to_timestamp($1 / 1000.0)',
        [before],
      );
      return rowCount ?? 0;
    },
    async deadJobs() {
      const schema = options.bossSchema ?? 'pgboss';
      const { rows } = await pool.query<{ id: string; data: Job; output: unknown }>(
        `SELECT id, data, output FROM ${schema}.job WHERE name = $1 ORDER BY created_on DESC`,
        [PG_QUEUES.dead],
      );
      return rows.map((r) => ({ id: r.id, job: r.data, error: r.output }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await boss.stop({ graceful: false, close: false });
      await pool.end();
    },
  };
}
