/**
 * The live statechart of a pod's containers or of a node's kubelet: the engine's XState machine drawn
 * from its own config, the current state marked, and what can move it next and why. Loaded lazily (it
 * brings the machine definitions, and XState with them, into the page only when asked for).
 */
import { useTranslation } from 'react-i18next';
import { containerMachine } from '../../engine/kubelet/containerMachine';
import { kubeletMachine } from '../../engine/kubelet/kubeletMachine';
import { chartOf, isActive, nextTransitions, type MachineConfigLike } from './statechart';

const CHARTS = {
  container: chartOf(containerMachine.config as MachineConfigLike),
  kubelet: chartOf(kubeletMachine.config as MachineConfigLike),
};

export interface StatechartProps {
  machine: keyof typeof CHARTS;
  /** The machine's current state path (`waiting.imagePullBackOff`). */
  current: string;
  title: string;
}

export default function StatechartView({ machine, current, title }: StatechartProps) {
  const { t } = useTranslation();
  const chart = CHARTS[machine];
  const next = nextTransitions(chart, current);
  return (
    <figure className="statechart" data-testid={`statechart-${machine}`} data-current={current}>
      <figcaption>{title}</figcaption>
      <ol className="statechart-states">
        {chart.map((s) => {
          const active = isActive(s.path, current);
          return (
            <li key={s.path} className={`statechart-state${active ? ' is-active' : ''}${s.path === current ? ' is-current' : ''}`} style={{ marginLeft: s.depth * 16 }} aria-current={s.path === current ? 'step' : undefined}>
              <span className="statechart-name">{s.initial ? '→ ' : ''}{s.name}</span>
              {s.path === current ? <span className="statechart-now">{t('explain.statechart.now')}</span> : null}
            </li>
          );
        })}
      </ol>
      <div className="statechart-next">
        <strong>{t('explain.statechart.next')}</strong>
        {next.length === 0 ? (
          <p className="muted">{t('explain.statechart.none')}</p>
        ) : (
          <ul>
            {next.map((tr) => (
              <li key={tr.trigger}>
                <code>{tr.trigger.replace(/^after:/, 'after ')}</code> → <code>{tr.target}</code>: {t(`explain.statechart.why.${tr.trigger}`, { defaultValue: '' })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </figure>
  );
}
