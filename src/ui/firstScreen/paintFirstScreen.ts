/**
 * The first frame without waiting for the simulation: the page fills its mirror from the snapshot the
 * build made of the running cluster (virtual:first-screen), paints the canvas, and only then starts the
 * simulation worker, whose first message replaces the mirror with the same objects, now live.
 */
import { useClusterStore } from '../../store/clusterStore';
import type { ComponentStatus, ObjectChange } from '../../worker/protocol';
import { parseRoute } from '../routing/route';

export interface FirstScreenSnapshot {
  seed: number;
  /** Virtual time of the snapshot, epoch ms. */
  now: number;
  changes: ObjectChange[];
  /** The controller-manager's controllers, drawn in the control plane's box. */
  components: ComponentStatus[];
}

/** Only the cluster page opens on the default cluster; a preset or a share link boots another one. */
export function opensOnDefaultCluster(hash: string): boolean {
  return parseRoute(hash).page === 'cluster';
}

export function paintFirstScreen(snapshot: FirstScreenSnapshot): void {
  const store = useClusterStore.getState();
  store.applyPatches(snapshot.changes, true);
  store.setComponents(snapshot.components);
  store.setClock({ ...store.clock, now: snapshot.now });
}

/**
 * Calls `then` once the machines are on the canvas: the task after the frame that paints the first worker
 * node. `limitMs` bounds the wait, so nothing hangs if the canvas shows no machine.
 */
export function afterMachinesPainted(root: HTMLElement, then: () => void, limitMs = 3000): void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    // rAF runs just before the paint; a task queued from it runs after the paint.
    requestAnimationFrame(() => setTimeout(then, 0));
  };
  const observer = new MutationObserver(() => {
    if (root.querySelector('.worker-node')) finish();
  });
  const timer = setTimeout(finish, limitMs);
  observer.observe(root, { childList: true, subtree: true });
  if (root.querySelector('.worker-node')) finish();
}
