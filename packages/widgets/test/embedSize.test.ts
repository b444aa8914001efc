// dist/embed.js is what every portal page downloads: issue #4 caps it at 60 KB gzipped (the region
// data, the status/rating views and the authoring half are separate files, loaded only when needed).
// Needs dist/: `npm run build` (CI builds it during `npm ci`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const dist = join(root, 'packages/widgets/dist');
const LIMIT = 60 * 1024;

/** Newest modification time of the sources embed.js is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

describe('dist/embed.js', () => {
  const file = join(dist, 'embed.js');
  if (!existsSync(file)) throw new Error('packages/widgets/dist/embed.js is missing: run `npm run build`.');
  const code = readFileSync(file);
  const text = code.toString('utf8');

  it('is built from the current sources', () => {
    const built = statSync(file).mtimeMs;
    const sources = Math.max(
      newestSource(join(root, 'packages/widgets/src')),
      newestSource(join(root, 'packages/engine/src')),
    );
    expect(built, 'dist/embed.js is older than the sources: run `npm run build`').toBeGreaterThanOrEqual(
      sources,
    );
  });

  it(`is at most ${LIMIT / 1024} KB gzipped`, () => {
    const size = gzipSync(code).length;
    expect(size, `embed.js is ${(size / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(LIMIT);
  });

  it('holds no code generation, no YAML parser, no ajv compiler and no region data', () => {
    expect(text).not.toMatch(/new Function\(|\beval\(/);
    expect(text).not.toContain('YAMLParseError');
    expect(text).not.toContain('strictSchema');
    expect(text).not.toContain('南山区');
  });

  it('loads its on-demand parts from files next to it', () => {
    expect(text).toContain('./embed-authoring.js');
    expect(text).toContain('./embed-status.js');
    expect(existsSync(join(dist, 'embed-authoring.js'))).toBe(true);
    expect(existsSync(join(dist, 'embed-status.js'))).toBe(true);
  });
});
