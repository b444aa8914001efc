import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/*.generated.js',
      'examples/**/__expected__/**',
      '**/.tmp*/**',
      '**/*.tmp.mjs',
      'examples/embed/*.bundle.js',
      'examples/embed/react-host.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'eval is forbidden (strict CSP).' },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'new Function is forbidden (strict CSP).',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', '**/bin/**', 'rollup.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['examples/**/*.js', 'bench/browser/*.js', 'bench/browser/*.mjs', 'bench/playground.mjs'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
        setTimeout: 'readonly',
        MutationObserver: 'readonly',
      },
    },
  },
);
