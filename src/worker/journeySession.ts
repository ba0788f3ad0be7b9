/**
 * The journey the page follows (see engine/journey): the worker applies the small manifest as a
 * recorded input, keeps one recorder listening, lets it send its request between clock slices, and
 * says when the record changed. A new journey replaces the one before; a reset or restore ends it.
 */
import type { Cluster } from '../engine/cluster';
import { JourneyRecorder, type JourneyRecord } from '../engine/journey/journeyRecorder';
import { freeJourneyName, journeyDeploymentSpec, journeyManifest } from '../engine/journey/journeyManifest';

const NAMESPACE = 'default';

export class JourneySession {
  private recorder: JourneyRecorder | undefined;
  private nextId = 1;

  /** Applies a fresh journey app (`journey`, or `journey-2` ... when taken) and starts recording it. */
  start(cluster: Cluster): JourneyRecord {
    this.end();
    const name = freeJourneyName((n) => !!cluster.api.peek('Deployment', NAMESPACE, n) || !!cluster.api.peek('Service', NAMESPACE, n));
    const yaml = journeyManifest(name);
    const recorder = new JourneyRecorder(cluster, this.nextId++, NAMESPACE, name, journeyDeploymentSpec(name));
    this.recorder = recorder;
    const failed = cluster.apply(yaml, { source: `${name}.yaml` }).find((r) => r.action === 'error');
    if (failed) {
      this.end();
      throw new Error(failed.message);
    }
    return recorder.record;
  }

  /** Stops listening (the app stays in the cluster). */
  end(): void {
    this.recorder?.dispose();
    this.recorder = undefined;
  }

  /** Between clock slices: the recorder may send its request through the Service now. */
  afterSlice(): void {
    this.recorder?.sendTraffic();
  }

  /** The record when it changed since the last call; a completed journey is let go after it is sent. */
  takeChanged(): JourneyRecord | undefined {
    const r = this.recorder;
    if (!r?.takeChanged()) return undefined;
    const record = r.record;
    if (r.isComplete) this.recorder = undefined;
    return record;
  }
}
