import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: dist/ works when served from any sub-path (GitHub Pages, a course site's folder).
export default defineConfig({
  base: './',
  plugins: [react()],
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
