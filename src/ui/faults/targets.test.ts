import { describe, expect, it } from 'vitest';
import { useFaultStore } from '../../store/faultStore';
import type { NodeObject, PodObject } from '../../store/selectors';
import { targetContainers, targetNames, targetOfSelection, type DeploymentObject } from './targets';

const pod = (namespace: string, name: string, containers: string[], deleting = false) =>
  ({ kind: 'Pod', metadata: { namespace, name, ...(deleting ? { deletionTimestamp: 'x' } : {}) }, spec: { containers: containers.map((c) => ({ name: c, image: `${c}:1` })) } }) as unknown as PodObject;
const deployment = (name: string, containers: Array<[string, string]>) =>
  ({ kind: 'Deployment', metadata: { namespace: 'default', name }, spec: { template: { spec: { containers: containers.map(([n, image]) => ({ name: n, image })) } } } }) as unknown as DeploymentObject;
const node = (name: string, cp = false) => ({ kind: 'Node', metadata: { name, labels: cp ? { 'node-role.kubernetes.io/control-plane': '' } : {} } }) as unknown as NodeObject;

const sources = {
  pods: [pod('default', 'web-b', ['nginx']), pod('default', 'counter', ['count', 'count-log-1']), pod('default', 'gone', ['x'], true), pod('kube-system', 'coredns-1', ['coredns'])],
  deployments: [deployment('web', [['nginx', 'nginx:1.25']])],
  nodes: [node('worker-2'), node('control-plane', true), node('worker-1')],
  components: [
    { name: 'kube-scheduler', running: false },
    { name: 'kube-apiserver', running: true },
    { name: 'etcd-0', running: true },
  ],
};

describe('failure panel targets', () => {
  it('pods as namespace/name (not the terminating ones), Deployments first for cpu-load, workers only', () => {
    expect(targetNames('pod', sources)).toEqual(['default/counter', 'default/web-b', 'kube-system/coredns-1']);
    expect(targetNames('podOrDeployment', sources)[0]).toBe('deployment/default/web');
    expect(targetNames('worker', sources)).toEqual(['worker-1', 'worker-2']);
    // Power: the control-plane machine too, last.
    expect(targetNames('node', sources)).toEqual(['worker-1', 'worker-2', 'control-plane']);
  });

  it('stop offers the running control-plane processes, start the stopped ones', () => {
    expect(targetNames('runningComponent', sources)).toEqual(['kube-apiserver', 'etcd-0']);
    expect(targetNames('stoppedComponent', sources)).toEqual(['kube-scheduler']);
  });

  it("the container choices are the chosen pod's, or the Deployment template's with their images", () => {
    expect(targetContainers('pod', 'default/counter', sources).map((c) => c.name)).toEqual(['count', 'count-log-1']);
    expect(targetContainers('deployment', 'default/web', sources)).toEqual([{ name: 'nginx', image: 'nginx:1.25' }]);
    expect(targetContainers('node', 'worker-1', sources)).toEqual([]);
    expect(targetContainers('pod', 'default/nope', sources)).toEqual([]);
  });

  it.each([
    ['pod', { kind: 'Pod', namespace: 'team', name: 'api-1' }, 'team/api-1'],
    ['podOrDeployment', { kind: 'Deployment', namespace: 'default', name: 'web' }, 'deployment/default/web'],
    ['deployment', { kind: 'Deployment', name: 'web' }, 'default/web'],
    ['node', { kind: 'Node', name: 'worker-2' }, 'worker-2'],
    ['node', { kind: 'Pod', namespace: 'default', name: 'web-1' }, undefined],
    ['runningComponent', { kind: 'Node', name: 'worker-2' }, undefined],
  ] as const)('clicking on the canvas: a %s fault takes %j as %s', (kind, ref, want) => {
    expect(targetOfSelection(kind, ref)).toBe(want);
  });

  it('"more options" from the right-click menu opens the panel on that fault and target with its defaults', () => {
    useFaultStore.getState().openMenu({ x: 1, y: 1, subject: { kind: 'Pod', namespace: 'default', name: 'counter' } });
    useFaultStore.getState().openPanelWith('crashloop', 'default/counter');
    const s = useFaultStore.getState();
    expect(s.panelOpen).toBe(true);
    expect(s.menu).toBeUndefined();
    expect(s.draft).toMatchObject({ fault: 'crashloop', target: 'default/counter', options: { exitCode: '1', container: '' } });
    s.setOption('container', 'count-log-1');
    s.chooseTarget('default/web-b');
    expect(useFaultStore.getState().draft.options.container).toBe('');
  });
});
