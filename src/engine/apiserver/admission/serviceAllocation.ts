/**
 * The Service REST storage's allocators (pkg/registry/core/service/ipallocator and portallocator):
 * a ClusterIP from the service CIDR 10.96.0.0/12 and, for NodePort and LoadBalancer Services, a node
 * port from 30000–32767. Requested values are honoured if free and in range. Dynamic picks come from the
 * upper band of each range first (the lower band is kept for static requests, as Kubernetes has done
 * since 1.27), drawn from the cluster's seeded generator. On UPDATE, a ClusterIP or node port the new
 * object omits is carried over from the stored Service.
 *
 * What is allocated is derived from the stored Services (kept in step by a watch), so a dry run or a
 * create that fails validation holds nothing.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- admission edits loosely typed JSON */
import type { ApiServer, AdmissionPlugin } from '../apiserver';
import type { FieldError } from '../errors';
import { invalid } from '../errors';
import { forbidden, goStringSlice, invalidValue } from './validation/fieldErrors';

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const CIDR_BASE = ipToNumber('10.96.0.0');
const CIDR_SIZE = 2 ** 20;
/** min(max(16, size/16), 256): the static band at the bottom of the range. */
const IP_STATIC_BAND = 256;
const PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 16)), 128);

export function ipToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(text: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text);
}

function needsNodePorts(type: unknown): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}

interface ServiceLike {
  metadata: { namespace?: string; name?: string };
  spec?: Record<string, any>;
}

export class ServiceAllocator {
  private readonly ips = new Map<number, string>();
  private readonly ports = new Map<number, string>();

  constructor(private readonly api: ApiServer) {
    for (const svc of api.peekList('Service')) this.track(svc as ServiceLike, 1);
    api.watch('Service', (e) => {
      if (e.old) this.track(e.old as ServiceLike, -1);
      if (e.type !== 'DELETED') this.track(e.object as ServiceLike, 1);
    });
  }

  private track(svc: ServiceLike, delta: 1 | -1): void {
    const owner = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const spec = svc.spec ?? {};
    const ip = spec.clusterIP;
    if (typeof ip === 'string' && isIPv4(ip)) {
      if (delta > 0) this.ips.set(ipToNumber(ip), owner);
      else if (this.ips.get(ipToNumber(ip)) === owner) this.ips.delete(ipToNumber(ip));
    }
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      if (typeof p?.nodePort !== 'number') continue;
      if (delta > 0) this.ports.set(p.nodePort, owner);
      else if (this.ports.get(p.nodePort) === owner) this.ports.delete(p.nodePort);
    }
  }

  ipOwner(ip: string): string | undefined {
    return this.ips.get(ipToNumber(ip));
  }

  /** Picks a free address: a random start in the upper band, then the next free one. */
  allocateIP(next: () => number): string | undefined {
    const dynamic = CIDR_SIZE - IP_STATIC_BAND - 1; // never the broadcast address
    const start = IP_STATIC_BAND + Math.floor(next() * dynamic);
    for (let i = 0; i < CIDR_SIZE - 2; i++) {
      const offset = ((start - 1 + i) % (CIDR_SIZE - 2)) + 1; // 10.96.0.0 (network) is never handed out
      const n = CIDR_BASE + offset;
      if (!this.ips.has(n)) return numberToIp(n);
    }
    return undefined;
  }

  portOwner(port: number): string | undefined {
    return this.ports.get(port);
  }

  allocatePort(next: () => number, taken: Set<number>): number | undefined {
    const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    const start = PORT_STATIC_BAND + Math.floor(next() * (size - PORT_STATIC_BAND));
    for (let i = 0; i < size; i++) {
      const port = NODE_PORT_MIN + ((start + i) % size);
      if (!this.ports.has(port) && !taken.has(port)) return port;
    }
    return undefined;
  }
}

function inServiceCidr(ip: string): boolean {
  const n = ipToNumber(ip);
  return n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
}

/**
 * dropTypeDependentFields (Service strategy): when an update changes the type, values that only the old
 * type needed and that the client merely carried over (equal to the stored ones) are cleared.
 */
function dropTypeDependentFields(spec: Record<string, any>, oldSpec: Record<string, any>): void {
  if (spec.type === oldSpec.type) return;
  if (spec.type === 'ExternalName' && spec.clusterIP === oldSpec.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (!needsNodePorts(spec.type) && needsNodePorts(oldSpec.type) && Array.isArray(spec.ports)) {
    const oldPorts = new Set((Array.isArray(oldSpec.ports) ? oldSpec.ports : []).map((p: any) => p?.nodePort));
    spec.ports = spec.ports.map((p: any) => {
      if (!p || typeof p !== 'object' || !oldPorts.has(p.nodePort)) return p;
      const { nodePort: _dropped, ...rest } = p;
      return rest;
    });
  }
  if (!needsNodePorts(spec.type) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy && !(spec.externalIPs?.length > 0)) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) {
    delete spec.allocateLoadBalancerNodePorts;
  }
}

