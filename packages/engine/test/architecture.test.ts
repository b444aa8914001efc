// The boundaries ARCHITECTURE.md promises, checked on the source text (the compiler checks them too:
// the engine's tsconfig has no DOM and no Node types).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

const engineSrc = join(root, 'packages/engine/src');
const engineFiles = sources(engineSrc);
const coreFiles = engineFiles.filter((f) => !relative(engineSrc, f).startsWith('node/'));

/** Source text without comments, so prose like "document." or "require." does not count. */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('architecture', () => {
  it('the engine core imports no Node built-ins, no DOM framework and no other package of ours', () => {
    const offenders = coreFiles.filter((f) =>
      /from\s+['"](node:|fs['"]|path['"]|preact|@onething\/(widgets|playground))/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the engine core uses no DOM or Node globals', () => {
    const globals = /\b(window|document|navigator|localStorage|process|Buffer)\s*\.|\brequire\s*\(/;
    const offenders = coreFiles.filter((f) => globals.test(code(f)));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('no package source calls eval or new Function (strict CSP)', () => {
    const offenders = readdirSync(join(root, 'packages'))
      .flatMap((pkg) => {
        try {
          return sources(join(root, 'packages', pkg, 'src'));
        } catch {
          return [];
        }
      })
      .filter((f) => /new Function\s*\(|[^.\w]eval\s*\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the public API is only src/index.ts, the ./runtime, ./formats and ./node entries', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'packages/engine/package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      sideEffects: boolean;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual([
      '.',
      './formats',
      './node',
      './package.json',
      './runtime',
      './schema/bundle.schema.json',
      './schema/trace.schema.json',
    ]);
    expect(pkg.sideEffects).toBe(false);
  });
});
