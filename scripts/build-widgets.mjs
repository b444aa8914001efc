#!/usr/bin/env node
// The browser builds that rollup's library build does not make (run by `npm run build`):
//  - packages/widgets/dist/embed.js: one self-contained, minified ES module defining <onething-form>,
//    <onething-status> and <onething-rating> (preact, the engine's runtime and CEL inside; no eval, no
//    inline script). It runs the modules `onething compile` writes;
//  - packages/widgets/dist/embed-authoring.js: the engine's authoring half (loader, YAML, merge, ajv),
//    which embed.js imports only when a page hands it bundle source text instead;
//  - packages/widgets/dist/embed-status.js: the views of <onething-status> and <onething-rating>, which
//    embed.js imports when the first of those elements renders;
//  - examples/embed/newborn.bundle.js: the module `onething compile` writes for the newborn example,
//    bundled with its small validator helpers so a page can import it under a strict CSP.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { minify } from 'terser';
import { compileBundle, loadBundle } from '../packages/engine/dist/index.js';
import { compileBundleModule } from '../packages/engine/dist/node/index.js';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'error',
  jsx: 'automatic',
  jsxImportSource: 'preact',
};

/**
 * embed.js imports what only some pages need from the files next to it, never inlined: the authoring
 * half (for source bundles) and the status/rating views.
 */
const apart = {
  name: 'embed-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/authoring\.js$/ }, () => ({ path: './embed-authoring.js', external: true }));
    b.onResolve({ filter: /^\.\/statusViews\.js$/ }, () => ({ path: './embed-status.js', external: true }));
  },
};

/**
 * Bundled by esbuild, then minified once more by terser (two compress passes): what every portal
 * downloads is worth the extra second of build time (about 3% smaller gzipped).
 */
async function buildSmall(options) {
  const result = await build({ ...common, ...options, write: false });
  const [output] = result.outputFiles;
  const small = await minify(output.text, {
    module: true,
    ecma: 2022,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  writeFileSync(output.path, small.code);
}

await buildSmall({
  entryPoints: [join(root, 'packages/widgets/src/embed.ts')],
  outfile: join(root, 'packages/widgets/dist/embed.js'),
  plugins: [apart],
});

await buildSmall({
  entryPoints: [join(root, 'packages/widgets/src/elements/statusViews.ts')],
  outfile: join(root, 'packages/widgets/dist/embed-status.js'),
});

await build({
  ...common,
  entryPoints: [join(root, 'packages/widgets/src/elements/authoring.ts')],
  outfile: join(root, 'packages/widgets/dist/embed-authoring.js'),
});

// examples/embed/react-host.js: the React host page's script, with React 19 itself (react-dom/client).
await build({
  ...common,
  entryPoints: [join(root, 'examples/embed/react-host.tsx')],
  outfile: join(root, 'examples/embed/react-host.js'),
  jsxImportSource: 'react',
  define: { 'process.env.NODE_ENV': '"production"' },
});

// The newborn example compiled for examples/embed/ (strict CSP: nothing compiled in the page).
const loaded = loadBundle(readFileSync(join(root, 'examples/newborn/bundle.yaml'), 'utf8'));
const tmp = mkdtempSync(join(root, 'packages/engine/.tmp-bundle-'));
try {
  const source = join(tmp, 'bundle.js');
  writeFileSync(source, compileBundleModule(compileBundle(loaded)).source);
  await build({
    ...common,
    entryPoints: [source],
    outfile: join(root, 'examples/embed/newborn.bundle.js'),
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
