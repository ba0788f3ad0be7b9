/**
 * The timeline's jump time at a 30-virtual-minute session (`npx tsx bench/timeline.ts`): a student's
 * session (scale, a rollout, a fault, traffic-free), then jumps into the past from the seed (no
 * checkpoint yet) and with the checkpoints built, and the cost of building them.
 */
import { TimeTravel } from '../src/worker/timeline/timeTravel';
import { bootRunningCluster } from '../src/worker/runningCluster';
import { createCluster } from '../src/engine/cluster';

const MINUTE = 60_000;
const live = bootRunningCluster(1);
const run = (ms: number) => {
  for (let left = ms; left > 0; left -= 100) live.advance(Math.min(100, left));
};
run(2 * MINUTE);
live.kubectl('scale deployment web --replicas=5');
run(8 * MINUTE);
live.kubectl('set image deployment/web web=nginx:1.27');
run(10 * MINUTE);
const pod = live.api.peekList<{ metadata: { name: string; namespace: string } }>('Pod', { namespace: 'default' })[0]!;
live.inject({ fault: 'delete-pod', target: pod.metadata.name });
run(10 * MINUTE);

const ms = (f: () => void) => {
  const t0 = performance.now();
  f();
  return Math.round((performance.now() - t0) * 10) / 10;
};
const tt = new TimeTravel(live);
const at = (minutes: number) => tt.start + minutes * MINUTE + 17_000;
const restore = ms(() => createCluster({ restore: live.snapshot() }));
const cold = [25, 12, 3].map((m) => ms(() => tt.seek({ at: at(m) })));
tt.seek({ now: true });
const build = ms(() => {
  while (tt.work(() => false));
});
const warm = [25, 12, 3, 28, 7].map((m) => ms(() => tt.seek({ at: at(m) })));
const forward = ms(() => tt.seek({ at: at(7) + 30_000 }));
console.log(JSON.stringify({ session: '30 virtual minutes', restoreWholeHistoryMs: restore, coldJumpsMs: cold, buildAllCheckpointsMs: build, checkpoints: tt.checkpointInfo, warmJumpsMs: warm, forward30sMs: forward }, null, 1));