export function serviceAllocationPlugin(api: ApiServer): AdmissionPlugin {
  const allocator = new ServiceAllocator(api);
  return {
    name: 'ServiceAllocation',
    kinds: ['Service'],
    admit(obj, ctx) {
      const spec = obj.spec as Record<string, any> | undefined;
      if (!spec || typeof spec !== 'object') return;
      const owner = `${obj.metadata.namespace}/${obj.metadata.name}`;
      const oldSpec = (ctx.old as { spec?: Record<string, any> } | undefined)?.spec;
      const errors: FieldError[] = [];
      const random = () => ctx.random.next();
      if (ctx.operation === 'UPDATE' && oldSpec) dropTypeDependentFields(spec, oldSpec);

      // ---- ClusterIP ----
      if (spec.type === 'ExternalName') {
        if (spec.clusterIP === undefined || spec.clusterIP === '') delete spec.clusterIP;
      } else {
        if ((spec.clusterIP === undefined || spec.clusterIP === '') && oldSpec?.clusterIP && ctx.operation === 'UPDATE') {
          spec.clusterIP = oldSpec.clusterIP;
          if (spec.clusterIPs === undefined) spec.clusterIPs = oldSpec.clusterIPs;
        }
        if (spec.clusterIP === undefined || spec.clusterIP === '') {
          if (Array.isArray(spec.clusterIPs) && typeof spec.clusterIPs[0] === 'string') spec.clusterIP = spec.clusterIPs[0];
        }
        const requested: unknown = spec.clusterIP;
        if (requested === 'None') {
          spec.clusterIPs = ['None'];
        } else if (typeof requested === 'string' && requested !== '') {
          const unchanged = ctx.operation === 'UPDATE' && oldSpec?.clusterIP === requested;
          if (!unchanged) {
            const path = 'spec.clusterIPs';
            if (!isIPv4(requested)) {
              errors.push(invalidValue(path, [requested], `failed to allocate IP ${requested}: must be a valid IP address`, goStringSlice([requested])));
            } else if (!inServiceCidr(requested)) {
              errors.push(
                invalidValue(
                  path,
                  [requested],
                  `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
                  goStringSlice([requested]),
                ),
              );
            } else if (allocator.ipOwner(requested) && allocator.ipOwner(requested) !== owner) {
              errors.push(invalidValue(path, [requested], `failed to allocate IP ${requested}: provided IP is already allocated`, goStringSlice([requested])));
            }
          }
          spec.clusterIPs = [requested];
        } else {
          const ip = allocator.allocateIP(random);
          if (ip) {
            spec.clusterIP = ip;
            spec.clusterIPs = [ip];
          } else {
            errors.push(invalidValue('spec.clusterIPs', [], 'failed to allocate IP: range is full'));
          }
        }
        // ipFamilies and ipFamilyPolicy (single-stack IPv4 cluster): headless Services without a
        // selector default to RequireDualStack, everything else to SingleStack.
        if (spec.ipFamilyPolicy === undefined) {
          const headlessNoSelector = spec.clusterIP === 'None' && (!spec.selector || Object.keys(spec.selector).length === 0);
          spec.ipFamilyPolicy = headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
        }
        if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
      }

      // ---- node ports ----
      const ports: Record<string, any>[] = Array.isArray(spec.ports) ? spec.ports : [];
      if (needsNodePorts(spec.type) && spec.allocateLoadBalancerNodePorts !== false) {
        const oldPorts: Record<string, any>[] = Array.isArray(oldSpec?.ports) ? oldSpec.ports : [];
        const used = new Set<number>();
        ports.forEach((p, i) => {
          if (!p || typeof p !== 'object') return;
          if (p.nodePort === undefined || p.nodePort === 0) {
            // patchAllocatedValues: keep the node port of the stored port with the same port/protocol.
            const match = oldPorts.find((o) => o?.port === p.port && (o?.protocol ?? 'TCP') === (p.protocol ?? 'TCP') && typeof o?.nodePort === 'number');
            if (match && needsNodePorts(oldSpec?.type)) p.nodePort = match.nodePort;
          }
          const path = `spec.ports[${i}].nodePort`;
          if (typeof p.nodePort === 'number' && p.nodePort !== 0) {
            const kept = oldPorts.some((o) => o?.nodePort === p.nodePort) && ctx.operation === 'UPDATE';
            if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
              errors.push(
                invalidValue(path, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`),
              );
            } else if (!kept && ((allocator.portOwner(p.nodePort) && allocator.portOwner(p.nodePort) !== owner) || used.has(p.nodePort))) {
              errors.push(invalidValue(path, p.nodePort, 'provided port is already allocated'));
            }
            used.add(p.nodePort);
          }
        });
        for (const p of ports) {
          if (!p || typeof p !== 'object' || (typeof p.nodePort === 'number' && p.nodePort !== 0)) continue;
          const port = allocator.allocatePort(random, used);
          if (port === undefined) errors.push(invalidValue('spec.ports', undefined, 'failed to allocate a nodePort: range is full'));
          else {
            p.nodePort = port;
            used.add(port);
          }
        }
      } else if (!needsNodePorts(spec.type)) {
        ports.forEach((p, i) => {
          if (p && typeof p === 'object' && typeof p.nodePort === 'number' && p.nodePort !== 0) {
            errors.push(forbidden(`spec.ports[${i}].nodePort`, `may not be used when \`type\` is '${String(spec.type)}'`));
          }
        });
      }
      if (errors.length > 0) throw invalid('Service', obj.metadata.name ?? '', errors);
    },
  };
}
