import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../engine/objects';
import { containerTone, podDisplay } from '../canvas/podStatus';
import { conditionHealth } from '../explain/conditionHealth';

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
}

function PodSummary({ pod }: { pod: Pod }) {
  const { t } = useTranslation();
  const d = podDisplay(pod);
  return (
    <>
      <table className="kv-table">
        <tbody>
          <Row label="STATUS" value={<span className={`tone-text tone-${d.tone}`}>{d.status}</span>} />
          <Row label={t('inspector.phase')} value={pod.status?.phase ?? 'Pending'} />
          <Row label={t('inspector.ready')} value={d.ready} />
          <Row label={t('inspector.restarts')} value={d.restarts} />
          <Row label={t('inspector.nodeName')} value={<span className="mono">{pod.spec?.nodeName ?? '<none>'}</span>} />
          <Row label={t('inspector.podIP')} value={<span className="mono">{pod.status?.podIP ?? '<none>'}</span>} />
        </tbody>
      </table>
      <h4>{t('inspector.containers')}</h4>
      <ul className="container-list">
        {(pod.spec?.containers ?? []).map((c) => {
          const cs = pod.status?.containerStatuses?.find((s) => s.name === c.name);
          const state = cs?.state?.running ? 'Running' : cs?.state?.terminated ? `Terminated (${cs.state.terminated.reason ?? cs.state.terminated.exitCode})` : `Waiting${cs?.state?.waiting?.reason ? ` (${cs.state.waiting.reason})` : ''}`;
          return (
            <li key={c.name}>
              <span className={`container-badge ctone-${containerTone(cs)}`} aria-hidden="true" /> <strong>{c.name}</strong> <span className="mono small">{c.image}</span> — {state}
              {cs?.restartCount ? ` ↻${cs.restartCount}` : ''}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function NodeSummary({ node }: { node: Node }) {
  const alloc = node.status?.allocatable ?? {};
  const info = node.status?.nodeInfo;
  return (
    <table className="kv-table">
      <tbody>
        <Row label="cpu" value={alloc['cpu'] ?? '?'} />
        <Row label="memory" value={alloc['memory'] ?? '?'} />
        <Row label="pods" value={alloc['pods'] ?? '?'} />
        {info ? <Row label="kubelet" value={info.kubeletVersion} /> : null}
        {info ? <Row label="runtime" value={info.containerRuntimeVersion} /> : null}
        <Row label="taints" value={(node.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).join(', ') || '<none>'} />
      </tbody>
    </table>
  );
}

function DeploymentSummary({ d }: { d: Deployment }) {
  const s = d.status ?? {};
  return (
    <table className="kv-table">
      <tbody>
        <Row label="READY" value={`${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`} />
        <Row label="UP-TO-DATE" value={s.updatedReplicas ?? 0} />
        <Row label="AVAILABLE" value={s.availableReplicas ?? 0} />
        <Row label="strategy" value={d.spec?.strategy?.type ?? 'RollingUpdate'} />
      </tbody>
    </table>
  );
}

function ServiceSummary({ svc }: { svc: Service }) {
  return (
    <table className="kv-table">
      <tbody>
        <Row label="TYPE" value={svc.spec?.type ?? 'ClusterIP'} />
        <Row label="CLUSTER-IP" value={<span className="mono">{svc.spec?.clusterIP ?? '<none>'}</span>} />
        <Row label="PORT(S)" value={(svc.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(',')} />
        <Row label="selector" value={Object.entries(svc.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'} />
      </tbody>
    </table>
  );
}

export function StatusSummary({ obj }: { obj: KubeObject }) {
  switch (obj.kind) {
    case 'Pod':
      return <PodSummary pod={obj as Pod} />;
    case 'Node':
      return <NodeSummary node={obj as Node} />;
    case 'Deployment':
      return <DeploymentSummary d={obj as Deployment} />;
    case 'Service':
      return <ServiceSummary svc={obj as Service} />;
    default:
      return null;
  }
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export function ConditionsTable({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const conditions = ((obj.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
  if (conditions.length === 0) return <p className="muted">{t('inspector.noConditions')}</p>;
  return (
    <table className="kv-table conditions">
      <thead>
        <tr>
          <th>{t('inspector.type')}</th>
          <th>{t('inspector.status')}</th>
          <th>{t('inspector.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map((c) => {
          const health = conditionHealth(obj.kind, c.type, c.status);
          return (
          <tr key={c.type} title={c.message}>
            <td>{c.type}</td>
            <td className={health === 'good' ? 'ok' : health === 'bad' ? 'bad' : undefined} data-health={health}>
              <span aria-hidden="true">{health === 'good' ? '✓ ' : health === 'bad' ? '✗ ' : ''}</span>
              {c.status}
            </td>
            <td>{c.reason ?? ''}</td>
          </tr>
          );
        })}
      </tbody>
    </table>
  );
}
