import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultName } from '../../engine/faults';
import { useClusterStore } from '../../store/clusterStore';
import { useFaultStore } from '../../store/faultStore';
import { isControlPlaneNode, kindOf, sortedNodes, type NodeObject, type PodObject } from '../../store/selectors';
import { formatVirtualTime } from '../shell/formatClock';
import { CATALOGUE, catalogueEntry, undoFor, zonesOf, type TargetKind } from './catalogue';
import { sendFault } from './sendFault';
import { ChaosControl } from './ChaosControl';

function useTargets(kind: TargetKind): string[] {
  const pods = useClusterStore((s) => kindOf(s.objects, 'Pod'));
  const nodes = useClusterStore((s) => kindOf(s.objects, 'Node'));
  const deployments = useClusterStore((s) => kindOf(s.objects, 'Deployment'));
  const components = useFaultStore((s) => s.status.components);
  return useMemo(() => {
    const podNames = (Object.values(pods) as PodObject[])
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`)
      .sort();
    const deploymentNames = Object.values(deployments)
      .map((d) => `${d.metadata.namespace ?? 'default'}/${d.metadata.name}`)
      .sort();
    switch (kind) {
      case 'pod':
        return podNames;
      case 'podOrDeployment':
        return [...deploymentNames.map((d) => `deployment/${d}`), ...podNames];
      case 'deployment':
        return deploymentNames;
      case 'node':
        return sortedNodes(nodes)
          .filter((n) => !isControlPlaneNode(n))
          .map((n) => n.metadata.name ?? '');
      case 'zone':
        return zonesOf(Object.values(nodes) as NodeObject[]);
      case 'component':
        return components.map((c) => c.name);
    }
  }, [kind, pods, nodes, deployments, components]);
}

/** The instructor's failure panel: pick a fault and a target, inject it, and heal what is in effect. */
export function FailurePanel() {
  const { t } = useTranslation();
  const open = useFaultStore((s) => s.panelOpen);
  const toggle = useFaultStore((s) => s.togglePanel);
  const active = useFaultStore((s) => s.status.active);
  const outcome = useFaultStore((s) => s.lastOutcome);
  const [fault, setFault] = useState<FaultName>('kill-container');
  const entry = catalogueEntry(fault);
  const targets = useTargets(entry?.target ?? 'pod');
  const [chosen, setChosen] = useState('');
  const [percent, setPercent] = useState('80');
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const target = targets.includes(chosen) ? chosen : (targets[0] ?? '');
  const inject = async () => {
    if (!target) return;
    setBusy(true);
    await sendFault({ fault, target, ...(entry?.needsPercent ? { options: { percent } } : {}) });
    setBusy(false);
  };
  return (
    <aside className="failure-panel" aria-label={t('faults.title')} data-testid="failure-panel">
      <header className="failure-panel-header">
        <h2>{t('faults.title')}</h2>
        <button type="button" className="btn btn-quiet" onClick={() => toggle(false)}>
          {t('faults.close')}
        </button>
      </header>
      <form
        className="failure-form"
        onSubmit={(e) => {
          e.preventDefault();
          void inject();
        }}
      >
        <label>
          <span>{t('faults.fault')}</span>
          <select value={fault} onChange={(e) => setFault(e.target.value as FaultName)} aria-label={t('faults.fault')}>
            {CATALOGUE.map((g) => (
              <optgroup key={g.group} label={t(`faults.groups.${g.group}`)}>
                {g.entries.map((x) => (
                  <option key={x.fault} value={x.fault}>
                    {t(`faults.names.${x.fault}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <p className="failure-explain">{entry ? t(`faults.explain.${entry.explainKey}`) : null}</p>
        <label>
          <span>{t('faults.target')}</span>
          <select value={target} onChange={(e) => setChosen(e.target.value)} aria-label={t('faults.target')} disabled={targets.length === 0}>
            {targets.length === 0 ? <option value="">{t('faults.noTargets')}</option> : null}
            {targets.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        {entry?.needsPercent ? (
          <label>
            <span>{t('faults.percent')}</span>
            <input type="number" min={0} value={percent} onChange={(e) => setPercent(e.target.value)} aria-label={t('faults.percent')} />
          </label>
        ) : null}
        <button type="submit" className="btn btn-danger" disabled={busy || !target}>
          {t('faults.inject')}
        </button>
      </form>
      {outcome ? (
        <p className={`failure-outcome ${outcome.ok ? 'is-ok' : 'is-error'}`} role={outcome.ok ? 'status' : 'alert'} data-testid="fault-outcome">
          {outcome.ok ? outcome.message : t('faults.failed', { error: outcome.error })}
        </p>
      ) : null}
      <section className="failure-active" aria-label={t('faults.active')}>
        <h3>{t('faults.active')}</h3>
        {active.length === 0 ? <p className="empty-note">{t('faults.noActive')}</p> : null}
        <ul>
          {active.map((f) => {
            const undo = undoFor(f);
            return (
              <li key={`${f.fault}|${f.target}`} className="active-fault">
                <span className="active-fault-name">{t(`faults.names.${f.fault}`)}</span>
                <code className="active-fault-target">{f.target}</code>
                <span className="active-fault-since">{t('faults.since', { time: formatVirtualTime(f.sinceMs) })}</span>
                {undo ? (
                  <button type="button" className="btn btn-small" onClick={() => void sendFault(undo)} aria-label={`${t(`faults.names.${undo.fault}`)} ${f.target}`}>
                    {t(`faults.names.${undo.fault}`)}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      <ChaosControl />
    </aside>
  );
}
