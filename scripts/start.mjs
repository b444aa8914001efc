// `npm start`: until the playground lands, validate the newborn example and print its merged form.
import { spawnSync } from 'node:child_process';

const cli = new URL('../packages/engine/bin/onething.js', import.meta.url).pathname;
const bundle = process.argv[2] ?? 'examples/newborn/bundle.yaml';
for (const args of [
  ['validate', bundle],
  ['summary', bundle],
]) {
  const { status } = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
