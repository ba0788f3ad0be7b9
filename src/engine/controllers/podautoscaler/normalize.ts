/**
 * How the HPA turns a metric's proposal into the replica count it sets (horizontal.go):
 * - stabilization: a scale-down takes the highest recommendation of the last 300 s
 *   (--horizontal-pod-autoscaler-downscale-stabilization), so a brief dip does not remove pods;
 * - rate limits: without spec.behavior, at most max(2 × current, 4) per sync; with spec.behavior, its
 *   policies (Pods/Percent per period, selectPolicy Max/Min/Disabled) over the recent scale events;
 * - then [minReplicas, maxReplicas].
 * Each step sets the AbleToScale / ScalingLimited condition reasons Kubernetes uses.
 */
import type { HPAScalingRules, HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2';

export const DOWNSCALE_STABILIZATION_MS = 300_000;
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

export interface Recommendation {
  replicas: number;
  atMs: number;
}
export interface ScaleEvent {
  change: number;
  atMs: number;
  outdated: boolean;
}

/** The controller's in-memory history for one HPA (lost when kube-controller-manager restarts, as in Go). */
export interface HpaHistory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export interface ConditionNote {
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  ableToScale: ConditionNote;
  limited: ConditionNote & { status: 'True' | 'False' };
}

const READY_FOR_NEW_SCALE: ConditionNote = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const SCALE_DOWN_STABILIZED: ConditionNote = {
  reason: 'ScaleDownStabilized',
  message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};

/** Replaces the oldest sample that fell out of the window, or appends (the Go code reuses slots). */
function storeRecommendation(list: Recommendation[], replicas: number, nowMs: number, windowMs: number): void {
  const old = list.findIndex((r) => r.atMs < nowMs - windowMs);
  if (old >= 0) list[old] = { replicas, atMs: nowMs };
  else list.push({ replicas, atMs: nowMs });
}

/** The default path (spec.behavior unset): normalizeDesiredReplicas. */
export function normalizeWithoutBehavior(h: HpaHistory, nowMs: number, current: number, proposed: number, min: number, max: number): Normalized {
  let stabilized = proposed;
  const cutoff = nowMs - DOWNSCALE_STABILIZATION_MS;
  for (const r of h.recommendations) if (r.atMs >= cutoff && r.replicas > stabilized) stabilized = r.replicas;
  storeRecommendation(h.recommendations, proposed, nowMs, DOWNSCALE_STABILIZATION_MS);
  const ableToScale = stabilized !== proposed ? SCALE_DOWN_STABILIZED : READY_FOR_NEW_SCALE;

  const scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
  let maximum: number;
  let limit: ConditionNote;
  if (max > scaleUpLimit) {
    maximum = scaleUpLimit;
    limit = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
  } else {
    maximum = max;
    limit = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
  }
  let replicas = stabilized;
  if (stabilized < min) {
    replicas = min;
    limit = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  } else if (stabilized > maximum) replicas = maximum;
  else limit = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
  return { replicas, ableToScale, limited: { ...limit, status: replicas === stabilized ? 'False' : 'True' } };
}

function changeInPeriod(events: ScaleEvent[], periodSeconds: number, nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.atMs > cutoff) sum += e.change;
  return sum;
}

function scaleUpLimit(current: number, events: ScaleEvent[], rules: HPAScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result: number | undefined;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(events, p.periodSeconds, nowMs);
    // Percent rounds up, or a small target could never grow.
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = result === undefined ? proposed : pick(result, proposed);
  }
  return result ?? current;
}

function scaleDownLimit(current: number, events: ScaleEvent[], rules: HPAScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result: number | undefined;
  for (const p of rules.policies ?? []) {
    const start = current + changeInPeriod(events, p.periodSeconds, nowMs);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = result === undefined ? proposed : pick(result, proposed);
  }
  return result ?? current;
}

/** normalizeDesiredReplicasWithBehaviors: spec.behavior as defaulted by the API server. */
export function normalizeWithBehavior(h: HpaHistory, nowMs: number, behavior: HorizontalPodAutoscalerBehavior, current: number, proposed: number, min: number, max: number): Normalized {
  const up = behavior.scaleUp ?? {};
  const down = behavior.scaleDown ?? {};
  const upWindow = up.stabilizationWindowSeconds ?? 0;
  const downWindow = down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000;

  const scalingUp = proposed >= current;
  const better = scalingUp ? Math.min : Math.max;
  const cutoff = nowMs - (scalingUp ? upWindow : downWindow) * 1000;
  let stabilized = proposed;
  for (const r of h.recommendations) if (r.atMs > cutoff) stabilized = better(r.replicas, stabilized);
  storeRecommendation(h.recommendations, proposed, nowMs, Math.max(upWindow, downWindow) * 1000);
  const ableToScale =
    stabilized !== proposed
      ? scalingUp
        ? { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
        : SCALE_DOWN_STABILIZED
      : READY_FOR_NEW_SCALE;

  let replicas = stabilized;
  let limit: ConditionNote = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
  if (stabilized > current) {
    const rate = Math.max(current, scaleUpLimit(current, h.scaleUpEvents, up, nowMs));
    let maximum = max;
    if (maximum > rate) {
      maximum = rate;
      limit = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
    } else limit = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
    if (stabilized > maximum) replicas = maximum;
    else limit = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
  } else if (stabilized < current) {
    const rate = Math.min(current, scaleDownLimit(current, h.scaleDownEvents, down, nowMs));
    let minimum = min;
    if (minimum < rate) {
      minimum = rate;
      limit = { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };
    } else limit = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
    if (stabilized < minimum) replicas = minimum;
    else limit = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
  }
  return { replicas, ableToScale, limited: { ...limit, status: replicas === stabilized ? 'False' : 'True' } };
}

function longestPeriod(rules: HPAScalingRules | undefined): number {
  return Math.max(0, ...(rules?.policies ?? []).map((p) => p.periodSeconds));
}

/** storeScaleEvent: remembered only when spec.behavior is set (the rate policies need them). */
export function storeScaleEvent(h: HpaHistory, behavior: HorizontalPodAutoscalerBehavior | undefined, prev: number, next: number, nowMs: number): void {
  if (!behavior) return;
  const up = next > prev;
  const list = up ? h.scaleUpEvents : h.scaleDownEvents;
  const cutoff = nowMs - longestPeriod(up ? behavior.scaleUp : behavior.scaleDown) * 1000;
  for (const e of list) if (e.atMs < cutoff) e.outdated = true;
  const event: ScaleEvent = { change: Math.abs(next - prev), atMs: nowMs, outdated: false };
  const slot = list.findIndex((e) => e.outdated);
  if (slot >= 0) list[slot] = event;
  else list.push(event);
}
