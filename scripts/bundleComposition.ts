/**
 * What each built chunk is made of: a Vite plugin (on when BUNDLE_REPORT names an output file) that
 * records, for every chunk of the page build and of each worker build, its modules' minified sizes and
 * an estimate of their gzip share (each module minified and gzipped alone). `npx tsx scripts/bundleReport.ts` builds with it and prints the
 * chunks with their largest packages and source folders, so a split can be planned and checked.
 */
import { appendFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';

export interface ChunkComposition {
  file: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  bytes: number;
  gzipBytes: number;
  modules: { id: string; bytes: number; gzipBytes: number }[];
}

export function bundleComposition(outFile: string): Plugin {
  return {
    name: 'kube-playground:bundle-composition',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const modules = Object.entries(chunk.modules).map(([id, m]) => {
          const code = minified(m.code ?? '');
          return { id, bytes: code.length, gzipBytes: code ? gzipSync(code, { level: 9 }).length : 0 };
        });
        const entry: ChunkComposition = {
          file: chunk.fileName,
          isEntry: chunk.isEntry,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          bytes: chunk.code.length,
          gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
          modules,
        };
        appendFileSync(outFile, `${JSON.stringify(entry)}\n`);
      }
    },
  };
}

/** A module's rendered code minified alone (the chunk is minified as a whole, so this is an estimate). */
function minified(code: string): string {
  if (!code) return '';
  try {
    return transformSync(code, { minify: true, format: 'esm', loader: 'js' }).code;
  } catch {
    return code;
  }
}
