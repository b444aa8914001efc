/** SQLite migrations, applied in order once each (`PRAGMA user_version` counts them). */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE applications (
     id TEXT PRIMARY KEY,
     bundle_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     status TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     state TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     application_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     at TEXT NOT NULL,
     kind TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX events_by_application ON events (application_id, revision);
   CREATE TABLE jobs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     application_id TEXT NOT NULL,
     target TEXT NOT NULL,
     run_at INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     locked_until INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     dead INTEGER NOT NULL DEFAULT 0,
     UNIQUE (name, application_id, target)
   );
   CREATE INDEX jobs_due ON jobs (dead, run_at);
   CREATE TABLE inbox (
     source TEXT NOT NULL,
     event_id TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (source, event_id)
   );
   CREATE TABLE idempotency (
     key TEXT PRIMARY KEY,
     request_hash TEXT NOT NULL,
     status INTEGER NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
];
