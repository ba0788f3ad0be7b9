/**
 * The conformance corpus for Node-side tests: the Kubernetes documentation's example manifests, vendored
 * in the repository at `conformance/` (see its README for the source commit and the CC BY 4.0 licence).
 * Test data that is missing is an error, never a reason to skip: a test that cannot find the corpus
 * throws, naming the path it looked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder (the repository's `conformance/`), absolute. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../../conformance');

function requirePresent(path: string): string {
  if (!existsSync(path)) {
    throw new Error(`conformance corpus file missing: ${path} (the corpus is part of the repository, under conformance/; restore it with git)`);
  }
  return path;
}

/** The corpus-relative paths listed in `index.tsv` (`examples/controllers/nginx-deployment.yaml`, ...). */
export function corpusFiles(): string[] {
  const index = readFileSync(requirePresent(join(CORPUS_DIR, 'index.tsv')), 'utf8').split('\n').slice(1);
  const files = index.map((line) => line.split('\t')[0]!).filter((p) => p !== '');
  if (files.length === 0) throw new Error(`conformance corpus index lists no files: ${join(CORPUS_DIR, 'index.tsv')}`);
  return files;
}

/** The text of one corpus file, by its corpus-relative path (`examples/application/php-apache.yaml`). */
export function readCorpusFile(path: string): string {
  return readFileSync(requirePresent(join(CORPUS_DIR, path)), 'utf8');
}
