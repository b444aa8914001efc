#!/usr/bin/env node
// `dist/embed.js` gzipped, and what its parts weigh (issue #4): preact, CEL, the engine's runtime and
// the widgets. Gzip does not add up across parts, so each library part is bundled and gzipped on its
// own with the same minifier settings, and the widgets are the rest. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const gz = (bytes) => gzipSync(bytes).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function alone(contents, external = []) {
  const result = await build({
    stdin: { contents, resolveDir: join(root, 'packages/widgets/src'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
    external,
    tsconfig: join(root, 'packages/widgets/tsconfig.json'),
  });
  return gz(result.outputFiles[0].contents);
}

const file = (name) => readFileSync(join(root, 'packages/widgets/dist', name));
const total = gz(file('embed.js'));
const preact = await alone(
  `import { h, render, Component, Fragment, options } from 'preact';
   import { useState, useEffect, useRef, useReducer, useMemo, useCallback } from 'preact/hooks';
   import { jsx, jsxs } from 'preact/jsx-runtime';
   console.log(h, render, Component, Fragment, options, useState, useEffect, useRef, useReducer, useMemo, useCallback, jsx, jsxs);`,
);
const cel = await alone(
  `import { Environment } from '@marcbachmann/cel-js'; console.log(new Environment());`,
);
const engine = await alone(`import * as runtime from '@onething/engine/runtime'; console.log(runtime);`, [
  '@marcbachmann/cel-js',
]);
const rows = [
  ['preact (with hooks)', preact],
  ['CEL (@marcbachmann/cel-js)', cel],
  ['engine runtime (@onething/engine/runtime, all of it)', engine],
  ['widgets (the rest)', total - preact - cel - engine],
];
console.log('\n## dist/embed.js (issue #4)\n');
console.log('| part | gzip |');
console.log('| --- | --- |');
for (const [name, bytes] of rows) console.log(`| ${name} | ${kb(bytes)} |`);
console.log(`| **embed.js** | **${kb(total)}** (limit 60 KB) |`);
console.log(
  `\nLoaded only when needed: embed-status.js ${kb(gz(file('embed-status.js')))} (status and rating views), ` +
    `embed-authoring.js ${kb(gz(file('embed-authoring.js')))} (bundle source text), ` +
    `regions.json ${kb(gz(readFileSync(join(root, 'packages/widgets/data/regions.json'))))} (region data).`,
);
