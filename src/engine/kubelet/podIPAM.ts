/**
 * Pod IPs from the node's pod CIDR, as the host-local IPAM plugin hands them out: the first address
 * is the bridge gateway (10.244.1.1), pods get the following ones in order, and a released address is
 * reused only after the range wraps around (host-local remembers the last one it gave).
 */

function parseCidr(cidr: string): { base: number; size: number } | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const prefix = Number(m[5]);
  return { base, size: 2 ** (32 - prefix) };
}

function formatIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The fallback pod CIDR of the node registered `index`-th when no controller assigned one. */
export function fallbackPodCidr(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

export class PodIPAM {
  private readonly inUse = new Map<string, number>();
  private readonly taken = new Set<number>();
  private last = 1;
  private range: { base: number; size: number };

  constructor(readonly cidr: string) {
    this.range = parseCidr(cidr) ?? { base: 0x0af40000, size: 256 };
  }

  allocate(owner: string): string {
    const existing = this.inUse.get(owner);
    if (existing !== undefined) return formatIp(this.range.base + existing);
    const usable = this.range.size - 2;
    for (let i = 0; i < usable; i++) {
      let next = this.last + 1;
      if (next > usable) next = 2;
      this.last = next;
      if (!this.taken.has(next)) {
        this.taken.add(next);
        this.inUse.set(owner, next);
        return formatIp(this.range.base + next);
      }
    }
    throw new Error(`no IP addresses available in range set: ${this.cidr}`);
  }

  release(owner: string): void {
    const n = this.inUse.get(owner);
    if (n === undefined) return;
    this.inUse.delete(owner);
    this.taken.delete(n);
  }
}
