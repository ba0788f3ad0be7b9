import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const ENGINE_IMPORT_PATTERNS = [
  { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*'], message: 'engine/ is pure TypeScript: no UI libraries.' },
  { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**'], message: 'engine/ must not import from ui/, store/, worker/ or cli/.' },
];
const NO_KUBECTL = { group: ['**/kubectl', '**/kubectl/**'], message: 'The server must not import the kubectl client; put the shared contract in engine/.' };

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
    rules: { 'no-restricted-imports': ['error', { patterns: ENGINE_IMPORT_PATTERNS }] },
  },
  {
    // The server side (API server, controllers, scheduler, kubelets, proxy, runtime) never depends on its
    // client: kubectl talks to it, not the other way round. Shared contracts live in engine/ (metrics/resourceMetrics.ts,
    // podSubresources.ts, context.ts). Tests may still drive kubectl.
    files: ['src/engine/{apiserver,controllers,scheduler,kubelet,proxy,runtime}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ENGINE_IMPORT_PATTERNS, NO_KUBECTL] }] },
  },
  {
    // The kubelets and the cluster network meet only through engine/podNetworkContract.ts.
    files: ['src/engine/kubelet/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ENGINE_IMPORT_PATTERNS, NO_KUBECTL, { group: ['**/proxy', '**/proxy/**'], message: 'kubelet/ reaches the network through engine/podNetworkContract.ts.' }] }] },
  },
  {
    files: ['src/engine/proxy/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ENGINE_IMPORT_PATTERNS, NO_KUBECTL, { group: ['**/kubelet', '**/kubelet/**'], message: 'proxy/ reaches the nodes through engine/podNetworkContract.ts.' }] }] },
  },
);
