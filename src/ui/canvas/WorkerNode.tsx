import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { nodePartTarget } from '../../store/cueFlashes';
import { sameRef, useUiStore } from '../../store/uiStore';
import { ComponentRow } from './ComponentRow';
import type { FlowNode } from './graph';
import { PodCard } from './PodCard';
import { openFaultMenu } from '../faults/FaultContextMenu';
import { useFaultMarks } from '../faults/useFaultMarks';
import { nodeReady, useHandlesFollowPods, useHiddenSystemPodCount, useNodeObject, usePodsOnNode } from './usePodsOnNode';

/** A worker machine: its node agents (kubelet, kube-proxy, container runtime) and its pods inside it. */
export const WorkerNode = memo(function WorkerNode({ id, data }: NodeProps<FlowNode>) {
  const { t } = useTranslation();
  const name = data.name;
  const node = useNodeObject(name);
  const pods = usePodsOnNode(name);
  const hidden = useHiddenSystemPodCount(name);
  useHandlesFollowPods(id, pods);
  const ready = nodeReady(node);
  const ref = { kind: 'Node', name };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const select = useUiStore((s) => s.select);
  const runtime = node?.status?.nodeInfo?.containerRuntimeVersion;
  const marks = useFaultMarks();
  const down = marks.nodesDown.has(name);
  const partitioned = marks.nodesPartitioned.has(name);
  return (
    <section
      className={`flow-box worker-node${selected ? ' is-selected' : ''}${ready !== 'True' ? ' is-notready' : ''}${down ? ' is-powered-off' : ''}${partitioned ? ' is-partitioned' : ''}`}
      aria-label={`Node ${name}`}
      onContextMenu={(e) => openFaultMenu(e, { kind: 'Node', name })}
    >
      <Handle type="target" id="top" position={Position.Top} className="box-handle" isConnectable={false} />
      <button type="button" className="box-header" onClick={() => select(ref)} aria-label={`Node ${name}: ${ready === 'True' ? 'Ready' : 'NotReady'}`}>
        <span className="box-kind">{t('canvas.worker')}</span>
        <span className="box-title">{name}</span>
        <span className={`ready-pill ready-${ready}`}>{ready === 'True' ? t('canvas.ready') : t('canvas.notReady')}</span>
      </button>
      {down || partitioned ? <div className="fault-banner">{t(down ? 'faults.badges.down' : 'faults.badges.partitioned')}</div> : null}
      <div className="component-list">
        <ComponentRow target={nodePartTarget(name, 'kubelet')} component={{ part: 'kubelet', node: name }} label={t('components.kubelet')} detail={node?.status?.nodeInfo?.kubeletVersion} />
        <ComponentRow target={nodePartTarget(name, 'kube-proxy')} component={{ part: 'kube-proxy', node: name }} label={t('components.kube-proxy')} />
        <ComponentRow target={nodePartTarget(name, 'runtime')} component={{ part: 'runtime', node: name }} label={t('components.runtime')} detail={runtime} />
      </div>
      <div className="pod-area" aria-label={t('canvas.pods', { count: pods.length })}>
        {pods.length === 0 ? <span className="empty-note">{hidden > 0 ? t('canvas.noPodsButSystem', { count: hidden }) : t('canvas.noPods')}</span> : pods.map((p) => <PodCard key={p.metadata.uid ?? p.metadata.name} pod={p} />)}
      </div>
    </section>
  );
});
