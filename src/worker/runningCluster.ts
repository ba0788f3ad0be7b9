/**
 * The cluster a student walks up to: the default kubeadm cluster with the starter app already applied
 * and its pods Running and Ready (their images pulled, their probes passing). Booting it is a pure
 * function of the seed, so the build makes the very same cluster ahead of time and the page paints its
 * first frame from that (see firstScreenSnapshot.ts) while the worker is still loading.
 *
 * "Start from scratch" (the time controls' reset) still boots the bare cluster and applies the app then,
 * so the scheduling, the image pulls and the probes can be watched from the beginning.
 */
import { createCluster, type Cluster } from '../engine/cluster';
import { STARTER_APP_YAML } from './starterApp';

export const FIRST_SCREEN_SEED = 1;
/** Virtual time the boot may take at most; the starter app is Ready after about half a minute. */
const BOOT_LIMIT_MS = 120_000;
const BOOT_STEP_MS = 1000;

/** The default cluster with the starter app applied (nothing has run yet). */
export function bootStarterCluster(seed: number): Cluster {
  const cluster = createCluster({ seed, preset: 'default' });
  for (const r of cluster.apply(STARTER_APP_YAML)) {
    if (r.action === 'error') throw new Error(`starter app failed to apply: ${r.message}`);
  }
  return cluster;
}

/** The default cluster after the starter app has come up: every replica Running and Ready. */
export function bootRunningCluster(seed: number = FIRST_SCREEN_SEED): Cluster {
  const cluster = bootStarterCluster(seed);
  for (let t = 0; t < BOOT_LIMIT_MS && !starterAppReady(cluster); t += BOOT_STEP_MS) cluster.advance(BOOT_STEP_MS);
  if (!starterAppReady(cluster)) throw new Error('the starter app did not become Ready while the cluster booted');
  return cluster;
}

interface PodLike {
  metadata: { labels?: Record<string, string> };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

export function starterAppReady(cluster: Cluster): boolean {
  const deployment = cluster.api.peek<{ spec?: { replicas?: number } }>('Deployment', 'default', 'web');
  const want = deployment?.spec?.replicas ?? 0;
  let ready = 0;
  for (const pod of cluster.api.peekList<PodLike>('Pod', { namespace: 'default' })) {
    if (pod.metadata.labels?.app !== 'web' || pod.status?.phase !== 'Running') continue;
    if (pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) ready++;
  }
  return want > 0 && ready >= want;
}
