import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('the precompiled bundle-schema validator is up to date with schema/bundle.schema.json', () => {
  const script = new URL('../../../../scripts/build-schema-validator.mjs', import.meta.url).pathname;
  const result = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
