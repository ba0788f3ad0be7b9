/**
 * `kubectl describe` for Ingresses and NetworkPolicies (k8s.io/kubectl/pkg/describe/describe.go:
 * IngressDescriber.describeIngressV1 and describeBackendV1, describeNetworkPolicy with
 * printNetworkPolicySpecIngressFrom / printNetworkPolicySpecEgressTo).
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Ingress, IngressBackend, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { formatLabelSelector } from '../printers/format';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';
import { formatSliceEndpoints } from './service';

/** describeBackendV1: `svc:port (endpoints)` for a Service backend, the APIGroup/Kind/Name of a resource backend. */
function describeBackend(api: ApiServer, namespace: string, backend: IngressBackend): string {
  if (backend.service) {
    const ref = backend.service;
    const port = ref.port?.number ? String(ref.port.number) : (ref.port?.name ?? '');
    const label = `${ref.name}:${port}`;
    const svc = api.get<Service>('Service', namespace, ref.name);
    if (!svc) return `${label} (<error: services "${ref.name}" not found>)`;
    // The Service port the backend names; as in kubectl, the last match wins and no match means the unnamed port.
    let portName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (ref.port?.number && ref.port.number === sp.port) portName = sp.name ?? '';
      else if (ref.port?.name && ref.port.name === sp.name) portName = sp.name ?? '';
    }
    const slices = api.list<EndpointSlice>('EndpointSlice', { namespace }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === ref.name);
    return `${label} (${formatSliceEndpoints(slices, portName)})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

/** ingressLoadBalancerStatusStringerV1 (wide): the distinct IPs or hostnames, sorted, comma-separated. */
function ingressAddress(ing: Pick<Ingress, 'status'>): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

export function describeIngress(api: ApiServer, obj: Stored, nowMs: number): string {
  const ing = obj as Stored<Ingress>;
  const namespace = ing.metadata.namespace ?? 'default';
  const spec = ing.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ing.metadata.namespace ?? ''}\n`);
  w.write(0, `Address:\t${ingressAddress(ing)}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = spec.defaultBackend ? describeBackend(api, namespace, spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${defaultBackend}\n`);
  if ((spec.tls ?? []).length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls!) {
      const hosts = (t.hosts ?? []).join(',');
      w.write(1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const path of rule.http.paths ?? []) w.write(2, `\t${path.path ?? ''} \t${describeBackend(api, namespace, path.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`);
  annotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  describeEvents(w, eventsFor(api, ing), nowMs);
  return w.toString();
}

/** Go's time.Time.String() for a UTC timestamp, as `Created on:` prints metav1.Time with %s. */
function goTimeString(timestamp: string | undefined): string {
  if (!timestamp) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(Date.parse(timestamp));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

const INDENT = '    ';

function printPorts(w: PrefixWriter, ports: NetworkPolicyPort[] | undefined): void {
  if ((ports ?? []).length === 0) {
    w.write(0, `${INDENT}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const port of ports!) {
    const proto = port.protocol ?? 'TCP';
    // An unset port is a nil *IntOrString, which fmt prints as <nil>.
    const value = port.port === undefined ? '<nil>' : String(port.port);
    if (port.endPort === undefined) w.write(0, `${INDENT}To Port: ${value}/${proto}\n`);
    else w.write(0, `${INDENT}To Port Range: ${value}-${port.endPort}/${proto}\n`);
  }
}

const selector = (s: LabelSelector) => formatLabelSelector(s);

function printPeers(w: PrefixWriter, title: 'From' | 'To', peers: NetworkPolicyPeer[] | undefined, anyText: string): void {
  if ((peers ?? []).length === 0) {
    w.write(0, `${INDENT}${title}: ${anyText}\n`);
    return;
  }
  for (const peer of peers!) {
    w.write(0, `${INDENT}${title}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(1, `${INDENT}NamespaceSelector: ${selector(peer.namespaceSelector)}\n`);
      w.write(1, `${INDENT}PodSelector: ${selector(peer.podSelector)}\n`);
    } else if (peer.podSelector) w.write(1, `${INDENT}PodSelector: ${selector(peer.podSelector)}\n`);
    else if (peer.namespaceSelector) w.write(1, `${INDENT}NamespaceSelector: ${selector(peer.namespaceSelector)}\n`);
    else if (peer.ipBlock) {
      w.write(1, `${INDENT}IPBlock:\n`);
      w.write(2, `${INDENT}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(2, `${INDENT}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

export function describeNetworkPolicy(_api: ApiServer, obj: Stored): string {
  const np = obj as Stored<NetworkPolicy>;
  const spec = np.spec ?? { podSelector: {} };
  const w = new PrefixWriter();
  w.write(0, `Name:\t${np.metadata.name}\n`);
  w.write(0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
  w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', np.metadata.labels);
  annotationsMultiline(w, 'Annotations', np.metadata.annotations);
  w.write(0, 'Spec:\n');
  // kubectl writes the selector at LEVEL_2 after `PodSelector: `, hence the run of spaces.
  w.write(1, 'PodSelector: ');
  const ps = spec.podSelector ?? {};
  const emptySelector = Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0;
  w.write(2, emptySelector ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(ps)}\n`);
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    const rules = spec.ingress ?? [];
    if (rules.length === 0) w.write(0, `${INDENT}<none> (Selected pods are isolated for ingress connectivity)\n`);
    rules.forEach((rule, i) => {
      printPorts(w, rule.ports);
      printPeers(w, 'From', rule.from, '<any> (traffic not restricted by source)');
      if (i !== rules.length - 1) w.write(0, `${INDENT}----------\n`);
    });
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    const rules = spec.egress ?? [];
    if (rules.length === 0) w.write(0, `${INDENT}<none> (Selected pods are isolated for egress connectivity)\n`);
    rules.forEach((rule, i) => {
      printPorts(w, rule.ports);
      printPeers(w, 'To', rule.to, '<any> (traffic not restricted by destination)');
      if (i !== rules.length - 1) w.write(0, `${INDENT}----------\n`);
    });
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ')}\n`);
  return w.toString();
}
