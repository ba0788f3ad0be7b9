/**
 * The editor's schema against the Kubernetes docs' manifests (conformance/): every document the
 * engine's API server accepts must validate without a single marker, and misspelled fields must still be
 * caught at the right place.
 *
 * Validation as monaco-yaml's worker does it: draft-07, all errors, `additionalProperties: false` from the
 * schema itself, YAML 1.2 values (yaml-language-server's default).
 */
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createTestControlPlane } from '../../../engine/testing/bareControlPlane';
import { applyManifests } from '../../../engine/kubectl/apply';
import { corpusFiles, readCorpusFile } from '../../../engine/testing/conformanceCorpus';
import schema from './kubernetes.schema.json';

/**
 * Accepted by the engine but not by a real API server, so the schema is right to flag them. The docs'
 * restart-all-containers.yaml writes `onExit: {exitCodes: …}`, but ContainerRestartRule has had only
 * `action` and `exitCodes` since it appeared (1.34) up to 1.36 (API reference, Container v1 core):
 * `kubectl apply` answers `strict decoding error: unknown field "…restartPolicyRules[0].onExit"`.
 */
const KNOWN_ENGINE_GAPS: Record<string, string[]> = {
  'examples/pods/restart-policy/restart-all-containers.yaml': ['/spec/initContainers/1/restartPolicyRules/0 onExit'],
};

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** `path property` for unknown fields, `path message` otherwise; the `if` wrappers of the root are noise. */
function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => (e.keyword === 'additionalProperties' ? `${e.instancePath} ${(e.params as { additionalProperty: string }).additionalProperty}` : `${e.instancePath} ${e.message ?? e.keyword}`));
}

function validateYaml(text: string): string[][] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as unknown)
    .filter((v) => v !== null && v !== undefined)
    .map((v) => (validate(v) ? [] : describeErrors(validate.errors)));
}

/** The indexes (among non-empty documents) the engine's API server accepts, namespaces created first as the docs say. */
function acceptedDocuments(text: string, source: string): Set<number> {
  const { api, host } = createTestControlPlane();
  for (const doc of parseAllDocuments(text)) {
    const ns = (doc.toJS() as { metadata?: { namespace?: unknown } } | null)?.metadata?.namespace;
    if (typeof ns === 'string' && !api.peek('Namespace', undefined, ns)) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const results = applyManifests(host, text, { source });
  const refused = new Set(results.filter((r) => r.action === 'error').map((r) => r.index));
  return new Set(results.filter((r) => !refused.has(r.index)).map((r) => r.index));
}

describe('the schema accepts every docs manifest the API server accepts', () => {
  const files = corpusFiles();

  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it.each(files)('%s', (path) => {
    const text = readCorpusFile(path);
    const accepted = acceptedDocuments(text, path.split('/').pop()!);
    const problems = validateYaml(text).flatMap((errors, i) => (accepted.has(i) ? errors : []));
    expect(problems).toEqual(KNOWN_ENGINE_GAPS[path] ?? []);
  });
});

describe('the schema flags what a real API server would refuse as unknown', () => {
  it('a misspelled field under a Deployment spec, at its own path', () => {
    const [errors] = validateYaml(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      contaners:
      - name: web
        image: nginx
`);
    expect(errors).toContain('/spec replica');
    expect(errors).toContain('/spec/template/spec contaners');
    // and the field it meant is missing
    expect(errors).toContain("/spec/template/spec must have required property 'containers'");
  });

  it('a misspelled field inside a container of a Pod', () => {
    const [errors] = validateYaml(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
    imagePulPolicy: Always
    resources:
      limit: {cpu: 100m}
`);
    expect(errors).toEqual(['/spec/containers/0 imagePulPolicy', '/spec/containers/0/resources limit']);
  });

  it('a field that never existed (Service spec.ipFamily, removed in 1.20) and a wrong type', () => {
    const [errors] = validateYaml(`apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ipFamily: IPv6
  ports:
  - port: eighty
`);
    expect(errors).toEqual(['/spec ipFamily', '/spec/ports/0/port must be number']);
  });

  it('newer fields than 1.30 are known (pod-level resources 1.32, image volumes 1.31)', () => {
    const [errors] = validateYaml(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  resources:
    limits: {cpu: "1"}
  volumes:
  - name: v
    image: {reference: "quay.io/crio/artifact:v2", pullPolicy: IfNotPresent}
  containers:
  - name: app
    image: nginx
`);
    expect(errors).toEqual([]);
  });
});
