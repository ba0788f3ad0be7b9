/* eslint-disable @typescript-eslint/no-explicit-any -- tests build loosely typed JSON */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../objects';
import { ApiError } from '../errors';
import { createTestControlPlane } from '../../testing/bareControlPlane';

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

function createError(obj: KubeObject): ApiError {
  const { api } = createTestControlPlane();
  return errorOf(() => api.create(obj));
}

const template = (labels: Record<string, string>, spec: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], ...spec },
});

function deployment(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), ...spec } };
}

function pod(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], ...spec } };
}

describe('validation messages (pkg/apis/*/validation)', () => {
  it.each([
    {
      name: 'Deployment replicas must be >= 0',
      obj: deployment({ replicas: -1 }),
      want: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'Deployment selector must select the template labels',
      obj: deployment({ template: template({ app: 'x' }) }),
      want: 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    },
    {
      name: 'Deployment selector is required',
      obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: template({ app: 'web' }) } },
      want: 'Deployment.apps "web" is invalid: spec.selector: Required value',
    },
    {
      name: 'Deployment template restartPolicy must be Always',
      obj: deployment({ template: template({ app: 'web' }, { restartPolicy: 'OnFailure' }) }),
      want: 'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    },
    {
      name: 'Recreate may not have rollingUpdate',
      obj: deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      want: "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    },
    {
      name: 'maxUnavailable may not be 0 when maxSurge is 0',
      obj: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } }),
      want: 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    },
    {
      name: 'a sidecar (init container) restartPolicy can only be Always',
      obj: pod({ initContainers: [{ name: 'side', image: 'busybox', restartPolicy: 'Sometimes' }] }),
      want: 'Pod "p" is invalid: spec.initContainers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always"',
    },
    {
      name: 'a regular container may not set restartPolicy',
      obj: pod({ containers: [{ name: 'web', image: 'nginx:1.25', restartPolicy: 'Always' }] }),
      want: 'Pod "p" is invalid: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    },
    {
      name: 'Pod restartPolicy values',
      obj: pod({ restartPolicy: 'Sometimes' }),
      want: 'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    },
    {
      name: 'Pod needs containers',
      obj: pod({ containers: [] }),
      want: 'Pod "p" is invalid: spec.containers: Required value',
    },
    {
      name: 'container image is required',
      obj: pod({ containers: [{ name: 'web' }] }),
      want: 'Pod "p" is invalid: spec.containers[0].image: Required value',
    },
    {
      name: 'container names are DNS-1123 labels',
      obj: pod({ containers: [{ name: 'Web', image: 'nginx' }] }),
      want: /^Pod "p" is invalid: spec\.containers\[0\]\.name: Invalid value: "Web": a lowercase RFC 1123 label must consist of/,
    },
    {
      name: 'container names are unique',
      obj: pod({ containers: [{ name: 'web', image: 'nginx' }, { name: 'web', image: 'redis' }] }),
      want: 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "web"',
    },
    {
      name: 'container ports are 1-65535',
      obj: pod({ containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 70000 }] }] }),
      want: 'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    },
    {
      name: 'a volumeMount must name a volume',
      obj: pod({ containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }),
      want: 'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    },
    {
      name: 'requests may not exceed limits',
      obj: pod({ containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] }),
      want: 'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    },
    {
      name: 'label values are checked',
      obj: { ...pod({}), metadata: { name: 'p', labels: { app: 'my app' } } },
      want: /^Pod "p" is invalid: metadata\.labels: Invalid value: "my app": a valid label must be an empty string/,
    },
    {
      name: 'Job template restartPolicy must be OnFailure or Never (the Pod default Always is refused)',
      obj: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } } },
      want: 'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    },
    {
      name: 'Service needs ports',
      obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'x' } } },
      want: 'Service "s" is invalid: spec.ports: Required value',
    },
    {
      name: 'Service port names are required when there are several',
      obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ name: 'http', port: 80 }, { port: 443 }] } },
      want: 'Service "s" is invalid: spec.ports[1].name: Required value',
    },
    {
      name: 'Service type values',
      obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'loadBalancer', ports: [{ port: 80 }] } },
      want: 'Service "s" is invalid: spec.type: Unsupported value: "loadBalancer": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    },
    {
      name: 'a TLS Secret needs tls.crt and tls.key',
      obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } },
      want: 'Secret "s" is invalid: data[tls.key]: Required value',
    },
    {
      name: 'HPA maxReplicas must be >= minReplicas',
      obj: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'h' },
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 5, maxReplicas: 2 },
      },
      want: 'HorizontalPodAutoscaler.autoscaling "h" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    },
  ])('$name', ({ obj, want }) => {
    const err = createError(obj);
    expect(err.reason).toBe('Invalid');
    if (typeof want === 'string') expect(err.message).toBe(want);
    else expect(err.message).toMatch(want);
  });

  it('several errors are listed together with their field paths', () => {
    const err = createError(deployment({ replicas: -1, template: template({ app: 'web' }, { restartPolicy: 'Never' }) }));
    expect(err.causes.map((c) => c.field)).toEqual(['spec.replicas', 'spec.template.spec.restartPolicy']);
  });
});

