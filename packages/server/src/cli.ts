import { parseArgs } from 'node:util';
import { loadAdapterConfig } from './adapters/loadAdapterConfig.js';
import { createServer } from './createServer.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: onething serve  [--bundles <dir>] [--port 8080] [--host 127.0.0.1] [--db ./data/onething.db]
                       [--departments <url> | --adapters <adapters.json>] [--concurrency 16] [--poll-interval 5000]
       onething worker [--bundles <dir>] [--departments <url>] [--concurrency 16] [--poll-interval 5000]
                       (needs DATABASE_URL)

serve runs the API and a job worker in one process. Without DATABASE_URL it keeps applications in
SQLite (./data/onething.db, created on first run); with DATABASE_URL=postgres://… it uses PostgreSQL and
pg-boss, and \`onething worker\` starts extra worker processes (on other machines too) sharing the jobs.
Set ONETHING_WORKER=0 for an API-only serve process. Departments are simulated unless --departments
(or ONETHING_DEPARTMENTS_URL) gives the base URL of their HTTP APIs, one path per department id;
departments without callbacks are polled every --poll-interval milliseconds.`;

/** Resolves on SIGINT or SIGTERM. */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

/**
 * `onething serve` / `onething worker` (dispatched here by the engine's CLI). Resolves when the process
 * should exit: a usage error at once; otherwise when SIGINT/SIGTERM stops the server.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.slice(1),
      options: {
        bundles: { type: 'string', default: 'examples' },
        port: { type: 'string', default: process.env.PORT ?? '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: './data/onething.db' },
        departments: { type: 'string' },
        adapters: { type: 'string' },
        concurrency: { type: 'string', default: '16' },
        'poll-interval': { type: 'string', default: '5000' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    io.err(`onething: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`onething: --port must be a port number, got ${values.port}\n\n${USAGE}`);
    return 2;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    io.err(`onething: --concurrency must be a whole number ≥ 1, got ${values.concurrency}\n\n${USAGE}`);
    return 2;
  }
  const pollIntervalMs = Number(values['poll-interval']);
  if (!Number.isInteger(pollIntervalMs) || pollIntervalMs < 10) {
    io.err(`onething: --poll-interval must be milliseconds ≥ 10, got ${values['poll-interval']}\n\n${USAGE}`);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const worker = argv[0] === 'worker';
  if (worker && !databaseUrl) {
    io.err(
      `onething: \`onething worker\` shares the jobs of a PostgreSQL database: set DATABASE_URL=postgres://user@host:5432/db (with SQLite, \`onething serve\` runs the only worker itself)\n\n${USAGE}`,
    );
    return 2;
  }
  const departmentsUrl = values.departments ?? (process.env.ONETHING_DEPARTMENTS_URL || undefined);
  let server;
  try {
    server = await createServer({
      bundlesDir: values.bundles,
      sqliteFile: values.db,
      logger: false,
      workerConcurrency: concurrency,
      pollIntervalMs,
      worker: worker || !databaseUrl || process.env.ONETHING_WORKER !== '0',
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(departmentsUrl ? { departmentsUrl } : {}),
      ...(values.adapters ? loadAdapterConfig(values.adapters) : {}),
    });
  } catch (error) {
    io.err(`onething: cannot start: ${(error as Error).message}`);
    return 1;
  }
  for (const problem of server.bundles.problems)
    io.err(
      `onething: ${problem.file} not served: ${problem.diagnostics.map((d) => d.message).join('; ') || 'duplicate id'}`,
    );
  const where = databaseUrl ? `PostgreSQL ${redact(databaseUrl)}` : `SQLite ${values.db}`;
  if (worker) {
    io.out(`onething: worker running ${server.bundles.list().length} bundle(s)' jobs on ${where}`);
  } else {
    const address = await server.listen(port, values.host);
    io.out(
      `onething: serving ${server.bundles.list().length} bundle(s) on ${address} (${where}); API at ${address}/api, OpenAPI at ${address}/api/openapi.json`,
    );
  }
  await untilStopped();
  await server.close();
  return 0;
}

/** A connection URL without its password, for logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
