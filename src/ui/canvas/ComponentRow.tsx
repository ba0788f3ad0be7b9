import { useLit } from '../../store/cueStore';

interface Props {
  /** Flash target id (see store/cueFlashes). */
  target: string;
  label: string;
  detail?: string;
  stopped?: boolean;
  stoppedLabel?: string;
  onContextMenu?: (e: React.MouseEvent) => void;
}

/** One component inside a node box (kube-apiserver, kubelet ...): lights up while its cue is fresh. */
export function ComponentRow({ target, label, detail, stopped, stoppedLabel, onContextMenu }: Props) {
  const lit = useLit(target);
  return (
    <div className={`component-row${lit ? ' is-lit' : ''}${stopped ? ' is-stopped' : ''}`} data-target={target} onContextMenu={onContextMenu}>
      <span className="component-dot" aria-hidden="true" />
      <span className="component-name">{label}</span>
      {stopped ? <span className="component-caption">{stoppedLabel}</span> : null}
      {!stopped && lit?.caption ? <span className="component-caption" title={lit.caption}>{lit.caption}</span> : null}
      {!stopped && !lit?.caption && detail ? <span className="component-detail">{detail}</span> : null}
    </div>
  );
}
