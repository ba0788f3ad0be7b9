/**
 * The hop on the canvas: the component's element glows (a `data-journey-current` mark the stylesheet
 * rings) and an arrow runs from the previous hop's component to it. Drawn over the canvas, clipped to
 * it, and re-measured every frame while shown, so it follows panning, zooming and re-layout.
 * With `prefers-reduced-motion` the ring does not pulse and the arrow does not march.
 */
import { useEffect, useRef, useState } from 'react';
import type { JourneyRecord } from '../../engine/journey/journeyRecorder';
import { placeSelector, samePlace } from './hopTargets';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Geometry {
  canvas: Box;
  current: Box | undefined;
  previous: Box | undefined;
}

const CURRENT_MARK = 'data-journey-current';

function boxOf(el: Element | null, origin: DOMRect): Box | undefined {
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return undefined;
  return { x: Math.round(r.left - origin.left), y: Math.round(r.top - origin.top), w: Math.round(r.width), h: Math.round(r.height) };
}

const sameBox = (a: Box | undefined, b: Box | undefined): boolean => a?.x === b?.x && a?.y === b?.y && a?.w === b?.w && a?.h === b?.h;

/** Where the line from a box's centre towards `to` leaves the box (grown by the ring's margin). */
export function edgePoint(box: Box, to: { x: number; y: number }, margin = 8): { x: number; y: number } {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : (box.w / 2 + margin) / Math.abs(dx), dy === 0 ? Infinity : (box.h / 2 + margin) / Math.abs(dy));
  return { x: cx + dx * Math.min(t, 1), y: cy + dy * Math.min(t, 1) };
}

/**
 * A gentle curve from one box to the other, bent sideways, leaving and arriving at the boxes' edges
 * so the arrowhead does not cover the component's name.
 */
export function arrowPath(from: Box, to: Box): string {
  const c1 = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const c2 = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  const control = { x: (c1.x + c2.x) / 2 - (c2.y - c1.y) * 0.2, y: (c1.y + c2.y) / 2 + (c2.x - c1.x) * 0.2 };
  const start = edgePoint(from, control);
  const end = edgePoint(to, control);
  const r = (n: number) => Math.round(n);
  return `M ${r(start.x)} ${r(start.y)} Q ${r(control.x)} ${r(control.y)} ${r(end.x)} ${r(end.y)}`;
}

export function JourneyHighlight({ record, index }: { record: JourneyRecord; index: number }) {
  const overlay = useRef<HTMLDivElement>(null);
  const [geo, setGeo] = useState<Geometry | undefined>();
  const hop = record.hops[index];
  const prev = index > 0 ? record.hops[index - 1] : undefined;
  const currentSel = hop ? placeSelector(hop.place, record.namespace, record.name) : undefined;
  const previousSel = hop && prev && !samePlace(prev.place, hop.place) ? placeSelector(prev.place, record.namespace, record.name) : undefined;

  useEffect(() => {
    let frame = 0;
    let marked: Element | null = null;
    let last: Geometry | undefined;
    const tick = () => {
      const stage = overlay.current?.parentElement;
      const canvasEl = stage?.querySelector('[data-testid="cluster-canvas"]');
      if (stage && canvasEl) {
        const origin = stage.getBoundingClientRect();
        const currentEl = currentSel ? stage.querySelector(currentSel) : null;
        if (currentEl !== marked) {
          marked?.removeAttribute(CURRENT_MARK);
          marked = currentEl;
        }
        if (marked && !marked.hasAttribute(CURRENT_MARK)) marked.setAttribute(CURRENT_MARK, '');
        const next: Geometry = {
          canvas: boxOf(canvasEl, origin)!,
          current: boxOf(currentEl, origin),
          previous: previousSel ? boxOf(stage.querySelector(previousSel), origin) : undefined,
        };
        if (!last || !sameBox(last.canvas, next.canvas) || !sameBox(last.current, next.current) || !sameBox(last.previous, next.previous)) {
          last = next;
          setGeo(next);
        }
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      marked?.removeAttribute(CURRENT_MARK);
    };
  }, [currentSel, previousSel]);

  const canvas = geo?.canvas;
  const shift = (b: Box): Box => ({ ...b, x: b.x - (canvas?.x ?? 0), y: b.y - (canvas?.y ?? 0) });
  const current = geo?.current && canvas ? shift(geo.current) : undefined;
  const previous = geo?.previous && canvas ? shift(geo.previous) : undefined;
  return (
    <div
      ref={overlay}
      className="journey-overlay"
      aria-hidden="true"
      style={canvas ? { left: canvas.x, top: canvas.y, width: canvas.w, height: canvas.h } : { display: 'none' }}
    >
      {canvas ? (
        <svg className="journey-arrow-layer" width={canvas.w} height={canvas.h}>
          <defs>
            <marker id="journey-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="journey-arrowhead" />
            </marker>
          </defs>
          {current && previous ? <path key={`${index}`} className="journey-arrow" d={arrowPath(previous, current)} markerEnd="url(#journey-arrowhead)" /> : null}
        </svg>
      ) : null}
      {current ? <div key={`ring-${index}`} className="journey-ring" style={{ left: current.x - 6, top: current.y - 6, width: current.w + 12, height: current.h + 12 }} /> : null}
    </div>
  );
}
