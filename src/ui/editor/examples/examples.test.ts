/**
 * The examples the editor offers. Applying every corpus file is the engine's conformance test
 * (src/engine/apiserver/conformance.test.ts); here: the browser's list holds exactly that corpus, and
 * every starter applies cleanly to a fresh playground cluster.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../engine/cluster';
import { corpusFiles } from '../../../engine/testing/conformanceCorpus';
import { CORPUS_EXAMPLES } from './corpus';
import { STARTER_EXAMPLES } from './starters';

describe('the browser examples list holds the conformance corpus', () => {
  it('every file of index.tsv is listed, and nothing else', () => {
    const indexed = corpusFiles().sort((a, b) => a.localeCompare(b));
    expect(indexed).toHaveLength(338);
    expect(CORPUS_EXAMPLES.map((e) => e.path)).toEqual(indexed);
  });

  it('a listed file loads with its text', async () => {
    const nginx = CORPUS_EXAMPLES.find((e) => e.path === 'examples/controllers/nginx-deployment.yaml');
    expect(nginx).toBeDefined();
    expect(await nginx!.load()).toContain('kind: Deployment');
  });
});

describe('starter examples', () => {
  it.each(STARTER_EXAMPLES.map((e) => [e.id, e] as const))('%s applies cleanly to a fresh cluster', (_id, example) => {
    const cluster = createCluster({ seed: 1, preset: 'default' });
    const results = cluster.apply(example.text, { source: example.fileName });
    expect(results.filter((r) => r.action === 'error').map((r) => r.message)).toEqual([]);
    expect(results.map((r) => r.kind)).toEqual(example.kinds);
    expect(results.every((r) => !r.warning)).toBe(true);
  });

  it('every starter has a title in both languages and a unique file name', () => {
    for (const e of STARTER_EXAMPLES) expect(e.title.en && e.title.ko).toBeTruthy();
    expect(new Set(STARTER_EXAMPLES.map((e) => e.fileName)).size).toBe(STARTER_EXAMPLES.length);
  });
});
