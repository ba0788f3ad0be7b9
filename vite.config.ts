import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type * as BundleComposition from './scripts/bundleComposition';

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

/**
 * The built site's Content-Security-Policy: scripts and workers only from the site itself (no eval, no
 * inline script), no connection to any other host, no plugins, no <base> or form targets elsewhere.
 * Styles may be inline because Monaco and React Flow write <style> elements at run time; images and
 * fonts may be data: URLs (the favicon, small assets Vite inlines). Only in the build: the dev server's
 * React refresh preamble is an inline script and its hot reload a WebSocket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

/**
 * In the simulation worker's bundle, the cluster's kubectl runner (src/engine/kubectl/runner.ts) is a
 * stand-in that calls kubectl once it has loaded (src/worker/deferredKubectlRunner.ts): the worker's
 * first script boots the running cluster without kubectl's printers and describers.
 */
function deferredKubectlInWorker(): Plugin {
  const standIn = fileURLToPath(new URL('./src/worker/deferredKubectlRunner.ts', import.meta.url));
  return {
    name: 'kube-playground:deferred-kubectl',
    enforce: 'pre',
    resolveId: {
      filter: { id: /\/kubectl\/runner$/ },
      async handler(source, importer, options) {
        if (!importer) return undefined;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved?.id.endsWith('/src/engine/kubectl/runner.ts') ? standIn : undefined;
      },
    },
  };
}

/** `BUNDLE_REPORT=<file>`: record what each chunk is made of (scripts/bundleReport.ts reads it); loaded only then. */
function composition(): Promise<Plugin>[] {
  const out = process.env.BUNDLE_REPORT;
  const module = './scripts/bundleComposition.ts';
  return out ? [import(module).then((m: typeof BundleComposition) => m.bundleComposition(out))] : [];
}

// Relative base: dist/ works when served from any sub-path (GitHub Pages, a course site's folder).
export default defineConfig({
  base: './',
  plugins: [react(), firstScreenSnapshot(), contentSecurityPolicy(), ...composition()],
  worker: { format: 'es', plugins: () => [deferredKubectlInWorker(), ...composition()] },
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
