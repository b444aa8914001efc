import { defineConfig, type Plugin } from 'vite';
import { PLAYGROUND_CSP } from './csp.js';
import { liteBrowserShims } from './src/types/liteBrowserShims.js';

/**
 * The production build carries its Content-Security-Policy in the page itself (a meta tag), so any
 * static host serves it under the policy; `npm start` also sends it as a header. The dev server
 * (`npm run dev -w @onething/playground`) has no policy: Vite's hot reload injects styles inline.
 */
function cspMeta(): Plugin {
  return {
    name: 'onething-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: PLAYGROUND_CSP.replace(/; frame-ancestors [^;]+/, ''),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [cspMeta(), liteBrowserShims()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URLs anywhere: the strict policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
  },
  preview: { headers: { 'Content-Security-Policy': PLAYGROUND_CSP } },
  server: { port: Number(process.env.PORT ?? 5173) },
});
