import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { controllerTarget, cpTarget } from '../../store/cueFlashes';
import { useLit } from '../../store/cueStore';
import { sameRef, useUiStore } from '../../store/uiStore';
import { ComponentRow, useComponentHover } from './ComponentRow';
import { componentName } from '../explain/componentExplanations';
import type { FlowNode } from './graph';
import { PodCard } from './PodCard';
import { openFaultMenu } from '../faults/FaultContextMenu';
import { useFaultMarks } from '../faults/useFaultMarks';
import { useFaultStore } from '../../store/faultStore';
import { nodeReady, useHandlesFollowPods, useNodeObject, usePodsOnNode } from './usePodsOnNode';

function ControllerChip({ name, state }: { name: string; state: string }) {
  const lit = useLit(controllerTarget(name));
  const short = name.replace(/-controller$/, '');
  const litShort = useLit(controllerTarget(short));
  const stopped = state !== 'running';
  const component = { part: 'controller', controller: name } as const;
  const ref = { kind: 'Component', name: componentName(component) };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const hover = useComponentHover(component);
  return (
    <li className={`controller-chip${lit || litShort ? ' is-lit' : ''}${stopped ? ' is-stopped' : ''}${selected ? ' is-selected' : ''}`} data-target={controllerTarget(short)}>
      <button
        type="button"
        title={`${name}: ${state}\n\n${hover}`}
        aria-label={`${name}: ${state}`}
        aria-pressed={selected}
        onClick={(e) => {
          e.stopPropagation();
          useUiStore.getState().select(ref);
        }}
      >
        {short}
      </button>
    </li>
  );
}

/** The control-plane machine: kube-apiserver, etcd, kube-scheduler, kube-controller-manager and its controllers. */
export const ControlPlaneNode = memo(function ControlPlaneNode({ id, data }: NodeProps<FlowNode>) {
  const { t } = useTranslation();
  const name = data.name;
  const node = useNodeObject(name);
  const pods = usePodsOnNode(name);
  useHandlesFollowPods(id, pods);
  const controllers = useClusterStore((s) => s.components);
  const ref = { kind: 'Node', name };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const select = useUiStore((s) => s.select);
  const ready = nodeReady(node);
  const marks = useFaultMarks();
  const stoppedComponents = marks.stoppedComponents;
  const down = !!name && marks.nodesDown.has(name);
  // Quorum is the worker's word (engine/faults/etcd.ts), not worked out here.
  const etcd = useFaultStore((s) => s.status.etcd);
  const row = (component: string) => ({
    stopped: stoppedComponents.has(component),
    stoppedLabel: t('faults.badges.stopped'),
    onContextMenu: (e: React.MouseEvent) => openFaultMenu(e, { kind: 'Component', name: component }),
  });
  return (
    <section className={`flow-box control-plane${selected ? ' is-selected' : ''}${down ? ' is-powered-off' : ''}`} aria-label={t('canvas.controlPlane')}>
      <button
        type="button"
        className="box-header"
        onClick={() => name && select(ref)}
        disabled={!name}
        onContextMenu={name ? (e) => openFaultMenu(e, { kind: 'Node', name }) : undefined}
      >
        <span className="box-kind">{t('canvas.controlPlane')}</span>
        <span className="box-title">{name || '—'}</span>
        {name ? <span className={`ready-pill ready-${ready}`}>{ready === 'True' ? t('canvas.ready') : t('canvas.notReady')}</span> : null}
      </button>
      {down ? <div className="fault-banner">{t('faults.badges.down')}</div> : null}
      <div className="component-list">
        <ComponentRow target={cpTarget('kube-apiserver')} component={{ part: 'kube-apiserver' }} label={t('components.kube-apiserver')} {...row('kube-apiserver')} />
        <ComponentRow
          target={cpTarget('etcd')}
          component={{ part: 'etcd' }}
          label={t('components.etcd')}
          {...row('etcd')}
          stopped={etcd ? !etcd.quorum : false}
          {...(etcd && etcd.running < etcd.total
            ? { detail: t('explain.etcdRunning', { running: etcd.running, total: etcd.total }), stoppedLabel: t('explain.etcdNoQuorum', { running: etcd.running, total: etcd.total }) }
            : {})}
        />
        <ComponentRow target={cpTarget('kube-scheduler')} component={{ part: 'kube-scheduler' }} label={t('components.kube-scheduler')} {...row('kube-scheduler')} />
        <ComponentRow target={cpTarget('kube-controller-manager')} component={{ part: 'kube-controller-manager' }} label={t('components.kube-controller-manager')} {...row('kube-controller-manager')} />
      </div>
      {controllers.length > 0 ? (
        <div className="controllers">
          <div className="section-label">{t('canvas.controllers')}</div>
          <ul className="controller-list">
            {controllers.map((c) => (
              <ControllerChip key={c.name} name={c.name} state={c.state} />
            ))}
          </ul>
        </div>
      ) : null}
      {pods.length > 0 ? (
        <div className="pod-area">
          {pods.map((p) => (
            <PodCard key={p.metadata.uid ?? p.metadata.name} pod={p} />
          ))}
        </div>
      ) : null}
      <Handle type="source" id="scheduler" position={Position.Right} className="box-handle" isConnectable={false} />
    </section>
  );
});
