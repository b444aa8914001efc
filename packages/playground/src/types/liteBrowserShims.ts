import type { Plugin } from 'vite';

/**
 * Browser stand-ins for the three Node built-ins json-schema-to-typescript-lite imports at its top:
 * `process.cwd()` (only a default for the `cwd` option, which `generateBundleTypes` sets),
 * `isDeepStrictEqual` (compares `definitions` with `$defs`; `prepareTypeSchemas` never leaves both) and
 * `basename`/`extname` (name types after `$ref` file names; our schemas have no `$ref`); and, for its
 * ref parser, `path` and the global `Buffer`. Vite would
 * otherwise leave them as empty "browser-external" modules and the build fails on the named imports.
 */
const SHIMS: Record<string, string> = {
  'node:process': `export default { cwd: () => '/', env: {}, platform: 'browser' };`,
  'node:util': `
function equal(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]));
}
export function isDeepStrictEqual(a, b) { return equal(a, b); }
export default { isDeepStrictEqual };`,
  // Also `path` for @apidevtools/json-schema-ref-parser, which splits every URL on `path.win32.sep`.
  path: `
export const sep = '/';
export function basename(path, ext) {
  const base = String(path).replace(/\\/+$/, '').split('/').pop() ?? '';
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}
export function extname(path) {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}
export function dirname(path) {
  const cut = String(path).replace(/\\/+$/, '').lastIndexOf('/');
  return cut > 0 ? String(path).slice(0, cut) : cut === 0 ? '/' : '.';
}
export function join(...parts) {
  return parts.filter(Boolean).join('/').replace(/\\/{2,}/g, '/');
}
export function relative(from, to) {
  return to;
}
export const posix = { sep: '/' };
export const win32 = { sep: '\\\\', isAbsolute: (p) => /^([a-zA-Z]:[\\\\/]|\\\\\\\\)/.test(p) };
export default { sep, basename, extname, dirname, join, relative, posix, win32 };`,
};

const BUFFER_STANDIN = `var Buffer = globalThis.Buffer || {
  isBuffer: function () { return false; },
  from: function () { throw new Error('Buffer is not available in the browser'); },
};`;

const PREFIX = '\0onething-lite-shim:';
const IMPORTERS = ['json-schema-to-typescript-lite', '@apidevtools/json-schema-ref-parser'];
const shimOf = (id: string): string | undefined => SHIMS[id === 'node:path' ? 'path' : id];

/**
 * Vite plugin that lets the playground bundle json-schema-to-typescript-lite for the browser: it
 * resolves that package's `node:process`, `node:util` and `node:path` imports, and its ref parser's
 * `path`, to small shims (no one else's imports). Add it to `plugins` in packages/playground/vite.config.ts.
 *
 * @example
 * export default defineConfig({ plugins: [cspMeta(), liteBrowserShims()] });
 */
export function liteBrowserShims(): Plugin {
  return {
    name: 'onething-lite-browser-shims',
    enforce: 'pre',
    resolveId(id, importer) {
      if (shimOf(id) === undefined || !IMPORTERS.some((name) => importer?.includes(name))) return null;
      return PREFIX + id;
    },
    load(id) {
      return id.startsWith(PREFIX) ? shimOf(id.slice(PREFIX.length)) : null;
    },
    // The ref parser asks `Buffer.isBuffer(schema)` of every schema it is given (and of files, which we
    // never read): give its modules a stand-in where no global Buffer exists. Appended, so the
    // hoisted `var` is set once the module body has run, before any of its functions is called.
    transform(code, id) {
      if (!id.includes('@apidevtools/json-schema-ref-parser') || !/\bBuffer\./.test(code)) return null;
      return { code: `${code}\n${BUFFER_STANDIN}\n`, map: null };
    },
  };
}
