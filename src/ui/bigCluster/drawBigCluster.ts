/**
 * Draws the big-cluster view on a 2D canvas: only what is in sight (culled by the layout's grid), at a
 * level of detail chosen by how large a machine tile is on screen:
 *   - overview: a tile per machine, tinted by its state, with a bar of its pods' states;
 *   - machines: the tile with its name and one glyph per pod (a shape per state, as the pod cards have);
 *   - cards: tile backgrounds only, the DOM cards of the machines in sight lie on top.
 */
import type { PodTone } from '../canvas/podStatus';
import { TONES, machinePods, totalOf, type MachinePods, type MachineTile, type ZoneGroup } from './bigClusterModel';
import { TILE_H, TILE_W, tilesInRect, type BigLayout, type TilePlace } from './bigClusterLayout';
import { visibleWorld, type Viewport } from './viewport';

export type Detail = 'overview' | 'machines' | 'cards';

/** A tile narrower than this on screen is drawn as the overview. */
export const MACHINES_DETAIL_PX = 64;
/** From this tile width on screen, the machines in sight open as cards with their pods. */
export const CARDS_DETAIL_PX = 230;

export function detailAt(zoom: number): Detail {
  const w = TILE_W * zoom;
  return w >= CARDS_DETAIL_PX ? 'cards' : w >= MACHINES_DETAIL_PX ? 'machines' : 'overview';
}

/** The page's pod colours (styles.css, Okabe–Ito based), for the canvas. */
export const TONE_COLOR: Record<PodTone, string> = {
  ready: '#1f9d55',
  unready: '#e0a100',
  pending: '#8a94a6',
  failed: '#d93636',
  terminating: '#6b7280',
  succeeded: '#3f7f9f',
  unknown: '#9ca3af',
};

export interface DrawInput {
  layout: BigLayout;
  zones: readonly ZoneGroup[];
  machines: Map<string, MachineTile>;
  pods: Map<string, MachinePods>;
  view: Viewport;
  width: number;
  height: number;
  dpr: number;
  poweredOff: ReadonlySet<string>;
  partitioned: ReadonlySet<string>;
  selected: string | undefined;
  /** The words drawn on the tiles, in the page's language. */
  labels: TileLabels;
}

export interface TileLabels {
  ready: string;
  notReady: string;
  poweredOff: string;
  cutOff: string;
}

function tileFill(m: MachineTile | undefined, off: boolean): string {
  if (off) return '#4b5563';
  if (!m || m.ready !== 'True') return '#f8d7d7';
  if (m.controlPlane) return '#e7e2fb';
  return m.cordoned ? '#eceff3' : '#ffffff';
}

function tileStroke(m: MachineTile | undefined, off: boolean): string {
  if (off) return '#1f2937';
  if (!m || m.ready !== 'True') return '#c62828';
  return m.controlPlane ? '#6d5bd0' : '#9fb4d9';
}

/** The bar of pod states along a tile's bottom: widths proportional to the counts. */
function drawBar(ctx: CanvasRenderingContext2D, t: TilePlace, pods: MachinePods, y: number, h: number): void {
  const total = totalOf(pods.counts);
  if (total === 0) return;
  const inner = t.w - 32;
  let x = t.x + 16;
  for (const tone of TONES) {
    const n = pods.counts[tone];
    if (n === 0) continue;
    const w = (n / total) * inner;
    ctx.fillStyle = TONE_COLOR[tone];
    ctx.fillRect(x, y, w, h);
    x += w;
  }
}

const GLYPH_GAP = 6;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** One pod as a small shape: filled when Running and Ready, hollow while waiting, crossed when failed. */
function drawGlyph(ctx: CanvasRenderingContext2D, tone: PodTone, x: number, y: number, s: number): void {
  ctx.fillStyle = TONE_COLOR[tone];
  ctx.strokeStyle = TONE_COLOR[tone];
  switch (tone) {
    case 'ready':
    case 'succeeded':
      ctx.fillRect(x, y, s, s);
      return;
    case 'unready':
      ctx.fillRect(x, y + s / 2, s, s / 2);
      ctx.strokeRect(x + 1.5, y + 1.5, s - 3, s - 3);
      return;
    case 'pending':
    case 'unknown':
      ctx.strokeRect(x + 1.5, y + 1.5, s - 3, s - 3);
      return;
    case 'failed':
      ctx.fillRect(x, y, s, s);
      ctx.strokeStyle = '#ffffff';
      ctx.beginPath();
      ctx.moveTo(x + 6, y + 6);
      ctx.lineTo(x + s - 6, y + s - 6);
      ctx.moveTo(x + s - 6, y + 6);
      ctx.lineTo(x + 6, y + s - 6);
      ctx.stroke();
      return;
    case 'terminating':
      ctx.strokeRect(x + 1.5, y + 1.5, s - 3, s - 3);
      ctx.beginPath();
      ctx.moveTo(x + 3, y + s - 3);
      ctx.lineTo(x + s - 3, y + 3);
      ctx.stroke();
      return;
  }
}

