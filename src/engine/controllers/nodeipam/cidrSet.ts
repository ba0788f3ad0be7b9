/**
 * A set of equal-sized pod CIDRs carved out of the cluster CIDR (pkg/controller/nodeipam/ipam/cidrset):
 * 10.244.0.0/16 split into /24s gives 256 of them. Allocation starts after the last one handed out
 * (a released CIDR is not reused at once), wrapping around.
 */

export class CidrSet {
  private readonly used = new Set<number>();
  private nextCandidate = 0;
  readonly maxCidrs: number;
  private readonly base: number;
  private readonly subnetMaskBits: number;

  constructor(clusterCidr: string, subnetMaskBits: number) {
    const [ip, bits] = clusterCidr.split('/');
    const clusterBits = Number(bits);
    this.base = ipToInt(ip ?? '0.0.0.0');
    this.subnetMaskBits = subnetMaskBits;
    this.maxCidrs = 2 ** (subnetMaskBits - clusterBits);
  }

  allocateNext(): string | undefined {
    for (let i = 0; i < this.maxCidrs; i++) {
      const candidate = (this.nextCandidate + i) % this.maxCidrs;
      if (this.used.has(candidate)) continue;
      this.used.add(candidate);
      this.nextCandidate = (candidate + 1) % this.maxCidrs;
      return this.cidrAt(candidate);
    }
    return undefined;
  }

  /** Marks a CIDR (one a node already has) as used; false if it is not one of this set's. */
  occupy(cidr: string): boolean {
    const index = this.indexOf(cidr);
    if (index === undefined) return false;
    this.used.add(index);
    return true;
  }

  release(cidr: string): void {
    const index = this.indexOf(cidr);
    if (index !== undefined) this.used.delete(index);
  }

  clear(): void {
    this.used.clear();
    this.nextCandidate = 0;
  }

  private cidrAt(index: number): string {
    const size = 2 ** (32 - this.subnetMaskBits);
    return `${intToIp(this.base + index * size)}/${this.subnetMaskBits}`;
  }

  private indexOf(cidr: string): number | undefined {
    const [ip, bits] = cidr.split('/');
    if (Number(bits) !== this.subnetMaskBits || !ip) return undefined;
    const size = 2 ** (32 - this.subnetMaskBits);
    const offset = ipToInt(ip) - this.base;
    if (offset < 0 || offset % size !== 0) return undefined;
    const index = offset / size;
    return index < this.maxCidrs ? index : undefined;
  }
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
