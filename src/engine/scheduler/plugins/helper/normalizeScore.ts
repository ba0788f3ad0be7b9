/**
 * helper.DefaultNormalizeScore (pkg/scheduler/framework/plugins/helper): scales scores so the highest
 * becomes MAX_NODE_SCORE; `reverse` turns "fewer is better" counts into scores. When every score is 0,
 * reverse gives every node the maximum.
 */
import { MAX_NODE_SCORE } from '../../framework/types';

export function defaultNormalizeScore(scores: Int32Array, count: number, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i]! > max) max = scores[i]!;
  if (max === 0) {
    if (reverse) for (let i = 0; i < count; i++) scores[i] = MAX_NODE_SCORE;
    return;
  }
  for (let i = 0; i < count; i++) {
    // Integer division as in Go.
    let s = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
