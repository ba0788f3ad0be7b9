/// <reference lib="webworker" />
/**
 * The simulation worker: one SimulationHost driven by a real-time frame loop (~30 frames a second).
 * Any exception from the loop is reported as `fatal` and rethrown, so the page notices either way
 * (the message, or the worker's error event) and restarts the worker from its last snapshot.
 */
import { SimulationHost, errorInfo } from './simulationHost';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const FRAME_MS = 33;

function post(msg: FromWorker): void {
  self.postMessage(msg);
}

const host = new SimulationHost({ post, realNow: () => performance.now() });
let timer: ReturnType<typeof setInterval> | undefined;

function runFrame(): void {
  try {
    host.frame();
  } catch (err) {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    post({ type: 'fatal', error: errorInfo(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  host.handle(ev.data);
  if (host.closeRequested) {
    // The watchdog drill: stop without a word, as a worker that closed itself would.
    if (timer !== undefined) clearInterval(timer);
    self.close();
    return;
  }
  if (ev.data.type === 'init' && timer === undefined) timer = setInterval(runFrame, FRAME_MS);
};
