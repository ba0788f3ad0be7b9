/**
 * The world as a process inside a container sees it: its image's filesystem and executables, its
 * hostname, and the pod's network (cluster DNS through /etc/resolv.conf, Services through kube-proxy,
 * other pods by IP). The shell model (shellScript.ts) runs commands against this view: the main
 * process, `kubectl exec`, and exec probes alike.
 */
import type { ImageConfig } from './registry';

export type LookupResult =
  | { ok: true; fqdn: string; addresses: string[]; kind: 'service' | 'headless-service' | 'pod' | 'external'; cname?: string }
  | { ok: false; reason: 'nxdomain' | 'timeout' };

export type HttpResult =
  | { kind: 'response'; ip: string; port: number; status: number; body: string; contentType: string }
  /** Something answered, but not in HTTP (redis on its port). */
  | { kind: 'protocol'; ip: string; port: number; message: string }
  | { kind: 'refused'; ip: string; port: number }
  | { kind: 'timeout'; ip: string; port: number }
  | { kind: 'unresolved'; host: string };

export interface NetView {
  /** The cluster DNS server in the pod's /etc/resolv.conf (the kube-dns Service, 10.96.0.10). */
  readonly nameserver: string;
  /** The pod's resolver: search path `<ns>.svc.cluster.local svc.cluster.local cluster.local`. */
  lookup(name: string): LookupResult;
  /** The PTR name of an address (a Service's FQDN), if CoreDNS has one. */
  reverse(ip: string): string | undefined;
  /** One HTTP GET from this pod. */
  httpGet(host: string, port: number, path: string, userAgent: string): HttpResult;
  /** A TCP connect (nc -z, telnet). */
  connect(host: string, port: number): Exclude<HttpResult, { kind: 'response' } | { kind: 'protocol' }> | { kind: 'open'; ip: string; port: number };
}

export interface ContainerSystem {
  image: ImageConfig;
  hostname: string;
  podIP: string;
  namespace: string;
  /** Files the pod sees that the process did not write: /etc/hosts, resolv.conf, hostname, the image's web root. */
  readFile(path: string): string | undefined;
  /** The entries of a directory the image or the pod provides (`ls /`, a ConfigMap's mount); undefined: not modelled. */
  listDir(path: string): string[] | undefined;
  /** Files the container's processes created so far (exec probes and `kubectl exec` see them). */
  existingFiles?: ReadonlySet<string>;
  net?: NetView;
}
