/**
 * The timeline's requests: jumps (coalesced while dragging: one seek in flight, then the latest
 * position), steps, back to now, and "continue from here". Replies feed the timeline store.
 */
import { useTimelineStore } from '../store/timelineStore';
import type { SendRequest } from '../worker/protocol';
import type { SeekTarget } from '../worker/timeline/types';

export class TimelineClient {
  private inFlight = false;
  private queued: SeekTarget | undefined;

  constructor(private readonly send: SendRequest) {}

  /** Moves the screen to `at` (virtual epoch ms); while a jump is under way only the latest position is kept. */
  seekTo(at: number): Promise<void> {
    useTimelineStore.getState().setPending(at);
    return this.seek({ at });
  }

  step(direction: 'previous' | 'next'): Promise<void> {
    return this.seek({ step: direction });
  }

  backToNow(): Promise<void> {
    return this.seek({ now: true });
  }

  /** Makes the moment on screen the live cluster; the later history is dropped (the page asks first). */
  async continueFromHere(): Promise<void> {
    await this.send({ type: 'fork' });
  }

  private async seek(target: SeekTarget): Promise<void> {
    if (this.inFlight) {
      this.queued = target;
      return;
    }
    this.inFlight = true;
    try {
      let next: SeekTarget | undefined = target;
      while (next) {
        this.queued = undefined;
        const result = await this.send({ type: 'seek', target: next });
        const store = useTimelineStore.getState();
        store.setState(result);
        store.setReplayMs(result.replayMs);
        next = this.queued;
      }
    } finally {
      this.inFlight = false;
      useTimelineStore.getState().setPending(undefined);
    }
  }
}
