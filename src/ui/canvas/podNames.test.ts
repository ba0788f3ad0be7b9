import { describe, expect, it } from 'vitest';
import type { PodObject } from '../../store/selectors';
import { cardPodName, shortPodName } from './podNames';

const pod = (name: string, extra: Partial<PodObject['metadata']> = {}, nodeName = 'control-plane'): PodObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'kube-system', ...extra }, spec: { nodeName, containers: [] } }) as PodObject;

describe('pod card names', () => {
  it('a mirror pod is called by its component, a DaemonSet pod by its DaemonSet', () => {
    const mirror = { annotations: { 'kubernetes.io/config.mirror': 'abc' } };
    expect(cardPodName(pod('kube-apiserver-control-plane', mirror))).toBe('apiserver');
    expect(cardPodName(pod('etcd-control-plane', mirror))).toBe('etcd');
    expect(cardPodName(pod('kube-controller-manager-control-plane', mirror))).toBe('controller-manager');
    const owned = { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'u', controller: true }] };
    expect(cardPodName(pod('kube-proxy-4khws', owned, 'worker-1'))).toBe('kube-proxy');
  });

  it('other pods keep the owner’s first word and their own suffix', () => {
    expect(cardPodName(pod('coredns-55498764b-fkcv6', {}, 'worker-1'))).toBe('coredns…fkcv6');
    expect(shortPodName('web-f868cd74-d46kg')).toBe('web…d46kg');
    expect(shortPodName('hello')).toBe('hello');
  });
});
