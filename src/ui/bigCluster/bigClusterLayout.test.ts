import { describe, expect, it } from 'vitest';
import type { ZoneGroup } from './bigClusterModel';
import { TILE_H, TILE_W, computeBigLayout, tileAt, tilesInRect, zoneColumns } from './bigClusterLayout';
import { detailAt } from './drawBigCluster';
import { fitRect, fitWidth, visibleWorld, zoomAt } from './viewport';

function zones(sizes: number[]): ZoneGroup[] {
  let n = 0;
  return sizes.map((size, z) => ({
    name: `zone-${z}`,
    machines: Array.from({ length: size }, () => ({ name: `node-${String(++n).padStart(4, '0')}`, zone: `zone-${z}`, controlPlane: false, ready: 'True' as const, cordoned: false })),
  }));
}

describe('big-cluster layout', () => {
  it.each([
    { name: 'four zones of 250 make a picture about 16:9 wide', sizes: [250, 250, 250, 250], minAspect: 1.5, maxAspect: 2.4 },
    { name: 'one zone of 1,000 too', sizes: [1000], minAspect: 1.3, maxAspect: 2.4 },
  ])('$name', ({ sizes, minAspect, maxAspect }) => {
    const layout = computeBigLayout(zones(sizes));
    const aspect = layout.world.w / layout.world.h;
    expect(aspect).toBeGreaterThan(minAspect);
    expect(aspect).toBeLessThan(maxAspect);
    expect(layout.tiles).toHaveLength(sizes.reduce((a, b) => a + b, 0));
  });

  it('a zone has at least one column', () => expect(zoneColumns(1, 8)).toBe(1));

  it('culls: a view over one tile finds that tile and its neighbours only, not the thousand', () => {
    const z = zones([250, 250, 250, 250]);
    const layout = computeBigLayout(z);
    const t = layout.byMachine.get('node-0300')!;
    const seen = tilesInRect(layout, { x: t.x + 10, y: t.y + 10, w: TILE_W, h: TILE_H });
    expect(seen.map((s) => s.machine)).toContain('node-0300');
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(tilesInRect(layout, layout.world)).toHaveLength(1000);
  });

  it('finds the tile under a point, and nothing in the gaps', () => {
    const layout = computeBigLayout(zones([10, 10]));
    const t = layout.byMachine.get('node-0013')!;
    expect(tileAt(layout, t.x + 5, t.y + 5)?.machine).toBe('node-0013');
    expect(tileAt(layout, t.x - 5, t.y - 5)).toBeUndefined();
  });
});

describe('big-cluster viewport and detail', () => {
  it('fits the world in the screen, centred', () => {
    const v = fitRect({ x: 0, y: 0, w: 1000, h: 500 }, 1200, 600, 0);
    expect(v.zoom).toBeCloseTo(1.2);
    const seen = visibleWorld(v, 1200, 600);
    expect(seen.x).toBeCloseTo(0);
    expect(seen.y).toBeCloseTo(-0);
  });

  it('a zone opened fills the width, its top under the headings', () => {
    const v = fitWidth({ x: 1000, y: 0, w: 500, h: 4000 }, 1200, { top: 70, right: 100, bottom: 0, left: 100 });
    expect(v.zoom).toBeCloseTo(2);
    expect(v.ty).toBe(70);
    expect(1000 * v.zoom + v.tx).toBeCloseTo(100);
  });

  it('zooming keeps the point under the cursor in place', () => {
    const v = zoomAt({ tx: 10, ty: 20, zoom: 0.5 }, 2, 300, 200, 0.01);
    const before = { x: (300 - 10) / 0.5, y: (200 - 20) / 0.5 };
    expect((300 - v.tx) / v.zoom).toBeCloseTo(before.x);
    expect((200 - v.ty) / v.zoom).toBeCloseTo(before.y);
  });

  it.each([
    { name: 'a whole 1,000-node cluster on a laptop screen is the overview', zoom: 0.06, want: 'overview' },
    { name: 'one zone filling the screen shows the machines with pod glyphs', zoom: 0.3, want: 'machines' },
    { name: 'a few machines in sight open as cards', zoom: 0.9, want: 'cards' },
  ])('$name', ({ zoom, want }) => expect(detailAt(zoom)).toBe(want));
});
