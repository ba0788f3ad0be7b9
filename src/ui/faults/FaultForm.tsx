import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultName } from '../../engine/faults/types';
import { useClusterStore } from '../../store/clusterStore';
import { useFaultStore } from '../../store/faultStore';
import { kindOf, type NodeObject, type PodObject } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';
import { CATALOGUE, catalogueEntry, type TargetKind } from './catalogue';
import { checkOptions } from './faultOptions';
import { FaultOptionFields } from './FaultOptionFields';
import { sendFault } from './sendFault';
import { targetContainers, targetNames, targetOfSelection, type DeploymentObject, type TargetSources } from './targets';

function useTargetSources(): TargetSources {
  const pods = useClusterStore((s) => kindOf(s.objects, 'Pod'));
  const nodes = useClusterStore((s) => kindOf(s.objects, 'Node'));
  const deployments = useClusterStore((s) => kindOf(s.objects, 'Deployment'));
  const components = useFaultStore((s) => s.status.components);
  return useMemo(
    () => ({
      pods: Object.values(pods) as PodObject[],
      nodes: Object.values(nodes) as NodeObject[],
      deployments: Object.values(deployments) as DeploymentObject[],
      components,
    }),
    [pods, nodes, deployments, components],
  );
}

/** Pick a fault (grouped as the catalogue is), its target and its options; inject. */
export function FaultForm() {
  const { t } = useTranslation();
  const draft = useFaultStore((s) => s.draft);
  const chooseFault = useFaultStore((s) => s.chooseFault);
  const chooseTarget = useFaultStore((s) => s.chooseTarget);
  const sources = useTargetSources();
  const entry = catalogueEntry(draft.fault);
  const kind: TargetKind = entry?.target ?? 'pod';
  const targets = useMemo(() => targetNames(kind, sources), [kind, sources]);
  const target = targets.includes(draft.target) ? draft.target : (targets[0] ?? '');
  const containers = useMemo(() => targetContainers(kind, target, sources), [kind, target, sources]);
  // A container left over from another target means "the default" for this one.
  const options = { ...draft.options, container: containers.some((c) => c.name === draft.options.container) ? draft.options.container : '' };
  const checked = checkOptions(draft.fault, options, containers.map((c) => c.name));
  const [busy, setBusy] = useState(false);
  // Clicking a pod, node or Deployment on the canvas picks it as the target, when the fault takes one.
  useEffect(
    () =>
      useUiStore.subscribe((s, prev) => {
        if (!s.selection || s.selection === prev.selection) return;
        const picked = targetOfSelection(kind, s.selection);
        if (picked !== undefined && targets.includes(picked)) chooseTarget(picked);
      }),
    [kind, targets, chooseTarget],
  );
  const inject = async () => {
    if (!target || !checked.ok) return;
    setBusy(true);
    await sendFault({ fault: draft.fault, target, ...(Object.keys(checked.options).length > 0 ? { options: checked.options } : {}) });
    setBusy(false);
  };
  return (
    <form
      className="failure-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void inject();
      }}
    >
      <div className="failure-field">
        <label htmlFor="fault-name">{t('faults.fault')}</label>
        <select id="fault-name" value={draft.fault} onChange={(e) => chooseFault(e.target.value as FaultName)}>
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
      </div>
      <p className="failure-explain">{entry ? t(`faults.explain.${entry.explainKey}`) : null}</p>
      <div className="failure-field">
        <label htmlFor="fault-target">{t('faults.target')}</label>
        <select id="fault-target" value={target} onChange={(e) => chooseTarget(e.target.value)} disabled={targets.length === 0}>
          {targets.length === 0 ? <option value="">{t('faults.noTargets')}</option> : null}
          {targets.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        {kind !== 'zone' && kind !== 'runningComponent' && kind !== 'stoppedComponent' ? <span className="failure-hint">{t('faults.targetHint')}</span> : null}
      </div>
      <FaultOptionFields fault={draft.fault} target={target} draft={options} containers={containers} errors={checked.ok ? {} : checked.errors} />
      <button type="submit" className="btn btn-danger failure-inject" disabled={busy || !target || !checked.ok}>
        {t('faults.inject')}
      </button>
    </form>
  );
}
