/**
 * The big-cluster view (loaded only when the cluster has many machines): one <canvas> draws the zones and
 * machine tiles in sight, aggregated when zoomed out; zoomed in, the machines in sight open as DOM cards
 * with the usual pod cards (select, inspector, fault menu). Pan and zoom move a viewport kept outside
 * React: a drag redraws the canvas and moves the card layer without re-rendering a component.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';
import { openFaultMenu } from '../faults/FaultContextMenu';
import { useFaultMarks } from '../faults/useFaultMarks';
import { TONES, emptyCounts, addCounts, layoutSignature, machinesByZone, podsPerMachine, totalOf, zoneTotals } from './bigClusterModel';
import { computeBigLayout, tileAt, zoneAt, type TilePlace } from './bigClusterLayout';
import { BigNodeCard } from './BigNodeCard';
import { BigPendingBox } from './BigPendingBox';
import { TONE_COLOR, detailAt, drawBigCluster, type TileLabels } from './drawBigCluster';
import { fitRect, fitWidth, toWorld, zoomAt, type Viewport } from './viewport';
import './bigCluster.css';

/** At most this many machine cards at once (a wide screen at the cards' threshold shows about 20). */
const MAX_CARDS = 40;
const DRAG_THRESHOLD_PX = 4;
/** Room a zone heading takes above its zone. */
const ZONE_HEADING_PX = 66;
/** The whole cluster fits below the zone headings and left of the totals panel (when the screen is wide enough). */
function overviewInsets(width: number) {
  return { top: ZONE_HEADING_PX + 12, right: width > 900 ? 290 : 16, bottom: 16, left: 16 };
}

