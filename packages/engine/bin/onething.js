#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('onething: the CLI is not built yet. Run `npm run build` in the repository root.\n');
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
