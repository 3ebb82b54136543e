import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Names that would tie the pure domain to a host: browser, DOM, Office, storage, network. */
const hostGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'chrome',
  'browser',
  'Office',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'MutationObserver',
  'HTMLElement',
  'Element',
  'Node',
].map((name) => ({ name, message: 'lib/domain is pure: pass platform objects in as parameters.' }));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.output',
      '.output-*',
      '.tmp',
      '.wxt',
      'dist',
      'outlook-addin/dist',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Never innerHTML: email, CSV and e-invoice content is hostile. Build nodes or escape.',
        },
      ],
    },
  },
  {
    files: ['lib/domain/**'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-globals': ['error', ...hostGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports'], message: 'lib/domain must not depend on WXT.' },
            { group: ['idb', 'fake-indexeddb', '@microsoft/office-js'], message: 'lib/domain does no I/O.' },
            { group: ['preact', 'preact/*'], message: 'lib/domain has no UI.' },
            {
              group: ['**/store/**', '**/mail/**', '**/import/**', '**/components/**', '**/entrypoints/**'],
              message: 'lib/domain imports only itself and pure libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', '*.config.*', 'tests/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
