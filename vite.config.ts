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
 * Stand-ins in the simulation worker's bundle, so its first script boots the running cluster without
 * kubectl's printers and describers or the YAML parser (both load once the first screen is live, see
 * src/worker/deferredModules.ts): the cluster's kubectl runner (src/engine/kubectl/runner.ts) calls
 * kubectl once loaded, and kubectl's apply gets the boot manifests parsed at build time
 * (`virtual:boot-manifests`, scripts/bootManifests.ts) until the parser has loaded.
 */
function deferredPartsInWorker(): Plugin {
  const standIn = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  const kubectlRunner = standIn('./src/worker/deferredKubectlRunner.ts');
  const manifests = standIn('./src/worker/deferredManifests.ts');
  const bootId = 'virtual:boot-manifests';
  return {
    name: 'kube-playground:deferred-worker-parts',
    enforce: 'pre',
    resolveId: {
      filter: { id: /\/kubectl\/runner$|\/apiserver\/manifests$|^virtual:boot-manifests$/ },
      async handler(source, importer, options) {
        if (source === bootId) return `\0${bootId}`;
        if (!importer) return undefined;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved?.id.endsWith('/src/engine/kubectl/runner.ts')) return kubectlRunner;
        if (resolved?.id.endsWith('/src/engine/apiserver/manifests.ts') && importer.endsWith('/src/engine/kubectl/apply.ts')) return manifests;
        return undefined;
      },
    },
    load: {
      filter: { id: /^\0virtual:boot-manifests$/ },
      handler() {
        const json = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bootManifests.ts'], { encoding: 'utf8', maxBuffer: 16 << 20 });
        return `export default JSON.parse(${JSON.stringify(json)});`;
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
  worker: { format: 'es', plugins: () => [deferredPartsInWorker(), ...composition()] },
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
