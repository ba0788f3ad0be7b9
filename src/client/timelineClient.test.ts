import { describe, expect, it } from 'vitest';
import { useTimelineStore } from '../store/timelineStore';
import type { Replies, Request, SendRequest } from '../worker/protocol';
import type { SeekTarget } from '../worker/timeline/types';
import { TimelineClient } from './timelineClient';

/** A worker that answers seeks when told to, so a drag's many positions can pile up behind one. */
function slowWorker() {
  const seen: SeekTarget[] = [];
  const waiting: (() => void)[] = [];
  const send = ((req: Request) =>
    new Promise<unknown>((resolve) => {
      if (req.type !== 'seek') return resolve(null);
      seen.push(req.target);
      const at = 'at' in req.target ? req.target.at : null;
      const result: Replies['seek'] = { start: 0, now: 100_000, viewing: at, marks: [], replayMs: 7 };
      waiting.push(() => resolve(result));
    })) as unknown as SendRequest;
  const answer = async () => {
    waiting.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { send, seen, answer };
}

describe('TimelineClient', () => {
  it('while a jump is under way, only the latest position is sent next (a drag does not queue every pixel)', async () => {
    const w = slowWorker();
    const client = new TimelineClient(w.send);
    void client.seekTo(50_000);
    void client.seekTo(40_000);
    void client.seekTo(30_000);
    expect(useTimelineStore.getState().pendingAt).toBe(30_000);
    await w.answer();
    await w.answer();
    expect(w.seen).toEqual([{ at: 50_000 }, { at: 30_000 }]);
    expect(useTimelineStore.getState()).toMatchObject({ state: { viewing: 30_000 }, lastReplayMs: 7, pendingAt: undefined });
  });
});
