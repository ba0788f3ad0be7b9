/**
 * The conformance corpus (the Kubernetes documentation's example manifests, ../shared/conformance from
 * the repository root) as browser examples. Vite bundles each file as its own lazy chunk, fetched only
 * when a student opens it; if the folder is absent at build time the list is simply empty.
 */
export interface CorpusExample {
  /** As in the corpus' index.tsv: `examples/controllers/nginx-deployment.yaml`. */
  path: string;
  load(): Promise<string>;
}

const loaders = import.meta.glob<string>('../../../../../shared/conformance/examples/**/*.{yaml,yml}', { query: '?raw', import: 'default' });

export const CORPUS_EXAMPLES: readonly CorpusExample[] = Object.entries(loaders)
  .map(([key, load]) => ({ path: key.replace(/^.*\/shared\/conformance\//, ''), load }))
  .sort((a, b) => a.path.localeCompare(b.path));

/** The folder of an example (`controllers`), for grouping the menu. */
export function corpusSection(path: string): string {
  return path.split('/')[1] ?? '';
}
