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

/** The viewport that shows `target` whole and centred, with `pad` screen pixels around it. */
export function fitRect(target: Rect, width: number, height: number, pad = 24, maxZoom = MAX_ZOOM): Viewport {
  const zoom = Math.min(maxZoom, Math.max(1e-4, Math.min((width - pad * 2) / target.w, (height - pad * 2) / target.h)));
  return { zoom, tx: width / 2 - (target.x + target.w / 2) * zoom, ty: height / 2 - (target.y + target.h / 2) * zoom };
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
