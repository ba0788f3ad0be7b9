import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { objectKey } from '../../engine/objects';
import type { SchedulingDiagnosis } from '../../engine/scheduler/diagnosis';
import { useClusterStore } from '../../store/clusterStore';
import { eventsAboutNewestFirst, kindOf } from '../../store/selectors';
import { useUiStore, type ObjectRef } from '../../store/uiStore';
import { simClient } from '../../client/simClient';
import type { KubectlReply, PodLifecycle } from '../../worker/protocol';
import { eventRow } from '../events/eventRows';
import { openLiveObject } from '../editor/openLiveObject';
import { SchedulingView } from './SchedulingView';
import { ConditionsTable, StatusSummary } from './StatusSummary';
import { useWorkerQuery } from './useWorkerQuery';
import { ComponentExplainer } from '../explain/ComponentExplainer';
import { PendingReasonView } from '../explain/PendingReasonView';
import { translateEngineMessage } from '../explain/engineMessages';
import { componentOfPod, parseComponentName } from '../explain/componentExplanations';
import type { Pod } from 'kubernetes-types/core/v1';
import { lazy, Suspense } from 'react';
import { useFaultMarks } from '../faults/useFaultMarks';
import { isHistoryKind } from '../../engine/metrics/historyTypes';

const StatechartView = lazy(() => import('../explain/StatechartView'));
/** Charts and their library (uPlot) load only when an object with charts is selected. */
const HistoryCharts = lazy(() => import('../charts/HistoryCharts'));

/** The kubelet machine's state follows the machine's power and network (the faults that drive it). */
function KubeletChart({ node }: { node: string }) {
  const { t } = useTranslation();
  const marks = useFaultMarks();
  const current = marks.nodesDown.has(node) ? 'poweredOff' : marks.nodesPartitioned.has(node) ? 'partitioned' : 'running';
  return (
    <Suspense fallback={<p className="muted">{t('inspector.loading')}</p>}>
      <StatechartView machine="kubelet" current={current} title={t('explain.statechart.kubelet')} />
    </Suspense>
  );
}

export function yamlCommand(ref: ObjectRef): string {
  return `get ${ref.kind.toLowerCase()} ${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''} -o yaml`;
}

