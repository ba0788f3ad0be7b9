/**
 * A three-member etcd cluster behind kube-apiserver, as a kubeadm HA control plane stacks it. Raft
 * needs a quorum, floor(n/2) + 1 members (2 of 3), to commit a write; kube-apiserver's reads are
 * linearizable (a quorum read, or for lists the watch cache after a quorum check of the current
 * revision), so without quorum both fail and clients see `etcdserver: request timed out`. With one
 * member down the other two still form a quorum and nothing visible changes.
 */

export const ETCD_MEMBER_COUNT = 3;

/** A member's id, as `stop`/`start` name it: etcd-0, etcd-1, ... */
export function etcdMemberId(index: number): string {
  return `etcd-${index}`;
}

/** What kubectl prints when kube-apiserver's request to etcd times out (no leader, no quorum). */
export const ETCD_NO_QUORUM_MESSAGE = 'Error from server: etcdserver: request timed out';

export interface EtcdMember {
  /** `etcd-0` .. `etcd-2`: the fault catalogue's target names. */
  id: string;
  /** The member name, as the static pod on each control-plane machine is named (`etcd-control-plane`). */
  name: string;
  running: boolean;
}

/** How etcd stands: members running, and whether they still form a quorum. */
export interface EtcdHealth {
  running: number;
  total: number;
  quorum: boolean;
}

export class EtcdCluster {
  readonly members: EtcdMember[];

  constructor(count = ETCD_MEMBER_COUNT) {
    this.members = Array.from({ length: count }, (_, i) => ({
      id: etcdMemberId(i),
      // kind names extra control-plane machines control-plane2, control-plane3.
      name: i === 0 ? 'etcd-control-plane' : `etcd-control-plane${i + 1}`,
      running: true,
    }));
  }

  member(idOrName: string): EtcdMember | undefined {
    return this.members.find((m) => m.id === idOrName || m.name === idOrName);
  }

  get quorumSize(): number {
    return Math.floor(this.members.length / 2) + 1;
  }

  get runningCount(): number {
    return this.members.filter((m) => m.running).length;
  }

  get hasQuorum(): boolean {
    return this.runningCount >= this.quorumSize;
  }

  health(): EtcdHealth {
    return { running: this.runningCount, total: this.members.length, quorum: this.hasQuorum };
  }

  /** Sets a member's state; returns false when it already was so. */
  setRunning(id: string, running: boolean): boolean {
    const m = this.member(id);
    if (!m || m.running === running) return false;
    m.running = running;
    return true;
  }
}
