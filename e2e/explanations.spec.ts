import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/**
 * A student asks the cluster what its parts are: clicking a component explains what it is and what it is
 * doing now; a Pending pod says why; a healthy node's conditions read healthy; the Deployment has its own
 * menu; side panels share the screen with the canvas without covering it.
 */

const inspectorOf = (page: Page) => page.locator('aside.inspector');

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
}

test('components explain what they are and what they are doing now (English)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  const inspector = inspectorOf(page);

  await page.getByRole('button', { name: /^kube-scheduler/ }).click();
  await expect(inspector.getByRole('heading', { name: 'kube-scheduler' })).toBeVisible();
  await expect(inspector.getByText('Picks a node for each new pod')).toBeVisible();
  await expect(inspector.getByText(/Idle: every pod has a node/)).toBeVisible();
  await screenshot(page, 'explain-1-scheduler-1280');

  await page.getByRole('button', { name: /^etcd/ }).click();
  await expect(inspector.getByText('3 of 3 members running.')).toBeVisible();
  await expect(inspector.getByText(/Writes succeed: 2 of 3 members must agree/)).toBeVisible();

  await page.getByRole('button', { name: 'replicaset-controller: running' }).click();
  await expect(inspector.getByText(/Keeps the number of pods of each ReplicaSet/)).toBeVisible();
  await expect(inspector.getByText(/exactly the \d+ wanted/)).toBeVisible();

  const worker1 = page.getByRole('region', { name: 'Node worker-1' });
  await worker1.getByRole('button', { name: /^kubelet/ }).click();
  await expect(inspector.getByText(/The agent on worker-1/)).toBeVisible();
  await expect(inspector.getByText(/Last heartbeat \d+ s ago; the node reports Ready=True/)).toBeVisible();
  await worker1.getByRole('button', { name: /^container runtime/ }).click();
  await expect(inspector.getByText(/containers running from \d+ images/)).toBeVisible();

  // A healthy node: MemoryPressure False is good news, drawn as such.
  await worker1.getByRole('button', { name: /^Node worker-1/ }).click();
  const memory = inspector.getByRole('row', { name: /MemoryPressure/ }).getByRole('cell').nth(1);
  await expect(memory).toHaveAttribute('data-health', 'good');
  await expect(inspector.getByRole('row', { name: /^Ready/ }).getByRole('cell').nth(1)).toHaveAttribute('data-health', 'good');
  // The kubelet's own state machine, live.
  await expect(inspector.getByTestId('statechart-kubelet')).toHaveAttribute('data-current', 'running');
  await expect(inspector.getByTestId('statechart-kubelet')).toContainText('POWER_OFF → poweredOff: the machine is powered off');
  await screenshot(page, 'explain-2-node-conditions-1280');

  // A pod's container: its machine in the kubelet, the current state and what can happen next.
  await runningPods(page).first().click();
  const chart = inspector.getByTestId('statechart-container');
  await expect(chart).toHaveAttribute('data-current', 'running');
  await expect(chart).toContainText('EXITED → terminated: the process exits');
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'explain-7-container-statechart-1280');
});

test('a Pending pod says why: the scheduler is stopped (Korean), and the Deployment menu scales it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ })).toHaveCount(3, { timeout: 45_000 });

  // Stop the scheduler from its right-click menu.
  await page.getByRole('button', { name: /^kube-scheduler/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /kube-scheduler/ }).first().click();
  await expect(page.locator('[data-target="cp:kube-scheduler"]')).toHaveClass(/is-stopped/);
  await page.getByRole('button', { name: /^kube-scheduler/ }).click();
  await expect(inspectorOf(page).getByText(/중지됨/).first()).toBeVisible();

  // Scale up from the Deployment's own menu: the new pod stays Pending.
  await page.getByRole('region', { name: 'Deployment web' }).getByRole('button', { name: 'Deployment 작업: web' }).click();
  const menu = page.getByRole('menu', { name: 'Deployment 작업: web' });
  await expect(menu).toBeVisible();
  await screenshot(page, 'explain-3-deployment-menu-ko');
  await menu.getByRole('menuitem', { name: '늘리기 (+1)' }).click();
  await expect(page.getByTestId('menu-result')).toContainText('kubectl scale deployment/web --replicas=4');
  const pending = page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Pending$/ });
  await expect(pending).toHaveCount(1);
  const reason = inspectorOf(page).getByTestId('pending-reason');
  await expect(async () => {
    await pending.click();
    await expect(reason).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(reason).toContainText('Pending인 이유');
  await expect(reason).toContainText('kube-scheduler가 중지되어');
  await screenshot(page, 'explain-4-pending-reason-ko');

  // Start it again: the pod is placed, the reason goes away.
  await page.getByRole('button', { name: /^kube-scheduler/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /kube-scheduler/ }).first().click();
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ })).toHaveCount(4, { timeout: 20_000 });
});

test('a pod no node fits says which nodes lacked what (English)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.evaluate(() =>
    window.kubePlayground!.apply(`apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "64"
`),
  );
  const reason = inspectorOf(page).getByTestId('pending-reason');
  // The card appears as its box is laid out: click again if the first click met a box still moving.
  await expect(async () => {
    await page.getByRole('button', { name: /^Pod huge: Pending$/ }).click();
    await expect(reason).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(reason).toContainText('No node fits: 0 of 4 nodes passed');
  await expect(reason).toContainText(/3 nodes lack resources: Insufficient cpu/);
  await expect(reason).toContainText(/1 node has a taint the pod does not tolerate \(control-plane\)/);
  await screenshot(page, 'explain-5-no-node-fits-1280');
});

test('side panels never overlap each other or hide the canvas at 1024x640', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Console' }).click();
  await page.getByRole('button', { name: 'Failures' }).click();
  await runningPods(page).first().click();
  const canvas = page.getByTestId('cluster-canvas');
  const panels = [page.locator('aside.workbench'), page.getByTestId('failure-panel'), inspectorOf(page)];
  const boxes = [await box(canvas), ...(await Promise.all(panels.map(box)))];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `panels ${i} and ${j} overlap`).toBe(false);
  }
  expect(boxes[0]!.width).toBeGreaterThanOrEqual(300);
  for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(1024 + 1);
  await screenshot(page, 'explain-6-panels-1024');
});
