/**
 * A SimulationHost answering requests synchronously, for tests: what the page's simClient would get,
 * with each reply typed by its request (`Replies[type]`).
 */
import type { ErrorReply, FromWorker, OkReply, Replies, Reply, Request, RequestId, SendRequest, ToWorkerType } from './protocol';
import { SimulationHost } from './simulationHost';
import { preloadDeferredModules } from './deferredModules';

// kubectl and the concept scenarios load lazily in the worker; in tests, before any request.
await preloadDeferredModules();

export interface HostHarness {
  host: SimulationHost;
  /** Everything the host posted, in order. */
  sent: FromWorker[];
  /** The reply to one request, ok or not. */
  reply<K extends ToWorkerType>(req: Request & { type: K }): OkReply<K> | ErrorReply;
  /** The result of one request; throws the worker's error message. */
  call<K extends ToWorkerType>(req: Request & { type: K }): Replies[K];
  /** As the page's simClient.request. */
  send: SendRequest;
  /** Moves real time on and runs one frame. */
  frame(realMs: number): void;
}

export function hostHarness(): HostHarness {
  const sent: FromWorker[] = [];
  let real = 0;
  const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => real });
  let nextId: RequestId = 0;
  const replyTo = (req: Request): Reply => {
    const id = ++nextId;
    host.handle({ ...req, id });
    const found = sent.find((m) => m.type === 'reply' && m.id === id);
    if (found?.type !== 'reply') throw new Error(`no reply to ${req.type}`);
    if (found.request !== req.type) throw new Error(`${req.type} was answered as ${found.request}`);
    return found;
  };
  // The pairing is checked in replyTo: an ok reply naming request K carries Replies[K].
  const reply = <K extends ToWorkerType>(req: Request & { type: K }) => replyTo(req) as OkReply<K> | ErrorReply;
  const call = <K extends ToWorkerType>(req: Request & { type: K }): Replies[K] => {
    const r = replyTo(req);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as Replies[K];
  };
  const send: SendRequest = (req) =>
    new Promise((resolve, reject) => {
      const r = replyTo(req);
      if (r.ok) (resolve as (v: Replies[ToWorkerType]) => void)(r.result);
      else reject(new Error(r.error.message));
    });
  return {
    host,
    sent,
    reply,
    call,
    send,
    frame(realMs) {
      real += realMs;
      host.frame();
    },
  };
}