export default function BigClusterCanvas() {
  const { t, i18n } = useTranslation();
  const num = (count: number) => ({ count, n: count.toLocaleString(i18n.language) });
  const nodes = useClusterStore((s) => kindOf(s.objects, 'Node'));
  const pods = useClusterStore((s) => kindOf(s.objects, 'Pod'));
  const showSystem = useUiStore((s) => s.showSystemPods);
  const selection = useUiStore((s) => s.selection);
  const select = useUiStore((s) => s.select);
  const marks = useFaultMarks();

  const zones = machinesByZone(nodes);
  const signature = layoutSignature(zones);
  // The layout follows the machines' names and zones only, not their heartbeats.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => computeBigLayout(zones), [signature]);
  const machines = useMemo(() => new Map(zones.flatMap((z) => z.machines.map((m) => [m.name, m] as const))), [zones]);
  const perMachine = podsPerMachine(pods, showSystem);
  const totals = useMemo(() => zones.map((z) => zoneTotals(z, perMachine)), [zones, perMachine]);
  const clusterPods = useMemo(() => {
    const c = emptyCounts();
    for (const z of totals) addCounts(c, z.pods);
    return c;
  }, [totals]);

  const labels = useMemo<TileLabels>(
    () => ({ ready: t('bigCluster.ready'), notReady: t('bigCluster.notReady'), poweredOff: t('bigCluster.poweredOff'), cutOff: t('bigCluster.cutOff') }),
    [t],
  );

  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cardLayerRef = useRef<HTMLDivElement>(null);
  const zoneHeadsRef = useRef<(HTMLButtonElement | null)[]>([]);
  const view = useRef<Viewport | undefined>(undefined);
  const size = useRef({ width: 0, height: 0 });
  const frame = useRef(0);
  const [cards, setCards] = useState<TilePlace[]>([]);
  const cardsKey = useRef('');

  // Everything the draw needs, read through a ref so the frame callback is stable.
  const scene = useRef({ layout, zones, machines, perMachine, marks, selection, labels });
  scene.current = { layout, zones, machines, perMachine, marks, selection, labels };

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const v = view.current;
    const { width, height } = size.current;
    if (!canvas || !v || width === 0) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const s = scene.current;
    const dpr = window.devicePixelRatio || 1;
    const inSight = drawBigCluster(ctx, {
      layout: s.layout,
      zones: s.zones,
      machines: s.machines,
      pods: s.perMachine,
      view: v,
      width,
      height,
      dpr,
      poweredOff: s.marks.nodesDown,
      partitioned: s.marks.nodesPartitioned,
      selected: s.selection?.kind === 'Node' ? s.selection.name : undefined,
      labels: s.labels,
    });
    if (cardLayerRef.current) cardLayerRef.current.style.transform = `translate(${v.tx}px, ${v.ty}px) scale(${v.zoom})`;
    // Zone headings stay readable at any zoom: placed in screen space above their zone, kept in sight.
    s.layout.zones.forEach((z, i) => {
      const el = zoneHeadsRef.current[i];
      if (!el) return;
      const left = Math.max(8, z.x * v.zoom + v.tx);
      const right = (z.x + z.w) * v.zoom + v.tx;
      // Above the zone while there is room (the overview leaves it), else at the top of the screen.
      const top = Math.max(8, z.y * v.zoom + v.ty - ZONE_HEADING_PX);
      el.style.transform = `translate(${left}px, ${top}px)`;
      el.style.width = `${Math.max(120, Math.min(260, right - left - 4))}px`;
      el.style.visibility = right - left < 100 || top > height ? 'hidden' : 'visible';
    });
    const next = detailAt(v.zoom) === 'cards' ? inSight.slice(0, MAX_CARDS) : [];
    const key = next.map((c) => c.machine).join(',');
    if (key !== cardsKey.current) {
      cardsKey.current = key;
      setCards(next);
    }
  }, []);

  const requestDraw = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  const minZoom = useCallback(() => {
    const { width, height } = size.current;
    return fitRect(scene.current.layout.world, width, height, overviewInsets(width)).zoom * 0.7;
  }, []);

  const fit = useCallback(() => {
    const { width, height } = size.current;
    if (width === 0) return;
    view.current = fitRect(scene.current.layout.world, width, height, overviewInsets(width));
    requestDraw();
  }, [requestDraw]);

  // Size the canvas to its box (device pixels), and fit the whole cluster the first time.
  useEffect(() => {
    const host = hostRef.current;
    const canvas = canvasRef.current;
    if (!host || !canvas) return;
    const observer = new ResizeObserver(() => {
      const { width, height } = host.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      size.current = { width, height };
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      if (!view.current) fit();
      else requestDraw();
    });
    observer.observe(host);
    return () => observer.disconnect();
  }, [fit, requestDraw]);

  // Machines came or went: show the whole cluster again.
  useEffect(() => {
    if (view.current) fit();
  }, [signature, fit]);

  // New data (pods, heartbeats, faults, selection, language): one redraw at the next frame.
  useEffect(requestDraw, [layout, machines, perMachine, marks, selection, labels, requestDraw]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const zoomBy = useCallback(
    (factor: number, sx?: number, sy?: number) => {
      const v = view.current;
      if (!v) return;
      const { width, height } = size.current;
      view.current = zoomAt(v, factor, sx ?? width / 2, sy ?? height / 2, minZoom());
      requestDraw();
    },
    [minZoom, requestDraw],
  );

  /** Zooms so that one machine's card fills most of the height (its pods as cards). */
  const openMachine = useCallback(
    (tile: TilePlace) => {
      const { width, height } = size.current;
      // Left of the totals panel, so the opened card is not under it.
      view.current = fitRect({ x: tile.x - 40, y: tile.y - 40, w: tile.w + 80, h: tile.h + 80 }, width, height, { ...overviewInsets(width), top: 16 });
      requestDraw();
    },
    [requestDraw],
  );

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = host.getBoundingClientRect();
      zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    host.addEventListener('wheel', onWheel, { passive: false });
    return () => host.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | undefined>(undefined);

  const worldAt = (e: { clientX: number; clientY: number }) => {
    const r = hostRef.current!.getBoundingClientRect();
    return toWorld(view.current!, e.clientX - r.left, e.clientY - r.top);
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0 || !view.current) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    const v = view.current;
    if (!d || !v || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (!d.moved) {
      d.moved = true;
      // Captured only once it is a drag: a click on a pod card must still reach its button.
      hostRef.current?.setPointerCapture(e.pointerId);
    }
    d.x = e.clientX;
    d.y = e.clientY;
    view.current = { ...v, tx: v.tx + dx, ty: v.ty + dy };
    requestDraw();
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = undefined;
    if (!d || d.moved || !view.current) return;
    // A click on the map itself (the cards' buttons answer their own clicks).
    if ((e.target as HTMLElement).closest('button, .big-node-card')) return;
    const p = worldAt(e);
    const tile = tileAt(scene.current.layout, p.x, p.y);
    if (tile) select({ kind: 'Node', name: tile.machine });
    else if (!zoneAt(scene.current.layout, p.x, p.y)) select(undefined);
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    if ((e.target as HTMLElement).closest('button, .big-node-card')) return;
    const p = worldAt(e);
    const tile = tileAt(scene.current.layout, p.x, p.y);
    if (tile) openMachine(tile);
  };
  const onContextMenu = (e: React.MouseEvent) => {
    if ((e.target as HTMLElement).closest('.big-node-card')) return;
    const p = worldAt(e);
    const tile = tileAt(scene.current.layout, p.x, p.y);
    if (tile) openFaultMenu(e, { kind: 'Node', name: tile.machine });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const v = view.current;
    if (!v || e.target !== hostRef.current) return;
    const step = 80;
    const pan: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (e.key in pan) {
      const [dx, dy] = pan[e.key]!;
      view.current = { ...v, tx: v.tx + dx, ty: v.ty + dy };
      requestDraw();
    } else if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-') zoomBy(0.8);
    else if (e.key === '0') fit();
    else return;
    e.preventDefault();
  };

  const machineCount = zones.reduce((n, z) => n + z.machines.length, 0);
  const zoneLabel = (name: string) => (name ? t('bigCluster.zone', { name }) : t('bigCluster.noZone'));

  return (
    <div className="canvas big-cluster" data-testid="cluster-canvas">
      <div
        ref={hostRef}
        className="big-cluster-map"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label={t('bigCluster.label', { nodes: machineCount, zones: zones.length })}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = undefined)}
        onDoubleClick={onDoubleClick}
        onContextMenu={onContextMenu}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvasRef} className="big-cluster-canvas" aria-hidden="true" />
        <div ref={cardLayerRef} className="big-card-layer">
          {cards.map((tile) => (
            <BigNodeCard key={tile.machine} tile={tile} machine={machines.get(tile.machine)} poweredOff={marks.nodesDown.has(tile.machine)} partitioned={marks.nodesPartitioned.has(tile.machine)} />
          ))}
        </div>
        {layout.zones.map((z, i) => {
          const total = totals[i];
          if (!total) return null;
          return (
            <button
              key={z.name}
              type="button"
              ref={(el) => {
                zoneHeadsRef.current[i] = el;
              }}
              className="big-zone-head"
              aria-label={t('bigCluster.openZone', { name: z.name || t('bigCluster.noZone') })}
              onClick={() => {
                view.current = fitWidth(z, size.current.width, overviewInsets(size.current.width));
                requestDraw();
              }}
            >
              <span className="big-zone-name">{zoneLabel(z.name)}</span>
              <span className="big-zone-figures">
                {t('bigCluster.zoneNodes', num(total.machines))} · {t('bigCluster.zonePods', num(totalOf(total.pods)))}
                {total.notReady > 0 ? <span className="big-zone-bad"> · {t('bigCluster.zoneNotReady', num(total.notReady))}</span> : null}
              </span>
              <ToneBar counts={total.pods} />
            </button>
          );
        })}
      </div>
      <div className="big-cluster-tools">
        <button type="button" className="btn btn-quiet" onClick={() => zoomBy(1.5)} aria-label={t('bigCluster.zoomIn')} title={t('bigCluster.zoomIn')}>
          +
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => zoomBy(1 / 1.5)} aria-label={t('bigCluster.zoomOut')} title={t('bigCluster.zoomOut')}>
          −
        </button>
        <button type="button" className="btn btn-quiet" onClick={fit} aria-label={t('bigCluster.fit')} title={t('bigCluster.fit')}>
          ⤢
        </button>
      </div>
      <aside className="big-cluster-legend" aria-label={t('bigCluster.totals')}>
        <strong>{t('bigCluster.totals')}</strong>
        <span>
          {t('bigCluster.zoneNodes', num(machineCount))} · {t('bigCluster.zonePods', num(totalOf(clusterPods)))}
        </span>
        <ToneBar counts={clusterPods} />
        <ul className="big-legend-list" aria-label={t('bigCluster.legend')}>
          {TONES.filter((tone) => clusterPods[tone] > 0 || tone === 'ready' || tone === 'pending' || tone === 'failed').map((tone) => (
            <li key={tone}>
              <span className={`big-legend-swatch swatch-${tone}`} style={{ borderColor: TONE_COLOR[tone], background: tone === 'pending' ? 'transparent' : TONE_COLOR[tone] }} aria-hidden="true" />
              {t(`bigCluster.tones.${tone}`)} {clusterPods[tone].toLocaleString(i18n.language)}
            </li>
          ))}
        </ul>
        <FindNode
          onFind={(name) => {
            const tile = scene.current.layout.byMachine.get(name);
            if (!tile) return false;
            openMachine(tile);
            select({ kind: 'Node', name });
            return true;
          }}
        />
        <p className="big-cluster-hint">{t('bigCluster.hint')}</p>
      </aside>
      <BigPendingBox />
    </div>
  );
}

/** "Find a node": a name typed and Enter zooms to that machine's card and selects it. */
function FindNode({ onFind }: { onFind: (name: string) => boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string | undefined>(undefined);
  return (
    <form
      className="big-find"
      onSubmit={(e) => {
        e.preventDefault();
        const name = text.trim();
        if (!name) return;
        setMissing(onFind(name) ? undefined : name);
      }}
    >
      <label>
        <span>{t('bigCluster.findNode')}</span>
        <input type="search" value={text} placeholder={t('bigCluster.findNodePlaceholder')} onChange={(e) => setText(e.target.value)} />
      </label>
      {missing ? <span className="big-find-missing" role="status">{t('bigCluster.noSuchNode', { name: missing })}</span> : null}
    </form>
  );
}

function ToneBar({ counts }: { counts: Record<string, number> }) {
  const total = TONES.reduce((n, tone) => n + (counts[tone] ?? 0), 0);
  return (
    <span className="big-tone-bar" aria-hidden="true">
      {total > 0
        ? TONES.map((tone) => (counts[tone] ? <span key={tone} style={{ flexGrow: counts[tone], background: TONE_COLOR[tone] }} /> : null))
        : null}
    </span>
  );
}