describe('decoding: wrong JSON types are a BadRequest with the field path, not a crash', () => {
  it.each([
    {
      name: 'replicas given as a string',
      obj: deployment({ replicas: 'three' }),
      message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      field: 'spec.replicas',
    },
    {
      name: 'a label value given as a number',
      obj: { ...pod({}), metadata: { name: 'p', labels: { version: 1 } } } as unknown as KubeObject,
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      field: 'metadata.labels[version]',
    },
    {
      name: 'an env value given as a number',
      obj: pod({ containers: [{ name: 'web', image: 'nginx', env: [{ name: 'PORT', value: 8080 }] }] }),
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
      field: 'spec.containers[0].env[0].value',
    },
    {
      name: 'a malformed quantity',
      obj: pod({ containers: [{ name: 'web', image: 'nginx', resources: { limits: { memory: '128MB' } } }] }),
      message: "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      field: 'spec.containers[0].resources.limits[memory]',
    },
    {
      name: 'Secret data that is not base64 (the docs’ placeholder TLS secret)',
      obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'REPLACE_WITH_BASE64_CERT', 'tls.key': 'eA==' } },
      message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7',
      field: 'data[tls.crt]',
    },
  ])('$name', ({ obj, message, field }) => {
    const err = createError(obj);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe(message);
    expect(err.causes[0]?.field).toBe(field);
  });
});

describe('admission plugins that refuse', () => {
  it('ServiceAccount: a pod naming a missing account is Forbidden', () => {
    const err = createError(pod({ serviceAccountName: 'build-robot' }));
    expect(err.message).toBe('pods "p" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found');
    expect(err.reason).toBe('Forbidden');
  });

  it('ServiceAccount: an existing account is accepted', () => {
    const { api } = createTestControlPlane();
    api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'build-robot' } });
    expect((api.create(pod({ serviceAccountName: 'build-robot' })) as any).spec.serviceAccount).toBe('build-robot');
  });

  it('Priority: a missing PriorityClass is Forbidden', () => {
    const err = createError(pod({ priorityClassName: 'high' }));
    expect(err.message).toBe('pods "p" is forbidden: no PriorityClass with name high was found');
  });

  it('Priority: the class value becomes spec.priority; the globalDefault class applies to pods naming none', () => {
    const { api } = createTestControlPlane();
    expect((api.create(pod({ priorityClassName: 'system-cluster-critical' })) as any).spec.priority).toBe(2000000000);
    api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'normal' }, value: 1000, globalDefault: true });
    const q = api.create({ ...pod({}), metadata: { name: 'q' } }) as any;
    expect([q.spec.priorityClassName, q.spec.priority]).toEqual(['normal', 1000]);
  });

  it('PriorityClass: user classes stop at one billion and may not use the system- prefix', () => {
    const err = createError({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-mine' }, value: 2000000000 });
    expect(err.causes.map((c) => c.field)).toEqual(['metadata.name', 'value']);
  });
});

describe('immutable fields on UPDATE', () => {
  it('Deployment spec.selector is immutable', () => {
    const { api } = createTestControlPlane();
    const d = api.create(deployment({})) as any;
    const next = structuredClone(d);
    next.spec.selector = { matchLabels: { app: 'web', tier: 'x' } };
    next.spec.template.metadata.labels = { app: 'web', tier: 'x' };
    const err = errorOf(() => api.update(next));
    expect(err.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('a Pod may change its image but not its other fields', () => {
    const { api } = createTestControlPlane();
    const p = api.create(pod({})) as any;
    const newImage = structuredClone(p);
    newImage.spec.containers[0].image = 'nginx:1.26';
    expect((api.update(newImage) as any).spec.containers[0].image).toBe('nginx:1.26');
    const current = api.get('Pod', 'default', 'p') as any;
    const newPort = structuredClone(current);
    newPort.spec.containers[0].ports = [{ containerPort: 80 }];
    const err = errorOf(() => api.update(newPort));
    expect(err.message).toMatch(/^Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
  });

  it('a Pod may be bound once: nodeName from empty to a node is allowed', () => {
    const { api } = createTestControlPlane();
    const p = api.create(pod({})) as any;
    expect((api.update({ ...p, spec: { ...p.spec, nodeName: 'worker-1' } }) as any).spec.nodeName).toBe('worker-1');
  });
});
