import { defineConfig } from 'vitest/config';

const include = ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'];
const exclude = ['**/node_modules/**', '**/dist/**'];

// Two projects, one `vitest run`: Node tests, and `*.browser.test.ts`, which run in Node too but drive a
// real Chromium (see packages/engine/test/fixtures/chromium.ts).
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', include, exclude: [...exclude, '**/*.browser.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['packages/*/src/**/*.browser.test.ts', 'packages/*/test/**/*.browser.test.ts'],
          exclude,
        },
      },
    ],
  },
});
