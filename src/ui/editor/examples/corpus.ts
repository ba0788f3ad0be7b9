/**
 * The conformance corpus (the Kubernetes documentation's example manifests, vendored in the repository's
 * `conformance/` folder) as browser examples. Vite bundles each file as its own lazy chunk, fetched only
 * when a student opens it. The list must hold all 338 files: examples.test.ts compares it with the
 * corpus' index.tsv.
 */
export interface CorpusExample {
  /** As in the corpus' index.tsv: `examples/controllers/nginx-deployment.yaml`. */
  path: string;
  load(): Promise<string>;
}

// A leading `/` is the project root for import.meta.glob.
const loaders = import.meta.glob<string>('/conformance/examples/**/*.{yaml,yml}', { query: '?raw', import: 'default' });

export const CORPUS_EXAMPLES: readonly CorpusExample[] = Object.entries(loaders)
  .map(([key, load]) => ({ path: key.replace(/^\/conformance\//, ''), load }))
  .sort((a, b) => a.path.localeCompare(b.path));

/** The folder of an example (`controllers`), for grouping the menu. */
export function corpusSection(path: string): string {
  return path.split('/')[1] ?? '';
}
