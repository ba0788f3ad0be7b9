import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import type { Plugin } from 'vite';

/**
 * `virtual:first-screen`: the running cluster the simulation worker boots into, made at build time by the
 * same engine (scripts/firstScreenSnapshot.ts), so the page paints its first frame before the worker loads.
 */
function firstScreenSnapshot(): Plugin {
  const id = 'virtual:first-screen';
  return {
    name: 'kube-playground:first-screen',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(source) {
      if (source !== `\0${id}`) return undefined;
      const json = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/firstScreenSnapshot.ts'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      // JSON.parse of a string literal is faster to load than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}

// Relative base: dist/ works when served from any sub-path (GitHub Pages, a course site's folder).
export default defineConfig({
  base: './',
  plugins: [react(), firstScreenSnapshot()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  // Listed so the dev server pre-bundles them up front instead of reloading the page on first load.
  optimizeDeps: {
    include: ['react', 'react-dom', 'react-dom/client', '@xyflow/react', 'zustand', 'zustand/shallow', 'i18next', 'react-i18next'],
  },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
  // Nothing outside the project root is served (the conformance corpus is vendored in conformance/).
  server: { host: '127.0.0.1', fs: { strict: true, allow: ['.'] } },
});
