/**
 * The chaos-convergence check shared by the property test (a few seeds, in CI) and
 * scripts/chaos-convergence.ts (as many seeds as you like): a default cluster with a 3-replica
 * Deployment, chaos at `rate` faults a minute for `chaosMinutes`, then 12 quiet minutes.
 */
import { clusterWithWeb } from './faultCluster';

/** What is still wrong after the quiet minutes (empty when the cluster converged). */
export function chaosConverges(seed: number, rate: number, chaosMinutes = 10): string[] {
  const c = clusterWithWeb();
  const problems: string[] = [];
  if (!c.chaos.start({ rate, seed }).ok) return [`chaos refused seed ${seed} rate ${rate}`];
  c.advance(chaosMinutes * 60_000);
  c.chaos.stop();
  c.advance(12 * 60_000);
  const pending = c.chaos.status().pendingHeals;
  if (pending !== 0) problems.push(`seed ${seed} rate ${rate}: ${pending} heals pending`);
  if (c.faults.activeFaults().length > 0) problems.push(`seed ${seed} rate ${rate}: faults still active`);
  const d = c.api.peek<{ status?: { readyReplicas?: number } }>('Deployment', 'default', 'web');
  if (d?.status?.readyReplicas !== 3) problems.push(`seed ${seed} rate ${rate}: web has ${d?.status?.readyReplicas ?? 0}/3 ready`);
  return problems;
}
