/** Tables of the workload controllers (printers.go: printDeployment, printReplicaSet, printJob ...). */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Stored } from '../../objects';
import { humanDuration } from '../../clock/duration';
import { containerCells, formatLabels, formatLabelSelector, since } from './format';
import { cols, type TableDef } from './tableDef';

export const deploymentTable: TableDef = {
  columns: cols('Name|Ready|Up-to-date|Available|Age', 'Containers|Images|Selector'),
  row(obj, { nowMs }) {
    const d = obj as Stored<Deployment>;
    const [names, images] = containerCells(d.spec?.template.spec?.containers);
    return [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(d.status?.updatedReplicas ?? 0),
      String(d.status?.availableReplicas ?? 0),
      since(d.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(d.spec?.selector, ''),
    ];
  },
};

export const replicaSetTable: TableDef = {
  columns: cols('Name|Desired|Current|Ready|Age', 'Containers|Images|Selector'),
  row(obj, { nowMs }) {
    const rs = obj as Stored<ReplicaSet>;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata.name,
      String(rs.spec?.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      since(rs.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

export const statefulSetTable: TableDef = {
  columns: cols('Name|Ready|Age', 'Containers|Images'),
  row(obj, { nowMs }) {
    const s = obj as Stored<StatefulSet>;
    const [names, images] = containerCells(s.spec?.template.spec?.containers);
    return [s.metadata.name, `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`, since(s.metadata.creationTimestamp, nowMs), names, images];
  },
};

export const daemonSetTable: TableDef = {
  columns: cols('Name|Desired|Current|Ready|Up-to-date|Available|Node Selector|Age', 'Containers|Images|Selector'),
  row(obj, { nowMs }) {
    const ds = obj as Stored<DaemonSet>;
    const st = ds.status;
    const [names, images] = containerCells(ds.spec?.template.spec?.containers);
    return [
      ds.metadata.name,
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template.spec?.nodeSelector),
      since(ds.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

function hasJobCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  const c = conditions?.find((x) => x.type === type);
  return c?.status === 'True';
}

export const jobTable: TableDef = {
  columns: cols('Name|Status|Completions|Duration|Age', 'Containers|Images|Selector'),
  row(obj, { nowMs }) {
    const job = obj as Stored<Job>;
    const succeeded = job.status?.succeeded ?? 0;
    let completions: string;
    if (job.spec?.completions !== undefined) completions = `${succeeded}/${job.spec.completions}`;
    else {
      const parallelism = job.spec?.parallelism ?? 0;
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = job.status?.startTime;
    const end = job.status?.completionTime;
    const duration = !start ? '' : !end ? humanDuration(nowMs - Date.parse(start)) : humanDuration(Date.parse(end) - Date.parse(start));
    const conds = job.status?.conditions;
    const status = hasJobCondition(conds, 'Complete')
      ? 'Complete'
      : hasJobCondition(conds, 'Failed')
        ? 'Failed'
        : job.metadata.deletionTimestamp
          ? 'Terminating'
          : hasJobCondition(conds, 'Suspended')
            ? 'Suspended'
            : hasJobCondition(conds, 'FailureTarget')
              ? 'FailureTarget'
              : 'Running';
    const [names, images] = containerCells(job.spec?.template.spec?.containers);
    return [job.metadata.name, status, completions, duration, since(job.metadata.creationTimestamp, nowMs), names, images, formatLabelSelector(job.spec?.selector)];
  },
};

export const cronJobTable: TableDef = {
  columns: cols('Name|Schedule|Timezone|Suspend|Active|Last Schedule|Age', 'Containers|Images|Selector'),
  row(obj, { nowMs }) {
    const cj = obj as Stored<CronJob>;
    const [names, images] = containerCells(cj.spec?.jobTemplate.spec?.template.spec?.containers);
    const suspend = cj.spec?.suspend === undefined ? '<unset>' : cj.spec.suspend ? 'True' : 'False';
    return [
      cj.metadata.name,
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      suspend,
      String(cj.status?.active?.length ?? 0),
      cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, nowMs) : '<none>',
      since(cj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(cj.spec?.jobTemplate.spec?.selector),
    ];
  },
};

/** Quantity text of an HPA metric value as the API returns it (`50m`, `128Mi`). */
function quantityText(v: unknown): string {
  return v === undefined || v === null ? '<unknown>' : String(v);
}

/** formatHPAMetrics: `cpu: 45%/50%`, `<unknown>` before the first measurement, at most two shown. */
export function formatHpaMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list: string[] = [];
  specs.forEach((spec, i) => {
    const st = statuses?.[i];
    switch (spec.type) {
      case 'Resource': {
        const r = spec.resource!;
        if (r.target.averageValue !== undefined) {
          const current = st?.resource ? quantityText(st.resource.current.averageValue) : '<unknown>';
          list.push(`${r.name}: ${current}/${quantityText(r.target.averageValue)}`);
        } else {
          const current = st?.resource?.current.averageUtilization !== undefined ? `${st.resource.current.averageUtilization}%` : '<unknown>';
          const target = r.target.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
          list.push(`${r.name}: ${current}/${target}`);
        }
        break;
      }
      case 'ContainerResource': {
        const r = spec.containerResource!;
        const current =
          st?.containerResource?.current.averageUtilization !== undefined ? `${st.containerResource.current.averageUtilization}%` : '<unknown>';
        const target = r.target.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
        list.push(`${r.name}: ${current}/${target}`);
        break;
      }
      case 'Pods': {
        const current = st?.pods ? quantityText(st.pods.current.averageValue) : '<unknown>';
        list.push(`${current}/${quantityText(spec.pods?.target.averageValue)}`);
        break;
      }
      default:
        list.push('<unknown type>');
    }
  });
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

export const hpaTable: TableDef = {
  columns: cols('Name|Reference|Targets|MinPods|MaxPods|Replicas|Age'),
  row(obj, { nowMs }) {
    const hpa = obj as Stored<HorizontalPodAutoscaler>;
    const spec = hpa.spec;
    return [
      hpa.metadata.name,
      `${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}`,
      formatHpaMetrics(spec?.metrics, hpa.status?.currentMetrics),
      spec?.minReplicas !== undefined ? String(spec.minReplicas) : '<unset>',
      String(spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      since(hpa.metadata.creationTimestamp, nowMs),
    ];
  },
};