function ObjectEvents({ target }: { target: ObjectRef }) {
  const { t, i18n } = useTranslation();
  const events = useClusterStore((s) => kindOf(s.objects, 'Event'));
  const now = useClusterStore((s) => Math.floor(s.clock.now / 1000) * 1000);
  const targetKey = `${target.kind}/${target.namespace ?? ''}/${target.name}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the target's key says when it changed
  const mine = useMemo(() => eventsAboutNewestFirst(events, target, 30), [events, targetKey]);
  if (mine.length === 0) return <p className="muted">{t('inspector.noEvents')}</p>;
  return (
    <ul className="object-events">
      {mine.map((e) => {
        const r = eventRow(e, now);
        return (
          <li key={r.key} className={r.type === 'Warning' ? 'is-warning' : undefined}>
            <span className="mono muted">{r.lastSeen}</span> <strong>{r.reason}</strong> {translateEngineMessage(r.message, i18n.language)}
            {r.count > 1 ? <span className="muted"> (x{r.count})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function CloseButton() {
  const { t } = useTranslation();
  const select = useUiStore((s) => s.select);
  return (
    <button type="button" className="btn btn-quiet btn-round" onClick={() => select(undefined)} aria-label={t('inspector.close')}>
      ✕
    </button>
  );
}

/** A component of the cluster (kube-scheduler, a controller, a node's kubelet): what it is and does now. */
function ComponentInspector({ name }: { name: string }) {
  const { t } = useTranslation();
  const id = parseComponentName(name);
  const title = id ? (id.part === 'controller' ? id.controller : 'node' in id ? `${t(`components.${id.part}`)} · ${id.node}` : t(`components.${id.part}`, { defaultValue: id.part })) : name;
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      <div className="inspector-header">
        <div>
          <div className="box-kind">{t('explain.kind')}</div>
          <h2 className="mono">{title}</h2>
        </div>
        <div className="inspector-actions">
          <CloseButton />
        </div>
      </div>
      <div className="inspector-body">{id ? <ComponentExplainer id={id} /> : <p className="muted">{t('inspector.gone')}</p>}</div>
    </aside>
  );
}

/** The selected object or component. */
export function Inspector() {
  const ref = useUiStore((s) => s.selection);
  if (ref?.kind === 'Component') return <ComponentInspector name={ref.name} />;
  return <ObjectInspector />;
}

/** The selected object: status, conditions, events, the scheduler's reasoning for pods, live YAML. */
function ObjectInspector() {
  const { t } = useTranslation();
  const ref = useUiStore((s) => s.selection);
  const obj = useClusterStore((s) => (ref ? kindOf(s.objects, ref.kind)[objectKey(ref.namespace, ref.name)] : undefined));
  const rv = obj?.metadata.resourceVersion;
  const baseKey = ref ? `${ref.kind}|${objectKey(ref.namespace, ref.name)}` : undefined;
  const yaml = useWorkerQuery<KubectlReply>(baseKey && `${baseKey}@${rv ?? 'gone'}`, () => simClient.kubectl(yamlCommand(ref!)));
  const isPod = ref?.kind === 'Pod';
  const nodeName = (obj?.spec as { nodeName?: string } | undefined)?.nodeName;
  // A mirror pod stands for a static pod: its kubelet runs it from a file, no scheduler involved.
  const staticOn = isPod && obj?.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? nodeName : undefined;
  const explain = useWorkerQuery<SchedulingDiagnosis | null>(
    isPod && baseKey ? `${baseKey}@${nodeName ?? 'pending'}@${isPod && !nodeName ? rv : ''}` : undefined,
    () => simClient.request({ type: 'explain', namespace: ref!.namespace ?? 'default', name: ref!.name }),
  );
  const lifecycle = useWorkerQuery<PodLifecycle | null>(
    isPod && baseKey ? `${baseKey}@${rv ?? 'gone'}` : undefined,
    () => simClient.request({ type: 'lifecycle', namespace: ref!.namespace ?? 'default', name: ref!.name }),
  );
  const systemComponent = isPod && obj ? componentOfPod(obj as Pod) : undefined;
  if (!ref) return null;
  return (
    <aside className="inspector" aria-label={t('inspector.label')}>
      <div className="inspector-header">
        <div>
          <div className="box-kind">{ref.kind}</div>
          <h2 className="mono">{ref.namespace ? `${ref.namespace}/` : ''}{ref.name}</h2>
        </div>
        <div className="inspector-actions">
          {obj ? (
            <button type="button" className="btn btn-small" title={t('inspector.editHint')} onClick={() => void openLiveObject(ref).catch(() => undefined)}>
              {t('inspector.edit')}
            </button>
          ) : null}
          <CloseButton />
        </div>
      </div>
      <div className="inspector-body">
        {!obj ? <p className="muted">{t('inspector.gone')}</p> : null}
        {isPod && obj && !staticOn ? <PendingReasonView pod={obj as Pod} diagnosis={explain.data} /> : null}
        {systemComponent ? (
          <section aria-label={t('explain.podIsComponent')}>
            <p className="muted small">{t('explain.podIsComponent')}</p>
            <ComponentExplainer id={systemComponent} />
          </section>
        ) : null}
        {obj ? (
          <section>
            <h3>{t('inspector.status')}</h3>
            <StatusSummary obj={obj} />
          </section>
        ) : null}
        {obj && isHistoryKind(ref.kind) ? (
          <section aria-label={t('charts.section')}>
            <h3>{t('charts.section')}</h3>
            <Suspense fallback={<p className="muted">{t('charts.loading')}</p>}>
              <HistoryCharts kind={ref.kind} {...(ref.namespace ? { namespace: ref.namespace } : {})} name={ref.name} />
            </Suspense>
          </section>
        ) : null}
        {ref.kind === 'Node' && obj ? (
          <section>
            <h3>{t('components.kubelet')}</h3>
            <KubeletChart node={ref.name} />
          </section>
        ) : null}
        {obj ? (
          <section>
            <h3>{t('inspector.conditions')}</h3>
            <ConditionsTable obj={obj} />
          </section>
        ) : null}
        {isPod ? (
          <section>
            <h3>{t('inspector.lifecycle')}</h3>
            {lifecycle.data ? (
              <>
              <table className="kv-table">
                <tbody>
                  {lifecycle.data.containers.map((c) => (
                    <tr key={c.name}>
                      <th scope="row" className="mono">
                        {c.name}
                        {c.kind !== 'regular' ? <span className="muted"> ({c.kind})</span> : null}
                      </th>
                      <td className="mono">{c.state}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Suspense fallback={null}>
                {lifecycle.data.containers.map((c) => (
                  <StatechartView key={c.name} machine="container" current={c.state} title={t('explain.statechart.container', { name: c.name })} />
                ))}
              </Suspense>
              </>
            ) : (
              <p className="muted">{lifecycle.loading ? t('inspector.loading') : t('inspector.noLifecycle')}</p>
            )}
          </section>
        ) : null}
        {isPod ? (
          <section>
            <h3>{t('inspector.scheduling')}</h3>
            {staticOn ? (
              <p className="muted">{t('inspector.staticPod', { node: staticOn })}</p>
            ) : explain.loading && explain.data === undefined ? (
              <p className="muted">{t('inspector.loading')}</p>
            ) : (
              <SchedulingView diagnosis={explain.data} />
            )}
          </section>
        ) : null}
        <section>
          <h3>{t('inspector.events')}</h3>
          <ObjectEvents target={ref} />
        </section>
        <section aria-label={t('inspector.yaml')}>
          <h3>{t('inspector.yaml')}</h3>
          {yaml.data ? (
            <pre className="yaml" data-testid="object-yaml">{yaml.data.exitCode === 0 ? yaml.data.stdout : yaml.data.stderr}</pre>
          ) : (
            <p className="muted">{yaml.error ?? t('inspector.loading')}</p>
          )}
        </section>
      </div>
    </aside>
  );
}
