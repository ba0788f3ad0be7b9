import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { NO_PODS, kindOf, visiblePodsByNode } from '../../store/selectors';
import { sameRef, useUiStore } from '../../store/uiStore';
import { PodCard } from '../canvas/PodCard';
import { openFaultMenu } from '../faults/FaultContextMenu';
import type { MachineTile } from './bigClusterModel';
import type { TilePlace } from './bigClusterLayout';

/** Cards a machine shows at most; the rest are counted (a node may run 110 pods). */
export const MAX_CARDS_PER_NODE = 12;

/** A machine opened in the big view: its header (select, faults) and its pods as the usual cards. */
export const BigNodeCard = memo(function BigNodeCard({ tile, machine, poweredOff, partitioned }: { tile: TilePlace; machine: MachineTile | undefined; poweredOff: boolean; partitioned: boolean }) {
  const { t, i18n } = useTranslation();
  const num = (count: number) => ({ count, n: count.toLocaleString(i18n.language) });
  const name = tile.machine;
  const showSystem = useUiStore((s) => s.showSystemPods);
  const pods = useClusterStore((s) => visiblePodsByNode(kindOf(s.objects, 'Pod'), showSystem).get(name) ?? NO_PODS);
  const ref = { kind: 'Node', name };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const select = useUiStore((s) => s.select);
  const ready = machine?.ready === 'True';
  return (
    <section
      className={`big-node-card${selected ? ' is-selected' : ''}${ready ? '' : ' is-notready'}${poweredOff ? ' is-powered-off' : ''}`}
      style={{ left: tile.x, top: tile.y, width: tile.w, height: tile.h }}
      aria-label={`Node ${name}`}
      onContextMenu={(e) => openFaultMenu(e, { kind: 'Node', name })}
    >
      <button type="button" className="big-node-header" onClick={() => select(ref)} aria-label={`Node ${name}: ${ready ? 'Ready' : 'NotReady'}`}>
        <span className="box-title">{name}</span>
        <span className={`ready-pill ready-${machine?.ready ?? 'Unknown'}`}>{ready ? t('canvas.ready') : t('canvas.notReady')}</span>
      </button>
      <div className="big-node-meta">
        {machine?.zone ? <span>{t('bigCluster.zone', { name: machine.zone })}</span> : null}
        <span>{t('bigCluster.nodePods', num(pods.length))}</span>
      </div>
      {poweredOff || partitioned ? <div className="fault-banner">{t(poweredOff ? 'faults.badges.down' : 'faults.badges.partitioned')}</div> : null}
      <div className="big-node-pods">
        {pods.slice(0, MAX_CARDS_PER_NODE).map((p) => (
          <PodCard key={p.metadata.uid ?? p.metadata.name} pod={p} withHandle={false} />
        ))}
      </div>
      {pods.length > MAX_CARDS_PER_NODE ? <p className="big-node-more">{t('bigCluster.morePods', num(pods.length - MAX_CARDS_PER_NODE))}</p> : null}
    </section>
  );
});
