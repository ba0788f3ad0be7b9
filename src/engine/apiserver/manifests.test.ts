import { describe, expect, it } from 'vitest';
import { parseManifests, splitFieldPath } from './manifests';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

describe('parseManifests', () => {
  it('splits multi-document YAML and skips empty documents and comment-only ones', () => {
    const docs = parseManifests(`---\n# only a comment\n---\n${DEPLOYMENT}---\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n`);
    expect(docs.map((d) => d.object?.kind)).toEqual(['Deployment', 'Service']);
    expect(docs.map((d) => d.index)).toEqual([0, 1]);
    expect(docs[0]!.startLine).toBe(4);
  });

  it('locates a field path to its 1-based line and column', () => {
    const [doc] = parseManifests(DEPLOYMENT);
    expect(doc!.locate('spec.template.spec.containers[0].image')).toEqual({ line: 11, column: 16 });
    expect(doc!.locate('spec.replicas')).toEqual({ line: 6, column: 13 });
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    const [doc] = parseManifests(DEPLOYMENT);
    expect(doc!.locate('spec.template.spec.containers[0].resources.limits')).toEqual({ line: 10, column: 9 });
    expect(doc!.locate('spec.selector')).toEqual({ line: 5, column: 1 });
  });

  it('reports a syntax error with its line and column', () => {
    const docs = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.error?.line).toBeGreaterThanOrEqual(4);
    expect(docs[0]!.error?.column).toBeGreaterThan(0);
    expect(docs[0]!.error?.message).toMatch(/^error converting YAML to JSON: yaml: line \d+: /);
  });

  it('refuses a document without apiVersion and kind as kubectl validation does', () => {
    const [doc] = parseManifests('metadata:\n  name: x\n');
    expect(doc!.error?.message).toBe('error validating data: [apiVersion not set, kind not set]');
    const [only] = parseManifests('apiVersion: v1\nmetadata:\n  name: x\n');
    expect(only!.error?.message).toBe('error validating data: kind not set');
  });

  it("accepts go-yaml's \\' escape inside double quotes as a single quote", () => {
    const [doc] = parseManifests(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    command: ['sh', "echo \\"A=\\'a\\'\\""]\n`);
    expect(doc!.error).toBeUndefined();
    const spec = doc!.object!.spec as { containers: { command: string[] }[] };
    expect(spec.containers[0]!.command[1]).toBe(`echo "A='a'"`);
  });

  it('reads YAML 1.1 as kubectl does: 0644 is octal, yes is a boolean, dates stay strings', () => {
    const [doc] = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nmode: 0644\nflag: yes\nday: 2024-01-01\n');
    expect(doc!.object!.mode).toBe(420);
    expect(doc!.object!.flag).toBe(true);
    expect(doc!.object!.day).toBe('2024-01-01');
  });
});

describe('splitFieldPath', () => {
  it('reads indices and bracketed map keys', () => {
    expect(splitFieldPath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(splitFieldPath('data[tls.crt]')).toEqual(['data', 'tls.crt']);
  });
});
