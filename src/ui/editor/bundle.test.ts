import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { exportBundle, importBundle } from './bundle';

const files = [
  { name: 'web.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n' },
  { name: 'empty.yaml', text: '' },
  { name: 'no-newline.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x' },
];

describe('YAML bundle of the editor files', () => {
  it('export then import gives back every file and its text', () => {
    const back = importBundle(exportBundle(files), 'x.yaml');
    expect(back.map((f) => f.name)).toEqual(['web.yaml', 'empty.yaml', 'no-newline.yaml']);
    expect(back[0]!.text).toBe(files[0]!.text);
    expect(back[1]!.text).toBe('');
    expect(back[2]!.text).toBe(`${files[2]!.text}\n`);
  });

  it('the bundle is itself a multi-document manifest (kubectl apply -f bundle.yaml)', () => {
    const docs = YAML.parseAllDocuments(exportBundle(files)).map((d) => d.toJS() as { metadata?: { name?: string } } | null);
    expect(docs.filter((d) => d?.metadata).map((d) => d!.metadata!.name)).toEqual(['a', 'b', 'x']);
  });

  it('a plain manifest without markers imports as one file', () => {
    expect(importBundle('kind: Pod\n', 'pod.yaml')).toEqual([{ name: 'pod.yaml', text: 'kind: Pod\n' }]);
  });
});
