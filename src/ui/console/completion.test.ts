import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../engine/kubectl/commands/registry';
import { KUBECTL_COMMANDS, complete, completionSite } from './completion';

describe('console tab completion: what the word under the cursor is', () => {
  const cases: { name: string; line: string; want: unknown }[] = [
    { name: 'first word is a command', line: 'ge', want: { kind: 'words' } },
    { name: 'first word after "kubectl" is a command', line: 'kubectl sc', want: { kind: 'words' } },
    { name: 'after get comes a resource type', line: 'kubectl get de', want: { kind: 'words' } },
    { name: 'after get TYPE comes a name of that type', line: 'get pods we', want: { kind: 'names', resource: 'pods', allNamespaces: false, prefix: '' } },
    { name: 'TYPE/NAME completes the name part', line: 'kubectl scale deployment/w', want: { kind: 'names', resource: 'deployment', prefix: 'deployment/' } },
    { name: '-n scopes names to that namespace', line: 'get pods -n kube-system c', want: { kind: 'names', resource: 'pods', namespace: 'kube-system' } },
    { name: '--namespace=X scopes names too', line: 'describe svc --namespace=default ', want: { kind: 'names', resource: 'svc', namespace: 'default' } },
    { name: '-A lists names of every namespace', line: 'get pods -A ', want: { kind: 'names', allNamespaces: true } },
    { name: 'after -n comes a namespace name', line: 'get pods -n ', want: { kind: 'names', resource: 'namespaces' } },
    { name: 'after -f comes an editor file', line: 'apply -f my', want: { kind: 'files' } },
    { name: 'logs takes a pod name', line: 'logs we', want: { kind: 'names', resource: 'pods' } },
    { name: 'cordon takes a node name', line: 'cordon work', want: { kind: 'names', resource: 'nodes' } },
    { name: 'rollout takes a subcommand first', line: 'rollout st', want: { kind: 'words', words: ['history', 'pause', 'restart', 'resume', 'status', 'undo'] } },
    { name: 'then rollout status takes TYPE/NAME', line: 'rollout status deployment/', want: { kind: 'names', resource: 'deployment', prefix: 'deployment/' } },
    { name: 'flags are not completed', line: 'get pods --all', want: { kind: 'none' } },
    { name: 'an unknown type has no names', line: 'get widgets a', want: { kind: 'none' } },
    { name: 'the first word may be a companion command', line: 'fa', want: { kind: 'words', words: expect.arrayContaining(['fault', 'chaos']) } },
    { name: 'after fault comes a fault name', line: 'fault del', want: { kind: 'words', words: expect.arrayContaining(['delete-pod', 'node-down', 'stop']) } },
    { name: 'a pod fault takes a pod of the default namespace', line: 'fault delete-pod we', want: { kind: 'names', resource: 'pods', allNamespaces: false, prefix: '' } },
    { name: 'NAMESPACE/ scopes a pod target to that namespace', line: 'fault kill-container kube-system/co', want: { kind: 'names', resource: 'pods', namespace: 'kube-system', prefix: 'kube-system/' } },
    { name: 'a node fault takes a node', line: 'fault node-down wo', want: { kind: 'names', resource: 'nodes' } },
    { name: 'stop takes a control-plane component', line: 'fault stop kube-s', want: { kind: 'words', words: ['kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd-0', 'etcd-1', 'etcd-2'] } },
    { name: 'bad-image takes a Deployment, bare or as deployment/NAME', line: 'fault bad-image deployment/w', want: { kind: 'names', resource: 'deployments', prefix: 'deployment/' } },
    { name: 'heal takes a pod, a node or deployment/NAME', line: 'fault heal ', want: { kind: 'any', requests: [{ resource: 'pods' }, { resource: 'nodes' }, { kind: 'words', words: ['deployment/'] }] } },
    { name: 'options after the target are not completed', line: 'fault crashloop web-1 ex', want: { kind: 'none' } },
    { name: 'after chaos comes on, off or status', line: 'chaos o', want: { kind: 'words', words: ['on', 'off', 'status'] } },
    { name: '"kubectl fault" is not the companion command', line: 'kubectl fault ', want: { kind: 'none' } },
  ];
  it.each(cases)('$name', ({ line, want }) => {
    expect(completionSite(line).request).toMatchObject(want as object);
  });

  it('the command list is the engine kubectl registry’s', () => {
    expect([...KUBECTL_COMMANDS].sort()).toEqual([...new Set(COMMANDS.map((c) => c.path[0]!))].sort());
  });
});

describe('console tab completion: completing the word', () => {
  it('one match completes the word and adds a space', () => {
    const line = 'kubectl get deployments w';
    expect(complete(line, completionSite(line), ['web', 'api'])).toEqual({ line: 'kubectl get deployments web ', candidates: [] });
  });
  it('several matches extend to their common prefix', () => {
    const line = 'get de';
    expect(complete(line, completionSite(line), ['deployment', 'deployments', 'deploy', 'daemonsets']).line).toBe('get deploy');
  });
  it('several matches with nothing to extend are listed', () => {
    const line = 'get deploy';
    expect(complete(line, completionSite(line), ['deployment', 'deployments', 'deploy']).candidates).toEqual(['deploy', 'deployment', 'deployments']);
  });
  it('deployment/ completes without a space, so the name can follow', () => {
    const line = 'fault bad-image dep';
    expect(complete(line, completionSite(line), ['deployment/']).line).toBe('fault bad-image deployment/');
  });
  it('no match changes nothing', () => {
    const line = 'get zz';
    expect(complete(line, completionSite(line), ['pods'])).toEqual({ candidates: [] });
  });
});
