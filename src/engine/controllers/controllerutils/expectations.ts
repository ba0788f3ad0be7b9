/**
 * ControllerExpectations (pkg/controller/controller_utils.go): after a sync asks for N pod creations or
 * deletions, the controller does not act on that owner again until its watch has seen them, so a second
 * sync cannot double-create from a stale view. Expectations expire after 5 minutes (ExpectationsTimeout)
 * so that a lost watch event cannot block the owner forever. Deletions are tracked by pod key, as the
 * UIDTrackingControllerExpectations do, so a pod seen twice (terminating, then gone) counts once.
 */
import type { VirtualClock } from '../../clock/virtualClock';

const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  adds: number;
  deletes: Set<string>;
  setAt: number;
}

export class ControllerExpectations {
  private readonly byOwner = new Map<string, Expectation>();

  constructor(private readonly clock: VirtualClock) {}

  /** True when the owner may be synced: nothing expected, everything observed, or the wait expired. */
  satisfied(ownerKey: string): boolean {
    const e = this.byOwner.get(ownerKey);
    if (!e) return true;
    if (e.adds <= 0 && e.deletes.size === 0) return true;
    return this.clock.now() - e.setAt > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(ownerKey: string, count: number): void {
    this.byOwner.set(ownerKey, { adds: count, deletes: new Set(), setAt: this.clock.now() });
  }

  expectDeletions(ownerKey: string, podKeys: Iterable<string>): void {
    this.byOwner.set(ownerKey, { adds: 0, deletes: new Set(podKeys), setAt: this.clock.now() });
  }

  creationObserved(ownerKey: string): void {
    const e = this.byOwner.get(ownerKey);
    if (e) e.adds--;
  }

  deletionObserved(ownerKey: string, podKey: string): void {
    this.byOwner.get(ownerKey)?.deletes.delete(podKey);
  }

  delete(ownerKey: string): void {
    this.byOwner.delete(ownerKey);
  }
}
