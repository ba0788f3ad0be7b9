import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.tmp.*', '**/.perf/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The worker owns the cluster and speaks the protocol; the page's side (client/, stores, React) is not its business.
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*'], message: 'worker/ runs no UI libraries.' },
            { group: ['**/ui/**', '**/store/**', '**/client/**'], message: 'worker/ must not import from ui/, store/ or client/ (the page side of the protocol).' },
            {
              regex: '/engine/(kubectl|concepts|apiserver/manifests)$',
              allowTypeImports: true,
              message: 'The worker loads kubectl, the concept scenarios and the YAML parser after the first screen (deferredModules.ts): import the one module you need (engine/kubectl/readOnly ...), or use the deferred module.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine runs headless (Node, worker): it must not know the screen exists.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*'], message: 'engine/ is pure TypeScript: no UI libraries.' },
            { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**'], message: 'engine/ must not import from ui/, store/, worker/ or cli/.' },
          ],
        },
      ],
    },
  },
);
