/**
 * NetworkPolicy as a policy-enforcing CNI (Calico, Cilium) applies it. Rules from the NetworkPolicy
 * docs: a pod is isolated for ingress (egress) once any policy in its namespace selects it with that
 * policy type; an isolated pod accepts (sends) only what some selecting policy's rules allow; the
 * rules of all selecting policies add up. A `from`/`to` peer is a podSelector (in the policy's
 * namespace), a namespaceSelector (any pod of matching namespaces), both together (matching pods in
 * matching namespaces), or an ipBlock. An empty `ports` list allows every port. Traffic that is not
 * allowed is dropped, so the client waits and times out.
 */
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { matchesLabelSelector } from '../apiserver/labels';

export interface Endpoint {
  namespace: string;
  labels: Record<string, string>;
  ip: string;
}

function policyTypes(p: Pick<NetworkPolicy, 'spec'>): string[] {
  // Defaulting: Ingress always; Egress when egress rules are present.
  return p.spec?.policyTypes ?? (p.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText ?? 32);
  const toNum = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  if (!base || !/^\d+\.\d+\.\d+\.\d+$/.test(base) || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toNum(ip) & mask) === (toNum(base) & mask);
}

export class NetworkPolicies {
  constructor(private readonly api: ApiServer) {}

  private namespaceLabels(name: string): Record<string, string> {
    const ns = this.api.peek<Namespace>('Namespace', undefined, name);
    return { 'kubernetes.io/metadata.name': name, ...(ns?.metadata.labels ?? {}) };
  }

  private peerMatches(peer: NetworkPolicyPeer, policyNamespace: string, other: Endpoint): boolean {
    if (peer.ipBlock) {
      if (!ipInCidr(other.ip, peer.ipBlock.cidr)) return false;
      return !(peer.ipBlock.except ?? []).some((c) => ipInCidr(other.ip, c));
    }
    const nsOk = peer.namespaceSelector ? matchesLabelSelector(peer.namespaceSelector, this.namespaceLabels(other.namespace)) : other.namespace === policyNamespace;
    if (!nsOk) return false;
    return peer.podSelector ? matchesLabelSelector(peer.podSelector, other.labels) : true;
  }

  private portMatches(ports: NetworkPolicyPort[] | undefined, port: number, namedPort: (name: string) => number | undefined): boolean {
    if (!ports || ports.length === 0) return true;
    return ports.some((p) => {
      if ((p.protocol ?? 'TCP') !== 'TCP' && port !== 53) return false;
      if (p.port === undefined) return true;
      const n = typeof p.port === 'number' ? p.port : /^\d+$/.test(p.port) ? Number(p.port) : namedPort(p.port);
      return n !== undefined && port >= n && port <= (p.endPort ?? n);
    });
  }

  /**
   * Whether a connection from `from` to `to` on the destination pod's `port` gets through: `from`'s
   * egress policies and `to`'s ingress policies must both allow it.
   */
  allows(from: Endpoint, to: Endpoint, port: number, namedPort: (name: string) => number | undefined = () => undefined): boolean {
    const policies = this.api.peekList<NetworkPolicy>('NetworkPolicy');
    if (policies.length === 0) return true;
    const check = (self: Endpoint, other: Endpoint, kind: 'Ingress' | 'Egress'): boolean => {
      let isolated = false;
      for (const p of policies) {
        if ((p.metadata?.namespace ?? 'default') !== self.namespace) continue;
        if (!policyTypes(p).includes(kind)) continue;
        if (!matchesLabelSelector(p.spec?.podSelector ?? {}, self.labels)) continue;
        isolated = true;
        const rules = kind === 'Ingress' ? (p.spec?.ingress ?? []) : (p.spec?.egress ?? []);
        for (const rule of rules) {
          const peers = kind === 'Ingress' ? (rule as { from?: NetworkPolicyPeer[] }).from : (rule as { to?: NetworkPolicyPeer[] }).to;
          const peerOk = !peers || peers.length === 0 || peers.some((peer) => this.peerMatches(peer, self.namespace, other));
          if (peerOk && this.portMatches(rule.ports, port, kind === 'Ingress' ? namedPort : () => undefined)) return true;
        }
      }
      return !isolated;
    };
    return check(from, to, 'Egress') && check(to, from, 'Ingress');
  }
}

export function endpointOf(pod: Pick<Pod, 'metadata'> | undefined, ip: string): Endpoint {
  return { namespace: pod?.metadata?.namespace ?? 'default', labels: pod?.metadata?.labels ?? {}, ip };
}
