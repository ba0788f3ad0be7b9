/**
 * Whether the canvas may re-fit itself. It re-fits when a panel opens or the cluster's shape changes,
 * unless the viewer has zoomed or panned since the last automatic fit: an instructor who zoomed in on a
 * node keeps that view while panels open and faults land. The fit-view button hands control back.
 */
export interface ViewportLike {
  x: number;
  y: number;
  zoom: number;
}

/** Equal within rounding (React Flow's transitions end a fraction of a pixel off). */
export function sameViewport(a: ViewportLike, b: ViewportLike): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.005;
}

/** How long an automatic fit's animation may still be running (its duration plus a margin). */
export const FIT_IN_FLIGHT_MS = 400;

/**
 * `lastAutoFit`: the viewport our last automatic fit left (undefined: none yet, or the viewer asked for a fit).
 * `msSinceFitStarted`: time since the last automatic fit began. While its animation runs the viewport is
 * between two fits, not a viewer's choice: a panel that takes its width mid-animation still gets a re-fit.
 */
export function mayAutoFit(current: ViewportLike, lastAutoFit: ViewportLike | undefined, msSinceFitStarted = Infinity): boolean {
  return lastAutoFit === undefined || msSinceFitStarted < FIT_IN_FLIGHT_MS || sameViewport(current, lastAutoFit);
}
