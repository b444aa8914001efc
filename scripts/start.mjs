#!/usr/bin/env node
// `npm start`: build what the playground needs and serve it, under its strict Content-Security-Policy,
// on http://localhost:5173 (PORT overrides). Everything runs in the browser: no server to set up.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const playground = join(root, 'packages/playground');
const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number (1–65535), got "${process.env.PORT}"`);
  process.exit(2);
}

// The engine and widgets are built by `npm ci` (prepare); build them when a checkout lacks them.
const libraries = ['packages/engine/dist/index.js', 'packages/widgets/dist/index.js'];
if (libraries.some((file) => !existsSync(join(root, file)))) {
  console.log('building the engine and widgets (npm run build:libs)…');
  const { status } = spawnSync('npm', ['run', 'build:libs'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

const { build, preview } = await import('vite');
console.log('building the playground…');
await build({ root: playground, configFile: join(playground, 'vite.config.ts'), logLevel: 'warn' });
const server = await preview({
  root: playground,
  configFile: join(playground, 'vite.config.ts'),
  preview: { port, strictPort: true, host: process.env.HOST ?? 'localhost', open: false },
  logLevel: 'warn',
});
const address = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log(`\n  onething playground: ${address}\n  (Ctrl-C to stop)\n`);
