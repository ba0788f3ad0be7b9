/**
 * Computed layout of the cluster diagram, shaped for a wide screen: the control plane in the left
 * column with the workloads that ask for pods (Deployments, the scheduling queue) under it; worker
 * nodes in a grid to its right; Services in a row under the workers, so their edges reach up to the
 * pods at the bottom of each node instead of crossing the boxes. Sizes are estimates from content
 * counts, so a node that gains pods pushes the rows below it down.
 */

export interface LayoutInput {
  controlPlane: { name: string | undefined; pods: number; controllers: number };
  workers: { name: string; pods: number }[];
  deployments: string[];
  /** Deployments an HPA scales: their box shows one more line. */
  autoscaled?: string[];
  services: string[];
  pendingPods: number;
}

export interface Box {
  id: string;
  type: 'controlPlane' | 'worker' | 'service' | 'deployment' | 'pending';
  /** Object name (node, `ns/name` of a Service or Deployment); empty for the control plane and queue. */
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const GAP = 48;
export const CONTROL_PLANE_WIDTH = 360;
export const WORKER_WIDTH = 320;
// Two pods a row: cards wide enough for a name at a size the back of a room can read.
export const PODS_PER_ROW = 2;
export const POD_ROW_HEIGHT = 62;
export const SIDE_WIDTH = 240;
export const SERVICE_HEIGHT = 96;
export const DEPLOYMENT_HEIGHT = 112;
const HPA_BADGE_HEIGHT = 30;
export const MAX_WORKER_COLUMNS = 4;

/**
 * The scheduling queue's box draws at most this many pod cards (8 rows), then a "+N more" line: at
 * thousands of Pending pods it stays shorter than the screen and cheap to draw.
 */
export const MAX_PENDING_CARDS = 24;
const MORE_LINE_HEIGHT = 28;

export function pendingBoxHeight(pendingPods: number): number {
  return 52 + podRows(Math.min(pendingPods, MAX_PENDING_CARDS)) * POD_ROW_HEIGHT + (pendingPods > MAX_PENDING_CARDS ? MORE_LINE_HEIGHT : 0);
}

export function podRows(pods: number): number {
  return Math.max(1, Math.ceil(pods / PODS_PER_ROW));
}

export function controlPlaneHeight(controllers: number, pods: number): number {
  const controllerRows = Math.ceil(controllers / 2);
  return 44 + 4 * 30 + 12 + (controllers ? 24 + controllerRows * 22 : 0) + (pods ? 16 + podRows(pods) * POD_ROW_HEIGHT : 0);
}

export function workerHeight(pods: number): number {
  return 44 + 3 * 30 + 12 + 16 + podRows(pods) * POD_ROW_HEIGHT;
}

/** Columns of the worker grid: one row up to MAX_WORKER_COLUMNS, then a near-square grid. */
export function workerColumns(count: number): number {
  if (count <= MAX_WORKER_COLUMNS) return Math.max(1, count);
  return Math.min(Math.ceil(Math.sqrt(count)), 10);
}

export function computeLayout(input: LayoutInput): Box[] {
  const boxes: Box[] = [];
  const cpHeight = controlPlaneHeight(input.controlPlane.controllers, input.controlPlane.pods);
  boxes.push({ id: 'control-plane', type: 'controlPlane', name: input.controlPlane.name ?? '', x: 0, y: 0, width: CONTROL_PLANE_WIDTH, height: cpHeight });

  // Left column under the control plane: what asks for pods, and pods still waiting for a node.
  let leftY = cpHeight + GAP;
  const autoscaled = new Set(input.autoscaled ?? []);
  for (const d of input.deployments) {
    const height = DEPLOYMENT_HEIGHT + (autoscaled.has(d) ? HPA_BADGE_HEIGHT : 0);
    boxes.push({ id: `deployment:${d}`, type: 'deployment', name: d, x: 0, y: leftY, width: CONTROL_PLANE_WIDTH, height });
    leftY += height + GAP / 2;
  }
  if (input.pendingPods > 0) {
    const height = pendingBoxHeight(input.pendingPods);
    boxes.push({ id: 'pending', type: 'pending', name: '', x: 0, y: leftY, width: CONTROL_PLANE_WIDTH, height });
  }

  const left = CONTROL_PLANE_WIDTH + GAP * 2;
  const columns = workerColumns(input.workers.length);
  let rowY = 0;
  for (let start = 0; start < input.workers.length; start += columns) {
    const row = input.workers.slice(start, start + columns);
    let rowHeight = 0;
    row.forEach((w, i) => {
      const height = workerHeight(w.pods);
      boxes.push({ id: `node:${w.name}`, type: 'worker', name: w.name, x: left + i * (WORKER_WIDTH + GAP), y: rowY, width: WORKER_WIDTH, height });
      rowHeight = Math.max(rowHeight, height);
    });
    rowY += rowHeight + GAP;
  }

  const servicesY = Math.max(rowY, 0) + GAP;
  const perRow = Math.max(1, Math.floor((columns * (WORKER_WIDTH + GAP)) / (SIDE_WIDTH + GAP)));
  input.services.forEach((s, i) => {
    const x = left + (i % perRow) * (SIDE_WIDTH + GAP);
    const y = servicesY + Math.floor(i / perRow) * (SERVICE_HEIGHT + GAP / 2);
    boxes.push({ id: `service:${s}`, type: 'service', name: s, x, y, width: SIDE_WIDTH, height: SERVICE_HEIGHT });
  });
  return boxes;
}
