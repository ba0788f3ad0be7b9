import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ConnectionRefusedError } from '../apiserver/errors';
import { deployment, event, node, runningPod, T0 } from './fixtures';
import { parseArgs } from './args';
import { rolloutStatus } from './commands/rollout';
import { testCluster, type TestCluster } from '../testing/kubectlHost';
import { tokenize } from './tokenize';
import type { Stored } from '../objects';

function cluster(): TestCluster {
  const c = testCluster();
  c.add(node('control-plane', { controlPlane: true }), node('worker-1'), node('worker-2', { unschedulable: true }));
  c.add(runningPod('web-a', { ip: '10.244.1.2' }), runningPod('web-b', { node: 'worker-2', ip: '10.244.2.2' }));
  c.clock.advance(125_000);
  return c;
}

describe('tokenize and flags (shell words, pflag conventions)', () => {
  it.each([
    { name: 'quotes keep spaces', line: `run x --image=busybox -- sh -c 'echo hi; sleep 1'`, want: ['run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo hi; sleep 1'] },
    { name: 'double quotes honour escapes', line: `get pods -o "jsonpath={.items[*].metadata.name}"`, want: ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'] },
  ])('$name', ({ line, want }) => expect(tokenize(line)).toEqual(want));

  it('flags may come anywhere; -n x, -nx and --namespace=x are the same flag', () => {
    for (const words of [['get', '-n', 'kube-system', 'pods'], ['get', 'pods', '-nkube-system'], ['get', '--namespace=kube-system', 'pods']]) {
      const p = parseArgs(words);
      expect(p.positionals).toEqual(['get', 'pods']);
      expect(p.flags.get('namespace')).toEqual(['kube-system']);
    }
  });

  it('-- passes the rest through (kubectl run ... -- args)', () => {
    expect(parseArgs(['run', 'x', '--', 'sleep', '-n', '5']).passthrough).toEqual(['sleep', '-n', '5']);
  });
});

describe('kubectl get', () => {
  it('prints a pods table aligned as kubectl does', () => {
    const r = cluster().kubectl('get pods');
    expect(r).toEqual({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-a   1/1     Running   0          2m5s\nweb-b   1/1     Running   0          2m5s\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('nodes: roles from node-role labels, cordoned nodes read Ready,SchedulingDisabled', () => {
    expect(cluster().kubectl('kubectl get nodes').stdout).toBe(
      [
        'NAME            STATUS                     ROLES           AGE    VERSION',
        'control-plane   Ready                      control-plane   2m5s   v1.31.4',
        'worker-1        Ready                      <none>          2m5s   v1.31.4',
        'worker-2        Ready,SchedulingDisabled   <none>          2m5s   v1.31.4',
        '',
      ].join('\n'),
    );
  });

  it('-A adds NAMESPACE first; --show-labels adds LABELS last', () => {
    const out = cluster().kubectl('get po -A --show-labels').stdout.split('\n');
    expect(out[0]).toBe('NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE    LABELS');
    expect(out[1]).toBe('default     web-a   1/1     Running   0          2m5s   app=web');
  });

  it('services: node ports as 80:30080/TCP, a LoadBalancer without address as <pending>', () => {
    const c = cluster();
    c.add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'LoadBalancer', clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP', targetPort: 80 }] },
    });
    expect(c.kubectl('get svc').stdout).toBe('NAME   TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\nweb    LoadBalancer   10.96.12.34   <pending>     80:30080/TCP   0s\n');
  });

  it('several kinds print kind-prefixed names in blocks separated by a blank line', () => {
    const c = cluster();
    c.add(deployment('web', 2));
    const out = c.kubectl('get all').stdout;
    expect(out).toContain('pod/web-a');
    expect(out).toContain('\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   2/2     2            2           0s\n');
  });

  it('an empty list says so on stderr, naming the namespace', () => {
    expect(cluster().kubectl('get deployments -n kube-system')).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
  });

  it('a missing name is a NotFound error after what was found', () => {
    const r = cluster().kubectl('get pods web-a nope');
    expect(r.stdout).toContain('web-a');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('an unknown type is reported as kubectl does', () => {
    expect(cluster().kubectl('get foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
  });

  it('-o yaml of one object prints the object, of several a List', () => {
    const c = cluster();
    expect(c.kubectl('get pod web-a -o yaml').stdout.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    const list = c.kubectl('get pods -o yaml').stdout;
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('-o name and -o jsonpath', () => {
    const c = cluster();
    expect(c.kubectl('get pods -o name').stdout).toBe('pod/web-a\npod/web-b\n');
    expect(c.kubectl(`get pods -o jsonpath='{range .items[*]}{.metadata.name} {.status.podIP}{"\\n"}{end}'`).stdout).toBe('web-a 10.244.1.2\nweb-b 10.244.2.2\n');
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const c = cluster();
    c.add(event('web-a.1', { kind: 'Pod', name: 'web-a' }, 'Warning', 'BackOff', 'Back-off restarting failed container', T0, T0, 3));
    expect(c.kubectl('get events').stdout).toBe('LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n2m5s        Warning   BackOff   pod/web-a   Back-off restarting failed container\n');
  });
});

describe('kubectl describe', () => {
  it('pod: aligned fields, containers, and events with repeat counts', () => {
    const c = cluster();
    const pod = c.api.get<Pod>('Pod', 'default', 'web-a')!;
    c.add(event('web-a.1', { kind: 'Pod', name: 'web-a', uid: pod.metadata.uid }, 'Normal', 'Pulled', 'Container image "nginx:1.25" already present on machine', T0, '2026-01-01T00:01:00Z', 3));
    const out = c.kubectl('describe pod web-a').stdout;
    expect(out.startsWith('Name:             web-a\nNamespace:        default\nService Account:  default\nNode:             worker-1/172.18.0.2\n')).toBe(true);
    expect(out).toContain('    Requests:\n      cpu:        100m\n      memory:     128Mi\n');
    expect(out).toContain('Volumes:         <none>\nQoS Class:       Burstable\n');
    expect(out).toContain('Events:\n  Type    Reason  Age                 From               Message\n  ----    ------  ----                ----               -------\n  Normal  Pulled  65s (x3 over 2m5s)  default-scheduler  Container image "nginx:1.25" already present on machine\n');
  });

  it('a name prefix describes every matching object', () => {
    const out = cluster().kubectl('describe pods web').stdout;
    expect(out).toContain('Name:             web-a');
    expect(out).toContain('\n\n\nName:             web-b');
  });

  it('node: taints, pods table with percentages of allocatable, allocated resources', () => {
    const c = cluster();
    const out = c.kubectl('describe node worker-1').stdout;
    expect(out).toContain('Unschedulable:      false\n');
    expect(out).toContain('Non-terminated Pods:          (1 in total)\n');
    expect(out).toContain('  default                     web-a    100m (2%)     0 (0%)      128Mi (1%)       0 (0%)         2m5s\n');
    expect(out).toContain('  cpu                100m (2%)   0 (0%)\n  memory             128Mi (1%)  0 (0%)\n');
  });
});

describe('kubectl rollout status (DeploymentStatusViewer)', () => {
  const d = (spec: number, status: Record<string, unknown>, generation = 1) => {
    const obj = deployment('web', spec, status);
    return { ...obj, metadata: { ...obj.metadata, generation } } as unknown as Stored<Deployment>;
  };
  it.each([
    { name: 'a spec change not yet observed', d: d(3, { observedGeneration: 1 }, 2), want: 'Waiting for deployment spec update to be observed...' },
    { name: 'new replicas still being created', d: d(3, { updatedReplicas: 1 }), want: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...' },
    { name: 'old replicas still terminating', d: d(3, { replicas: 4 }), want: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...' },
    { name: 'updated replicas not yet available', d: d(3, { availableReplicas: 2 }), want: 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...' },
    { name: 'everything available', d: d(3, {}), want: 'deployment "web" successfully rolled out' },
  ])('$name', ({ d: dep, want }) => expect(rolloutStatus(dep).message).toBe(want));

  it('ProgressDeadlineExceeded is an error with exit code 1', () => {
    const c = cluster();
    c.add(deployment('web', 3, { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }));
    expect(c.kubectl('rollout status deployment/web')).toEqual({ stdout: '', stderr: 'error: deployment "web" exceeded its progress deadline\n', exitCode: 1 });
  });
});

describe('kubectl writes', () => {
  it('scale sets spec.replicas', () => {
    const c = cluster();
    c.add(deployment('web', 3));
    expect(c.kubectl('scale deployment/web --replicas=5').stdout).toBe('deployment.apps/web scaled\n');
    expect(c.api.get<Deployment>('Deployment', 'default', 'web')!.spec!.replicas).toBe(5);
  });

  it('delete prints kubectl 1.31 lines; --force --grace-period=0 warns and force-deletes', () => {
    const c = cluster();
    expect(c.kubectl('delete pod web-a').stdout).toBe('pod "web-a" deleted\n');
    // deletionTimestamp is when the 30 s grace period ends.
    expect(c.api.get<Pod>('Pod', 'default', 'web-a')!.metadata.deletionTimestamp).toBe(new Date(c.clock.now() + 30_000).toISOString().replace('.000Z', 'Z'));
    const forced = c.kubectl('delete pod/web-b --grace-period=0 --force');
    expect(forced.stdout).toBe('pod "web-b" force deleted\n');
    expect(forced.stderr).toContain('Warning: Immediate deletion does not wait');
    expect(c.api.get('Pod', 'default', 'web-b')).toBeUndefined();
  });

  it('delete without a name or selector is refused', () => {
    expect(cluster().kubectl('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
  });

  it('label needs --overwrite to change a value; key- removes', () => {
    const c = cluster();
    expect(c.kubectl('label pod web-a app=api').stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect(c.kubectl('label pod web-a app=api --overwrite').stdout).toBe('pod/web-a labeled\n');
    expect(c.kubectl('label pod web-a app-').stdout).toBe('pod/web-a labeled\n');
    expect(c.api.get('Pod', 'default', 'web-a')!.metadata.labels).toEqual({});
  });

  it('cordon and uncordon, already-cordoned nodes say so', () => {
    const c = cluster();
    expect(c.kubectl('cordon worker-1').stdout).toBe('node/worker-1 cordoned\n');
    expect(c.api.get<Node>('Node', undefined, 'worker-1')!.spec!.unschedulable).toBe(true);
    expect(c.kubectl('cordon worker-1').stdout).toBe('node/worker-1 already cordoned\n');
    expect(c.kubectl('uncordon worker-1').stdout).toBe('node/worker-1 uncordoned\n');
  });

  it('drain refuses pods no controller would recreate, unless --force', () => {
    const c = cluster();
    const refused = c.kubectl('drain worker-1');
    expect(refused.stdout).toBe('node/worker-1 cordoned\n');
    expect(refused.stderr).toContain('cannot delete Pods that declare no controller (use --force to override): default/web-a');
    expect(refused.exitCode).toBe(1);
    const forced = c.kubectl('drain worker-1 --force');
    // One shot: the eviction is sent; `pod/web-a evicted` and `drained` come once the pod is gone (a session shows them).
    expect(forced.stdout).toBe('node/worker-1 already cordoned\nevicting pod default/web-a\n');
    expect(c.api.get('Pod', 'default', 'web-a')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('rollout undo copies the previous revision back; undo to the current one is skipped', () => {
    const c = cluster();
    c.add(deployment('web', 1));
    const d = c.api.get<Deployment>('Deployment', 'default', 'web')!;
    const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true }];
    const rs = (name: string, rev: string, image: string, hash: string) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: 'default', ownerReferences: owner, annotations: { 'deployment.kubernetes.io/revision': rev } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } }, spec: { containers: [{ name: 'nginx', image }] } } },
    });
    c.add(rs('web-old', '1', 'nginx:1.24', 'aaa'), rs('web-new', '2', 'nginx:1.25', 'bbb'));
    expect(c.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(c.kubectl('rollout undo deployment/web --to-revision=2').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 2)\n');
    expect(c.kubectl('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    const after = c.api.get<Deployment>('Deployment', 'default', 'web')!;
    expect(after.spec!.template.spec!.containers[0]!.image).toBe('nginx:1.24');
    expect(after.spec!.template.metadata!.labels).toEqual({ app: 'web' });
  });

  it('set image updates the named container', () => {
    const c = cluster();
    c.add(deployment('web', 1));
    expect(c.kubectl('set image deployment/web nginx=nginx:1.26').stdout).toBe('deployment.apps/web image updated\n');
    expect(c.kubectl('set image deployment/web app=nginx:1.26').stderr).toBe('error: unable to find container named "app"\n');
  });

  it('expose a deployment: same selector, service/NAME exposed', () => {
    const c = cluster();
    c.add(deployment('web', 1));
    expect(c.kubectl('expose deployment web --port=80 --target-port=8080 --type=NodePort').stdout).toBe('service/web exposed\n');
    const svc = c.api.get<{ spec: Record<string, unknown> }>('Service', 'default', 'web')!;
    expect(svc.spec).toMatchObject({ selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
  });
});

describe('kubectl logs and top', () => {
  it('logs of a deployment picks its first pod', () => {
    const c = cluster();
    c.add(deployment('api', 2));
    const d = c.api.get<Deployment>('Deployment', 'default', 'api')!;
    c.add(
      runningPod('api-1', { labels: { app: 'api' }, owner: { kind: 'ReplicaSet', name: 'api-x', uid: d.metadata.uid } }),
      runningPod('api-2', { labels: { app: 'api' }, owner: { kind: 'ReplicaSet', name: 'api-x', uid: d.metadata.uid } }),
    );
    c.logs.set('default/api-1/nginx', ['line 1', 'line 2', 'line 3']);
    expect(c.kubectl('logs deploy/api --tail=2')).toEqual({ stdout: 'line 2\nline 3\n', stderr: 'Found 2 pods, using pod/api-1\n', exitCode: 0 });
  });

  it('top nodes prints usage and percentages of allocatable', () => {
    const c = cluster();
    c.nodeMetrics.set('worker-1', { name: 'worker-1', cpuMilli: 400, memoryBytes: 1024 * 1024 * 1024 });
    const out = c.kubectl('top nodes').stdout.split('\n');
    expect(out[0]).toBe('NAME            CPU(cores)   CPU%        MEMORY(bytes)   MEMORY%');
    expect(out).toContain('worker-1        400m         10%         1024Mi          12%');
  });
});

describe('kubectl never throws', () => {
  it.each(['', 'foo', 'get', "get pods -o 'jsonpath={", 'get pods --bogus', 'rollout', 'logs', 'scale deploy/x'])('%j', (line) => {
    const r = cluster().kubectl(line);
    expect(typeof r.stdout).toBe('string');
    expect(r.exitCode === 0 || r.stderr.length > 0).toBe(true);
  });

  it('a stopped API server gives the connection-refused line', () => {
    const c = cluster();
    c.api.setAvailable(false);
    expect(c.kubectl('get pods')).toEqual({ stdout: '', stderr: new ConnectionRefusedError().message + '\n', exitCode: 1 });
  });
});
