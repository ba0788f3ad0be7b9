/** `kubectl describe hpa` (describe.go describeHorizontalPodAutoscalerV2). */
import type { HPAScalingRules, HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { rfc1123z } from '../printers/format';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

function quantity(q: string | number | undefined): string {
  return q === undefined ? '<unknown>' : String(q);
}

function metricLine(spec: MetricSpec, st: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
      const current = spec.type === 'Resource' ? st?.resource?.current : st?.containerResource?.current;
      const on = spec.type === 'Resource' ? `resource ${source.name} on pods` : `resource ${source.name} of container "${spec.containerResource!.container}" on pods`;
      if (source.target.averageValue !== undefined) return `${on}:\t${quantity(current?.averageValue)} / ${quantity(source.target.averageValue)}\n`;
      const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}% (${quantity(current.averageValue)})` : '<unknown>';
      const target = source.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
      return `${on}  (as a percentage of request):\t${now} / ${target}\n`;
    }
    case 'Pods':
      return `"${spec.pods!.metric.name}" on pods:\t${quantity(st?.pods?.current.averageValue)} / ${quantity(spec.pods!.target.averageValue)}\n`;
    case 'Object': {
      const o = spec.object!;
      return `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} (target value):\t${quantity(st?.object?.current.value)} / ${quantity(o.target.value)}\n`;
    }
    case 'External': {
      const e = spec.external!;
      if (e.target.averageValue !== undefined) return `"${e.metric.name}" (target average value):\t${quantity(st?.external?.current.averageValue)} / ${quantity(e.target.averageValue)}\n`;
      return `"${e.metric.name}" (target value):\t${quantity(st?.external?.current.value)} / ${quantity(e.target.value)}\n`;
    }
    default:
      return `<unknown metric type "${spec.type}">\n`;
  }
}

function directionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length > 0) {
    w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(2, 'Policies:\n');
    for (const p of rules.policies!) w.write(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export function describeHorizontalPodAutoscaler(api: ApiServer, obj: Stored, nowMs: number): string {
  const hpa = obj as Stored<HorizontalPodAutoscaler>;
  const spec = hpa.spec!;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${hpa.metadata.name}\n`);
  w.write(0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', hpa.metadata.labels);
  annotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m, i) => w.write(1, metricLine(m, hpa.status?.currentMetrics?.[i])));
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec.maxReplicas}\n`);
  if (spec.behavior) {
    w.write(0, 'Behavior:\n');
    directionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    directionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(0, `${spec.scaleTargetRef.kind} pods:\t${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
  const conditions = hpa.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  describeEvents(w, eventsFor(api, hpa), nowMs);
  return w.toString();
}
