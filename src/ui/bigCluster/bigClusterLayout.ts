/**
 * World coordinates of the big-cluster view: zones side by side in one row, each a grid of machine
 * tiles. Each tile is as large as the detailed card a machine shows when zoomed in, so the overview and
 * the close-up are the same picture at different scales. Pure: the renderer draws it, the pointer code
 * asks it what lies under the cursor, and both cull with `tilesInRect`.
 */
import type { ZoneGroup } from './bigClusterModel';

export const TILE_W = 320;
export const TILE_H = 380;
export const TILE_GAP = 24;
export const ZONE_PAD = 48;
/** Room above a zone's tiles for its heading. */
export const ZONE_HEAD = 160;
export const ZONE_GAP = 160;
/** The picture's intended shape: a projector's 16:9. */
const TARGET_ASPECT = 16 / 9;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TilePlace extends Rect {
  machine: string;
  zone: number;
  /** Index of the machine in its zone. */
  index: number;
}

export interface ZonePlace extends Rect {
  name: string;
  columns: number;
  /** The tiles' origin inside the zone. */
  tilesX: number;
  tilesY: number;
  /** Index in `BigLayout.tiles` of the zone's first tile. */
  firstTile: number;
  machines: number;
}

export interface BigLayout {
  zones: ZonePlace[];
  tiles: TilePlace[];
  byMachine: Map<string, TilePlace>;
  world: Rect;
}

/** Columns of a zone's grid so that zones in a row make a picture of about 16:9. */
export function zoneColumns(machines: number, zoneCount: number): number {
  const zoneAspect = TARGET_ASPECT / Math.max(1, zoneCount);
  const cellRatio = (TILE_H + TILE_GAP) / (TILE_W + TILE_GAP);
  return Math.max(1, Math.ceil(Math.sqrt(machines * zoneAspect * cellRatio)));
}

export function computeBigLayout(zones: readonly ZoneGroup[]): BigLayout {
  const largest = Math.max(1, ...zones.map((z) => z.machines.length));
  const columns = zoneColumns(largest, zones.length);
  const rows = Math.ceil(largest / columns);
  const zoneW = ZONE_PAD * 2 + columns * (TILE_W + TILE_GAP) - TILE_GAP;
  const zoneH = ZONE_HEAD + ZONE_PAD + rows * (TILE_H + TILE_GAP) - TILE_GAP;
  const out: BigLayout = { zones: [], tiles: [], byMachine: new Map(), world: { x: 0, y: 0, w: 0, h: zoneH } };
  zones.forEach((zone, zi) => {
    const x = zi * (zoneW + ZONE_GAP);
    const place: ZonePlace = { name: zone.name, x, y: 0, w: zoneW, h: zoneH, columns, tilesX: x + ZONE_PAD, tilesY: ZONE_HEAD, firstTile: out.tiles.length, machines: zone.machines.length };
    out.zones.push(place);
    zone.machines.forEach((m, i) => {
      const tile: TilePlace = {
        machine: m.name,
        zone: zi,
        index: i,
        x: place.tilesX + (i % columns) * (TILE_W + TILE_GAP),
        y: place.tilesY + Math.floor(i / columns) * (TILE_H + TILE_GAP),
        w: TILE_W,
        h: TILE_H,
      };
      out.tiles.push(tile);
      out.byMachine.set(m.name, tile);
    });
  });
  out.world.w = zones.length * (zoneW + ZONE_GAP) - ZONE_GAP;
  return out;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The tiles overlapping `view` (world coordinates), zone by zone and row by row: no scan of all tiles. */
export function tilesInRect(layout: BigLayout, view: Rect): TilePlace[] {
  const out: TilePlace[] = [];
  layout.zones.forEach((zone) => {
    if (!intersects(zone, view)) return;
    const count = zone.machines;
    const cellW = TILE_W + TILE_GAP;
    const cellH = TILE_H + TILE_GAP;
    const c0 = Math.max(0, Math.floor((view.x - zone.tilesX) / cellW));
    const c1 = Math.min(zone.columns - 1, Math.floor((view.x + view.w - zone.tilesX) / cellW));
    const r0 = Math.max(0, Math.floor((view.y - zone.tilesY) / cellH));
    const r1 = Math.floor((view.y + view.h - zone.tilesY) / cellH);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const i = r * zone.columns + c;
        if (i >= count) break;
        const tile = layout.tiles[zone.firstTile + i];
        if (tile && intersects(tile, view)) out.push(tile);
      }
    }
  });
  return out;
}

/** The machine tile under a world point, if any. */
export function tileAt(layout: BigLayout, x: number, y: number): TilePlace | undefined {
  return tilesInRect(layout, { x, y, w: 0.001, h: 0.001 })[0];
}

/** The zone under a world point, if any. */
export function zoneAt(layout: BigLayout, x: number, y: number): ZonePlace | undefined {
  return layout.zones.find((z) => x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h);
}
