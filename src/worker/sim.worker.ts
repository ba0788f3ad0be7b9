/// <reference lib="webworker" />
/**
 * The simulation worker: one SimulationHost driven by a real-time frame loop (~30 frames a second).
 * Any exception from the loop is reported as `fatal` and rethrown, so the page notices either way
 * (the message, or the worker's error event) and restarts the worker from its last snapshot.
 * Once the cluster is live, the parts it did not need to boot load in the background (deferredModules.ts).
 */
import { SimulationHost, errorInfo } from './simulationHost';
import { preloadDeferredModules } from './deferredModules';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const FRAME_MS = 33;
/** After the first screen is live, a moment before the deferred modules are fetched: the live cluster's first frames go first. */
const PRELOAD_AFTER_MS = 300;

function post(msg: FromWorker): void {
  self.postMessage(msg);
}

const host = new SimulationHost({ post, realNow: () => performance.now() });
let timer: ReturnType<typeof setInterval> | undefined;

function stop(): void {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
}

function runFrame(): void {
  // The watchdog drill, when its request had to wait for a deferred module.
  if (host.closeRequested) {
    stop();
    self.close();
    return;
  }
  try {
    host.frame();
  } catch (err) {
    stop();
    post({ type: 'fatal', error: errorInfo(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  host.handle(ev.data);
  if (host.closeRequested) {
    // The watchdog drill: stop without a word, as a worker that closed itself would.
    stop();
    self.close();
    return;
  }
  if (ev.data.type === 'init' && timer === undefined) {
    timer = setInterval(runFrame, FRAME_MS);
    setTimeout(() => void preloadDeferredModules().catch(() => undefined), PRELOAD_AFTER_MS);
  }
};
