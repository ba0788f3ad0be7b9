/**
 * controller.SlowStartBatch: create in batches of 1, 2, 4, 8 ... so that a request that fails (quota, a
 * missing namespace, an invalid template) fails once rather than hundreds of times. The first batch with
 * an error stops the rest.
 */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface SlowStartResult {
  successes: number;
  error?: unknown;
}

export function slowStartBatch(count: number, initialBatchSize: number, create: () => void): SlowStartResult {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: unknown;
    for (let i = 0; i < batch; i++) {
      try {
        create();
        successes++;
      } catch (err) {
        error ??= err;
      }
    }
    if (error !== undefined) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}
