/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE, `-o wide` adds IP NODE NOMINATED NODE READINESS GATES. */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { since } from './format';
import { podCells } from './podStatus';
import { cols, type TableDef } from './tableDef';

export const podTable: TableDef = {
  columns: cols('Name|Ready|Status|Restarts|Age', 'IP|Node|Nominated Node|Readiness Gates'),
  row(obj, { nowMs }) {
    const pod = obj as Stored<Pod>;
    const cells = podCells(pod as Pod, nowMs);
    let readinessGates = '<none>';
    const gates = pod.spec?.readinessGates ?? [];
    if (gates.length > 0) {
      const trueCount = gates.filter((g) => pod.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True').length;
      readinessGates = `${trueCount}/${gates.length}`;
    }
    return [
      pod.metadata.name,
      cells.ready,
      cells.status,
      cells.restarts,
      since(pod.metadata.creationTimestamp, nowMs),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
};
