#!/usr/bin/env node
// The browser builds that rollup's library build does not make (run by `npm run build`):
//  - packages/widgets/dist/embed.js: one self-contained, minified ES module defining <onething-form>
//    (preact, the engine, CEL and YAML inside; no eval, no inline script);
//  - examples/embed/newborn.validators.js: the validators `onething compile` writes for the newborn
//    example, bundled with their small runtime helpers so a page can import them under a strict CSP.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { compileBundle, loadBundle } from '../packages/engine/dist/index.js';
import { compileStandalone } from '../packages/engine/dist/node/index.js';
import { fieldSchema, itemSchemas } from '../packages/engine/dist/index.js';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'error',
  jsx: 'automatic',
  jsxImportSource: 'preact',
};

await build({
  ...common,
  entryPoints: [join(root, 'packages/widgets/src/embed.ts')],
  outfile: join(root, 'packages/widgets/dist/embed.js'),
  metafile: false,
});

// examples/embed/react-host.js: the React host page's script. React is preact/compat here (an alias),
// which runs the same React 19 source; swap the alias for react/react-dom to test with React itself.
await build({
  ...common,
  entryPoints: [join(root, 'examples/embed/react-host.tsx')],
  outfile: join(root, 'examples/embed/react-host.js'),
  jsxImportSource: 'react',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
});

// Validators of the newborn example for examples/embed/ (strict CSP: nothing compiled in the page).
const loaded = loadBundle(readFileSync(join(root, 'examples/newborn/bundle.yaml'), 'utf8'));
const compiled = compileBundle(loaded);
const validators = { merged: compiled.constraintSchema };
for (const [id, schema] of Object.entries(itemSchemas(compiled.bundle))) validators[`item_${id}`] = schema;
for (const key of Object.keys(compiled.form.fields))
  validators[`field_${key}`] = fieldSchema(compiled.form, key);
const tmp = mkdtempSync(join(root, 'packages/engine/.tmp-validators-'));
try {
  const source = join(tmp, 'validators.js');
  writeFileSync(source, compileStandalone(validators));
  await build({
    ...common,
    entryPoints: [source],
    outfile: join(root, 'examples/embed/newborn.validators.js'),
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