/** Draws the frame; returns the tiles in sight (the card layer shows them when zoomed in). */
export function drawBigCluster(ctx: CanvasRenderingContext2D, input: DrawInput): TilePlace[] {
  const { layout, view, width, height, dpr } = input;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#f3f5f9';
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(dpr * view.zoom, 0, 0, dpr * view.zoom, dpr * view.tx, dpr * view.ty);
  const world = visibleWorld(view, width, height);
  const detail = detailAt(view.zoom);
  // Hairlines stay one screen pixel whatever the zoom.
  const hair = 1 / view.zoom;

  for (const z of layout.zones) {
    if (z.x > world.x + world.w || z.x + z.w < world.x) continue;
    ctx.fillStyle = '#e9edf4';
    ctx.fillRect(z.x, z.y, z.w, z.h);
    ctx.lineWidth = 2 * hair;
    ctx.strokeStyle = '#c3ccdb';
    ctx.strokeRect(z.x, z.y, z.w, z.h);
  }

  const tiles = tilesInRect(layout, world);
  ctx.lineWidth = detail === 'overview' ? hair : 2 * hair;
  for (const t of tiles) {
    const m = input.machines.get(t.machine);
    const off = input.poweredOff.has(t.machine);
    ctx.fillStyle = tileFill(m, off);
    ctx.fillRect(t.x, t.y, t.w, t.h);
    if (detail !== 'overview' || view.zoom * TILE_W > 12) {
      ctx.strokeStyle = tileStroke(m, off);
      ctx.strokeRect(t.x, t.y, t.w, t.h);
    }
  }

  if (detail === 'overview') {
    for (const t of tiles) drawBar(ctx, t, machinePods(input.pods, t.machine), t.y + TILE_H * 0.45, TILE_H * 0.4);
  } else if (detail === 'machines') {
    ctx.textBaseline = 'top';
    // Sizes in world units that stay readable on screen (about 13 px names, 7 px glyphs) at this zoom.
    const nameFont = clamp(13 / view.zoom, 30, 60);
    const stateFont = clamp(11 / view.zoom, 24, 48);
    const glyph = clamp(7 / view.zoom, 24, 40);
    const perRow = Math.max(1, Math.floor((TILE_W - 32 + GLYPH_GAP) / (glyph + GLYPH_GAP)));
    const glyphsTop = 14 + nameFont + 8 + stateFont + 16;
    for (const t of tiles) {
      const m = input.machines.get(t.machine);
      const pods = machinePods(input.pods, t.machine);
      const off = input.poweredOff.has(t.machine);
      ctx.fillStyle = off ? '#f9fafb' : '#141a24';
      ctx.font = `600 ${nameFont}px system-ui, sans-serif`;
      ctx.fillText(t.machine, t.x + 16, t.y + 14, t.w - 32);
      ctx.font = `${stateFont}px system-ui, sans-serif`;
      ctx.fillStyle = off ? '#f9fafb' : m?.ready === 'True' ? '#17803d' : '#c62828';
      const { labels } = input;
      const state = off ? labels.poweredOff : input.partitioned.has(t.machine) ? labels.cutOff : m?.ready === 'True' ? labels.ready : labels.notReady;
      ctx.fillText(`${state} · ${pods.tones.length}`, t.x + 16, t.y + 14 + nameFont + 8, t.w - 32);
      ctx.lineWidth = 3;
      pods.tones.forEach((tone, i) => {
        const gx = t.x + 16 + (i % perRow) * (glyph + GLYPH_GAP);
        const gy = t.y + glyphsTop + Math.floor(i / perRow) * (glyph + GLYPH_GAP);
        if (gy + glyph < t.y + t.h - 40) drawGlyph(ctx, tone, gx, gy, glyph);
      });
      drawBar(ctx, t, pods, t.y + t.h - 30, 14);
    }
  }

  const sel = input.selected ? layout.byMachine.get(input.selected) : undefined;
  if (sel) {
    ctx.lineWidth = Math.max(4, 3 * hair);
    ctx.strokeStyle = '#2f6fdb';
    ctx.strokeRect(sel.x - 8, sel.y - 8, sel.w + 16, sel.h + 16);
  }
  return tiles;
}
