import { parseArgs } from 'node:util';
import { createServer } from './createServer.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: onething serve [--bundles <dir>] [--port 8080] [--host 127.0.0.1] [--db ./data/onething.db]
       onething worker              (PostgreSQL mode: needs DATABASE_URL)

serve runs the API and a job worker in one process. Without DATABASE_URL it keeps applications in
SQLite (./data/onething.db, created on first run); with DATABASE_URL=postgres://… it uses PostgreSQL and
pg-boss, and \`onething worker\` adds worker processes.`;

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
  if (argv[0] === 'worker' || process.env.DATABASE_URL) {
    io.err(
      'onething: the PostgreSQL mode (DATABASE_URL, onething worker) is not available in this build yet',
    );
    return 2;
  }
  const server = await createServer({ bundlesDir: values.bundles, sqliteFile: values.db, logger: false });
  for (const problem of server.bundles.problems)
    io.err(
      `onething: ${problem.file} not served: ${problem.diagnostics.map((d) => d.message).join('; ') || 'duplicate id'}`,
    );
  const address = await server.listen(port, values.host);
  io.out(
    `onething: serving ${server.bundles.list().length} bundle(s) on ${address} (SQLite ${values.db}); API at ${address}/api, OpenAPI at ${address}/api/openapi.json`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
