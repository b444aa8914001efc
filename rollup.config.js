// Builds each library package to ESM + .d.ts. Dependencies stay external.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import json from '@rollup/plugin-json';
import esbuild from 'rollup-plugin-esbuild';
import dts from 'rollup-plugin-dts';

function external(pkgDir) {
  const pkg = JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8'));
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  return (id) => builtins.has(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));
}

const engine = 'packages/engine';
const engineExternal = external(engine);
const widgets = 'packages/widgets';
const server = 'packages/server';
const serverExternal = external(server);
const widgetsExternal = external(widgets);
const jsx = { jsx: 'automatic', jsxImportSource: 'preact' };

export default [
  {
    input: { index: `${server}/src/index.ts`, cli: `${server}/src/cli.ts` },
    output: { dir: `${server}/dist`, format: 'es', sourcemap: true },
    external: serverExternal,
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  },
  {
    input: { index: `${server}/src/index.ts`, cli: `${server}/src/cli.ts` },
    output: { dir: `${server}/dist`, format: 'es' },
    external: serverExternal,
    plugins: [dts({ tsconfig: 'tsconfig.base.json', compilerOptions: { paths: {} } })],
  },
  {
    input: {
      index: `${engine}/src/index.ts`,
      runtime: `${engine}/src/runtime.ts`,
      formats: `${engine}/src/validate/standaloneFormats.ts`,
      'node/index': `${engine}/src/node/index.ts`,
      'node/cli': `${engine}/src/node/cli.ts`,
    },
    output: {
      dir: `${engine}/dist`,
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    external: engineExternal,
    plugins: [json({ preferConst: true }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(warning.message);
      warn(warning);
    },
  },
  {
    input: {
      index: `${engine}/src/index.ts`,
      runtime: `${engine}/src/runtime.ts`,
      formats: `${engine}/src/validate/standaloneFormats.ts`,
      'node/index': `${engine}/src/node/index.ts`,
    },
    output: { dir: `${engine}/dist`, format: 'es' },
    external: (id) => engineExternal(id) || id.endsWith('.json'),
    plugins: [dts({ tsconfig: 'tsconfig.base.json' })],
  },
  {
    input: { index: `${widgets}/src/index.ts` },
    output: { dir: `${widgets}/dist`, format: 'es', sourcemap: true },
    external: widgetsExternal,
    plugins: [esbuild({ target: 'es2022', tsconfig: `${widgets}/tsconfig.json`, ...jsx })],
  },
  {
    input: { index: `${widgets}/src/index.ts` },
    output: { dir: `${widgets}/dist`, format: 'es' },
    external: widgetsExternal,
    plugins: [dts({ tsconfig: `${widgets}/tsconfig.json`, compilerOptions: { paths: {} } })],
  },
];
