/* eslint-disable @typescript-eslint/no-explicit-any -- tests read loosely typed JSON */
import { describe, expect, it } from 'vitest';
import { createTestControlPlane } from '../testing/bareControlPlane';
import { applyManifests, LAST_APPLIED_ANNOTATION, threeWayMerge } from './apply';

const DEPLOYMENT = (labels = '    app: web\n    tier: frontend\n', replicas = 2, image = 'nginx:1.25') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
${labels}spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured, as kubectl prints it', () => {
    const { host, api } = createTestControlPlane();
    expect(applyManifests(host, DEPLOYMENT(), {}).map((r) => r.message)).toEqual(['deployment.apps/web created']);
    expect(applyManifests(host, DEPLOYMENT(), {}).map((r) => [r.action, r.message])).toEqual([['unchanged', 'deployment.apps/web unchanged']]);
    const rv = api.get('Deployment', 'default', 'web')!.metadata.resourceVersion;
    const [changed] = applyManifests(host, DEPLOYMENT(undefined, 3), {});
    expect([changed!.action, changed!.message]).toEqual(['configured', 'deployment.apps/web configured']);
    const live = api.get('Deployment', 'default', 'web') as any;
    expect(live.spec.replicas).toBe(3);
    expect(live.metadata.resourceVersion).not.toBe(rv);
    expect(live.metadata.generation).toBe(2);
  });

  it('records the manifest in the last-applied-configuration annotation (sorted JSON, namespace filled in)', () => {
    const { host, api } = createTestControlPlane();
    applyManifests(host, SERVICE, {});
    const annotation = (api.get('Service', 'default', 'web') as any).metadata.annotations[LAST_APPLIED_ANNOTATION];
    expect(annotation).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n',
    );
  });

  it('three-way merge: a label removed from the manifest is removed from the live object', () => {
    const { host, api } = createTestControlPlane();
    applyManifests(host, DEPLOYMENT(), {});
    const [r] = applyManifests(host, DEPLOYMENT('    app: web\n'), {});
    expect(r!.action).toBe('configured');
    expect((api.get('Deployment', 'default', 'web') as any).metadata.labels).toEqual({ app: 'web' });
  });

  it('three-way merge: fields set by others (not in any manifest) survive', () => {
    const { host, api } = createTestControlPlane();
    applyManifests(host, DEPLOYMENT(), {});
    api.patch('Deployment', 'default', 'web', (d: any) => {
      d.metadata.labels.owner = 'ops';
    });
    applyManifests(host, DEPLOYMENT(undefined, 5), {});
    const live = api.get('Deployment', 'default', 'web') as any;
    expect(live.metadata.labels).toEqual({ app: 'web', tier: 'frontend', owner: 'ops' });
    expect(live.spec.replicas).toBe(5);
  });

  it('re-applying a Service keeps its allocated ClusterIP; re-applying a Pod keeps its token mount', () => {
    const { host, api } = createTestControlPlane();
    applyManifests(host, SERVICE, {});
    const ip = (api.get('Service', 'default', 'web') as any).spec.clusterIP;
    expect(applyManifests(host, SERVICE, {})[0]!.action).toBe('unchanged');
    expect((api.get('Service', 'default', 'web') as any).spec.clusterIP).toBe(ip);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n';
    applyManifests(host, pod, {});
    expect(applyManifests(host, pod, {})[0]!.action).toBe('unchanged');
    const [changed] = applyManifests(host, pod.replace('nginx:1.25', 'nginx:1.26'), {});
    expect(changed!.action).toBe('configured');
  });

  it('merges containers by name: an image change keeps server defaults of the container', () => {
    const { host, api } = createTestControlPlane();
    applyManifests(host, DEPLOYMENT(), {});
    applyManifests(host, DEPLOYMENT(undefined, 2, 'nginx:1.26'), {});
    const c = (api.get('Deployment', 'default', 'web') as any).spec.template.spec.containers[0];
    expect([c.image, c.imagePullPolicy, c.ports[0].protocol]).toEqual(['nginx:1.26', 'IfNotPresent', 'TCP']);
  });

  it('--dry-run=server and --dry-run=client store nothing', () => {
    const { host, api } = createTestControlPlane();
    expect(applyManifests(host, DEPLOYMENT(), { dryRun: 'server' })[0]!.message).toBe('deployment.apps/web created (server dry run)');
    expect(applyManifests(host, DEPLOYMENT(), { dryRun: 'client' })[0]!.message).toBe('deployment.apps/web created (dry run)');
    expect(api.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('--dry-run=server still validates', () => {
    const { host } = createTestControlPlane();
    const [r] = applyManifests(host, DEPLOYMENT(undefined, -1), { dryRun: 'server' });
    expect(r!.message).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('a bad document among good ones fails alone, with its line and column', () => {
    const { host, api } = createTestControlPlane();
    const text = `${SERVICE}---\n${DEPLOYMENT(undefined, -1)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n`;
    const results = applyManifests(host, text, { source: 'app.yaml' });
    expect(results.map((r) => r.action)).toEqual(['created', 'error', 'created']);
    const bad = results[1]!;
    expect(bad.error).toEqual({ message: bad.message, line: 19, column: 13, field: 'spec.replicas' });
    expect(api.get('Deployment', 'default', 'web')).toBeUndefined();
    expect(api.get('ConfigMap', 'default', 'cfg')).toBeDefined();
  });

  it('a YAML syntax error is reported with its position and the other documents still apply', () => {
    const { host } = createTestControlPlane();
    const results = applyManifests(host, `${SERVICE}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n`, { source: 'x.yaml' });
    expect(results[0]!.action).toBe('created');
    expect(results[1]!.action).toBe('error');
    expect(results[1]!.message).toMatch(/^error: error parsing x\.yaml: error converting YAML to JSON: yaml: line \d+: /);
    expect(results[1]!.error?.line).toBeGreaterThan(10);
  });

  it('kubectl create refuses an existing object with AlreadyExists', () => {
    const { host } = createTestControlPlane();
    applyManifests(host, DEPLOYMENT(), { mode: 'create', source: 'x.yaml' });
    const [r] = applyManifests(host, DEPLOYMENT(), { mode: 'create', source: 'x.yaml' });
    expect(r!.message).toBe('Error from server (AlreadyExists): error when creating "x.yaml": deployments.apps "web" already exists');
  });

  it('kubectl replace needs the object to exist, and replaces it', () => {
    const { host, api } = createTestControlPlane();
    expect(applyManifests(host, SERVICE, { mode: 'replace', source: 's.yaml' })[0]!.message).toBe(
      'Error from server (NotFound): error when replacing "s.yaml": services "web" not found',
    );
    applyManifests(host, SERVICE, { mode: 'create' });
    const ip = (api.get('Service', 'default', 'web') as any).spec.clusterIP;
    expect(applyManifests(host, SERVICE.replace('port: 80', 'port: 8080'), { mode: 'replace' })[0]!.message).toBe('service/web replaced');
    const live = api.get('Service', 'default', 'web') as any;
    expect([live.spec.clusterIP, live.spec.ports[0].port]).toEqual([ip, 8080]);
  });

  it('a kind the playground does not serve is named as not supported and changes nothing', () => {
    const { host } = createTestControlPlane();
    const [r] = applyManifests(host, 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n', { source: 'foo.yaml' });
    expect(r!.action).toBe('error');
    expect(r!.message).toContain('error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "example.com/v1"');
    expect(r!.message).toContain('Foo objects are not supported in the playground');
  });

  it('a served kind in a removed version is kubectl’s plain mapping error', () => {
    const { host } = createTestControlPlane();
    const [r] = applyManifests(host, DEPLOYMENT().replace('apps/v1', 'extensions/v1beta1'), {});
    expect(r!.message).toContain('no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first');
    expect(r!.message).not.toContain('not supported');
  });

  it('--namespace fills in the namespace, and a different namespace in the object is an error', () => {
    const { host, api } = createTestControlPlane();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } });
    expect(applyManifests(host, SERVICE, { namespace: 'b' })[0]!.namespace).toBe('b');
    expect(api.get('Service', 'b', 'web')).toBeDefined();
    const [r] = applyManifests(host, SERVICE.replace('name: web', 'name: web\n  namespace: a'), { namespace: 'b' });
    expect(r!.message).toBe(
      `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.`,
    );
  });

  it('a missing namespace is NotFound from the server', () => {
    const { host } = createTestControlPlane();
    const [r] = applyManifests(host, SERVICE.replace('name: web', 'name: web\n  namespace: qos-example'), { source: 's.yaml' });
    expect(r!.message).toBe('Error from server (NotFound): error when creating "s.yaml": namespaces "qos-example" not found');
  });

  it('an admission refusal keeps kubectl’s wording', () => {
    const { host } = createTestControlPlane();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: high\nspec:\n  priorityClassName: high\n  containers:\n  - name: c\n    image: nginx\n';
    expect(applyManifests(host, pod, { source: 'pod.yaml' })[0]!.message).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods "high" is forbidden: no PriorityClass with name high was found',
    );
  });

  it('wrong types point at the field: replicas: "three"', () => {
    const { host } = createTestControlPlane();
    const [r] = applyManifests(host, DEPLOYMENT(undefined, '"three"' as unknown as number), { source: 'd.yaml' });
    expect(r!.message).toBe(
      'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(r!.error).toMatchObject({ line: 9, column: 13, field: 'spec.replicas' });
  });

  it('unknown fields: refused under --validate=strict (the default), dropped with a warning under warn', () => {
    const typo = DEPLOYMENT().replace('image: nginx:1.25', 'image: nginx:1.25\n        imagePullpolicy: Always');
    const { host, api } = createTestControlPlane();
    const [strict] = applyManifests(host, typo, { source: 'd.yaml' });
    expect(strict!.message).toBe(
      'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullpolicy"',
    );
    expect(strict!.error).toMatchObject({ line: 21, column: 26 });
    const [warn] = applyManifests(host, typo, { validate: 'warn' });
    expect(warn!.action).toBe('created');
    expect(warn!.warning).toBe('Warning: unknown field "spec.template.spec.containers[0].imagePullpolicy"');
    expect((api.get('Deployment', 'default', 'web') as any).spec.template.spec.containers[0].imagePullpolicy).toBeUndefined();
  });

  it('a document without apiVersion and kind is kubectl’s validation error', () => {
    const { host } = createTestControlPlane();
    const [r] = applyManifests(host, 'metadata:\n  name: x\n', { source: 'x.yaml' });
    expect(r!.message).toBe(
      'error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('applying to an object created without apply warns about the missing annotation', () => {
    const { host } = createTestControlPlane();
    applyManifests(host, SERVICE, { mode: 'create' });
    const [r] = applyManifests(host, SERVICE, {});
    expect(r!.warning).toMatch(/^Warning: resource services\/web is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/);
  });

  it('a List applies each item', () => {
    const { host } = createTestControlPlane();
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n`;
    expect(applyManifests(host, list, {}).map((r) => r.message)).toEqual(['configmap/a created', 'configmap/b created']);
  });
});

describe('threeWayMerge', () => {
  it.each([
    { name: 'a field dropped from the manifest is deleted', live: { a: 1, b: 2 }, last: { a: 1, b: 2 }, desired: { a: 1 }, want: { a: 1 } },
    { name: 'a server-set field nobody declared is kept', live: { a: 1, s: 'x' }, last: { a: 1 }, desired: { a: 2 }, want: { a: 2, s: 'x' } },
    { name: 'null in the manifest deletes', live: { a: 1, b: 2 }, last: { a: 1 }, desired: { a: 1, b: null }, want: { a: 1 } },
    {
      name: 'containers merge by name, dropping one the manifest no longer has',
      live: { containers: [{ name: 'a', image: 'x', d: 1 }, { name: 'b', image: 'y' }] },
      last: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] },
      desired: { containers: [{ name: 'a', image: 'z' }] },
      want: { containers: [{ name: 'a', image: 'z', d: 1 }] },
    },
    {
      name: 'lists without a merge key are replaced',
      live: { args: ['a', 'b'] },
      last: { args: ['a', 'b'] },
      desired: { args: ['c'] },
      want: { args: ['c'] },
    },
  ])('$name', ({ live, last, desired, want }) => {
    expect(threeWayMerge(live, last, desired, '')).toEqual(want);
  });
});
