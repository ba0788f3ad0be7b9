/**
 * Prints the first screen's snapshot (JSON): the running cluster the simulation worker boots into
 * (src/worker/runningCluster.ts), made by the same engine with the same seed. vite.config.ts serves it
 * as `virtual:first-screen`; the page paints its first frame from it while the worker is loading, and
 * the worker's first message then replaces it with the very same objects.
 */
import { listAsChanges } from '../src/worker/patchBatcher';
import { FIRST_SCREEN_SEED, bootRunningCluster } from '../src/worker/runningCluster';
import { allObjects, componentStatuses } from '../src/worker/simulationHost';

const cluster = bootRunningCluster(FIRST_SCREEN_SEED);
// Events are left out: the canvas does not draw them, and the events list fills from the worker's first
// message a moment later (they were a third of the snapshot).
const objects = [...allObjects(cluster)].filter((o) => o.kind !== 'Event');
process.stdout.write(JSON.stringify({ seed: FIRST_SCREEN_SEED, now: cluster.clock.now(), changes: listAsChanges(objects), components: componentStatuses(cluster) }));
