/** The big view's pan and zoom: screen = world × zoom + (tx, ty), in CSS pixels. */
import type { Rect } from './bigClusterLayout';

export interface Viewport {
  tx: number;
  ty: number;
  zoom: number;
}

export const MAX_ZOOM = 2;

/** The world rectangle a screen of `width` × `height` shows. */
export function visibleWorld(v: Viewport, width: number, height: number): Rect {
  return { x: -v.tx / v.zoom, y: -v.ty / v.zoom, w: width / v.zoom, h: height / v.zoom };
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The viewport that shows `target` whole and centred in the screen less `pad` (pixels on every side, or
 * per side: room for the headings above and the totals panel to the right).
 */
export function fitRect(target: Rect, width: number, height: number, pad: number | Insets = 24, maxZoom = MAX_ZOOM): Viewport {
  const p = typeof pad === 'number' ? { top: pad, right: pad, bottom: pad, left: pad } : pad;
  const w = Math.max(1, width - p.left - p.right);
  const h = Math.max(1, height - p.top - p.bottom);
  const zoom = Math.min(maxZoom, Math.max(1e-4, Math.min(w / target.w, h / target.h)));
  return { zoom, tx: p.left + w / 2 - (target.x + target.w / 2) * zoom, ty: p.top + h / 2 - (target.y + target.h / 2) * zoom };
}

/** Zooms by `factor` keeping the world point under the screen point (sx, sy) where it is. */
export function zoomAt(v: Viewport, factor: number, sx: number, sy: number, minZoom: number, maxZoom = MAX_ZOOM): Viewport {
  const zoom = Math.min(maxZoom, Math.max(minZoom, v.zoom * factor));
  const wx = (sx - v.tx) / v.zoom;
  const wy = (sy - v.ty) / v.zoom;
  return { zoom, tx: sx - wx * zoom, ty: sy - wy * zoom };
}

export function toWorld(v: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - v.tx) / v.zoom, y: (sy - v.ty) / v.zoom };
}

/** The viewport where `target` fills the screen's width (less `pad`), its top at the top: a zone to read row by row. */
export function fitWidth(target: Rect, width: number, pad: Insets, maxZoom = MAX_ZOOM): Viewport {
  const w = Math.max(1, width - pad.left - pad.right);
  const zoom = Math.min(maxZoom, Math.max(1e-4, w / target.w));
  return { zoom, tx: pad.left + w / 2 - (target.x + target.w / 2) * zoom, ty: pad.top - target.y * zoom };
}
