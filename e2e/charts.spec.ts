import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

// The size of a classroom projector: the charts must read at 1280×720.
test.use({ viewport: { width: 1280, height: 720 } });

const CORPUS = 'conformance/examples/application/';
const WALKTHROUGH = `${readFileSync(`${CORPUS}php-apache.yaml`, 'utf8')}---\n${readFileSync(`${CORPUS}hpa/php-apache.yaml`, 'utf8')}`;
const LOAD_GENERATOR = 'kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"';

async function kubectl(page: Page, line: string, expected: string | RegExp): Promise<void> {
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  if (!(await consolePanel.isVisible())) await page.getByRole('button', { name: 'Console', exact: true }).click();
  const prompt = consolePanel.getByLabel('kubectl command');
  await prompt.pressSequentially(line);
  await prompt.press('Enter');
  await expect(consolePanel.getByTestId('console-output')).toContainText(expected);
}

/** A number a chart publishes about one of its series (its `latest`, `min` or `max` value), in the unit it shows. */
async function chartValue(chart: Locator, which: 'latest' | 'min' | 'max', field: string): Promise<number> {
  return Number(await chart.getAttribute(`data-${which}-${field.toLowerCase()}`));
}

test('a student scales a Deployment and watches its Ready line climb to the new count', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await kubectl(page, 'kubectl scale deployment web --replicas=7', 'deployment.apps/web scaled');

  await page.getByRole('region', { name: 'Deployment web' }).getByRole('button', { name: 'Deployment web', exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const charts = inspector.getByRole('region', { name: 'Charts' });
  await expect(charts.getByRole('heading', { name: 'Charts' })).toBeVisible();
  // The chart's accessible summary says where the lines are now; the desired line moved first, Ready followed.
  const replicas = charts.getByRole('img', { name: /^Replicas over the last [\d:]+\. Now: Ready 7 pods, Desired 7 pods, Available 7 pods, Up-to-date 7 pods\.$/ });
  await expect(replicas).toBeVisible({ timeout: 30_000 });
  expect(await chartValue(replicas, 'min', 'ready')).toBeLessThanOrEqual(3);
  expect(await chartValue(replicas, 'latest', 'ready')).toBe(7);
  await expect(replicas.locator('canvas')).toBeVisible();
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-deployment-en');

  // Presenter mode draws the same chart larger for the back of the room.
  const before = (await replicas.locator('canvas').boundingBox())!.height;
  await page.getByRole('button', { name: 'Presenter', exact: true }).click();
  await expect.poll(async () => (await replicas.locator('canvas').boundingBox())?.height ?? 0).toBeGreaterThan(before);
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-deployment-presenter');
});

/** Six pods that each ask for a fifth of a core and 128 MiB: enough to land some on every worker. */
const PACKER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: packer
spec:
  replicas: 6
  selector:
    matchLabels: { app: packer }
  template:
    metadata:
      labels: { app: packer }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests: { cpu: 200m, memory: 128Mi }
`;

test('a node shows its bin packing: requests against allocatable, now and over time', async ({ page }) => {
  await page.addInitScript((saved) => {
    if (!localStorage.getItem('kube-playground.editor-files')) localStorage.setItem('kube-playground.editor-files', saved);
  }, JSON.stringify({ files: [{ name: 'packer.yaml', text: PACKER }], active: 'packer.yaml' }));
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.getByRole('region', { name: 'Node worker-1' }).getByRole('button', { name: /^Node worker-1/ }).click();
  const charts = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Charts' });
  const cpuMeter = charts.getByRole('meter', { name: 'CPU' });
  await expect(cpuMeter).toBeVisible({ timeout: 20_000 });
  await expect(cpuMeter).toHaveAttribute('aria-valuetext', /^[\d.]+ cores of [\d.]+ cores \(\d+%\)$/);
  const cpu = charts.getByRole('img', { name: /^CPU requested against allocatable over the last [\d:]+\. Now: Requested [\d.]+ cores, Allocatable [\d.]+ cores\.$/ });
  await expect(cpu).toBeVisible();
  const before = await chartValue(cpu, 'latest', 'cpuRequestedMilli');
  expect(await chartValue(cpu, 'latest', 'cpuAllocatableMilli')).toBeGreaterThan(before);

  // Pods with requests land on the workers: the requested line on this node goes up, allocatable stays.
  await kubectl(page, 'kubectl apply -f packer.yaml', 'deployment.apps/packer created');
  await expect.poll(() => chartValue(cpu, 'latest', 'cpuRequestedMilli'), { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(charts.getByRole('img', { name: /^Memory requested against allocatable/ })).toBeVisible();
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-node-en');
});

test('the HPA walkthrough: CPU climbs past its target, replicas follow, the Service counts the load', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript((saved) => {
    if (!localStorage.getItem('kube-playground.editor-files')) localStorage.setItem('kube-playground.editor-files', saved);
  }, JSON.stringify({ files: [{ name: 'php-apache.yaml', text: WALKTHROUGH }], active: 'php-apache.yaml' }));
  await openPlayground(page);
  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('20');
  await kubectl(page, 'kubectl apply -f php-apache.yaml', 'horizontalpodautoscaler.autoscaling/php-apache created');
  const deployment = page.getByRole('region', { name: 'Deployment php-apache' });
  await expect(deployment.getByRole('button', { name: /HPA cpu: \d+%\/50%/ })).toBeVisible({ timeout: 30_000 });
  await kubectl(page, LOAD_GENERATOR, 'pod/load-generator created');

  await deployment.getByRole('button', { name: /HPA/ }).click();
  const charts = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Charts' });
  const cpu = charts.getByRole('img', { name: /^CPU utilisation against the target over the last [\d:]+\. Now: CPU now .+, Target 50%\.$/ });
  await expect(cpu).toBeVisible({ timeout: 30_000 });
  // The walkthrough's curve: a peak well above the target, then the added pods bring it back near 50%.
  await expect.poll(() => chartValue(cpu, 'max', 'cpuPercent'), { timeout: 45_000 }).toBeGreaterThan(100);
  const replicas = charts.getByRole('img', { name: /^Replicas the autoscaler sets/ });
  await expect.poll(() => chartValue(replicas, 'latest', 'replicas'), { timeout: 45_000 }).toBeGreaterThanOrEqual(4);
  expect(await chartValue(replicas, 'min', 'replicas')).toBe(1);
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-hpa-en');

  // The Service in front of php-apache: the load generator's requests per second, no errors.
  await page.getByRole('region', { name: 'Service php-apache' }).getByRole('button').first().click();
  const traffic = charts.getByRole('img', { name: /^Requests and errors over the last [\d:]+\. Now: Requests \d+ req\/s, Errors 0 req\/s\.$/ });
  await expect(traffic).toBeVisible({ timeout: 30_000 });
  expect(await chartValue(traffic, 'latest', 'requestsPerSecond')).toBeGreaterThan(10);
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-service-en');
});

test('in Korean: the same charts with Korean titles, axes and summaries', async ({ page }) => {
  await openPlayground(page, 'ko');
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.getByRole('region', { name: 'Deployment web' }).getByRole('button').first().click();
  const charts = page.getByRole('region', { name: '차트' });
  await expect(charts.getByRole('img', { name: /^최근 [\d:]+ 동안의 레플리카 수\. 지금: Ready 3개, 원하는 수 3개, Available 3개, 최신 버전 3개\.$/ })).toBeVisible({ timeout: 20_000 });
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-deployment-ko');

  await page.getByRole('region', { name: 'Node worker-2' }).getByRole('button', { name: /^Node worker-2/ }).click();
  await expect(charts.getByRole('meter', { name: '메모리' })).toHaveAttribute('aria-valuetext', /GiB 중 [\d.]+ GiB \(\d+%\)$/);
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-node-ko');
});

test('scrubbing the timeline back: the charts end at the moment on screen', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await kubectl(page, 'kubectl scale deployment web --replicas=7', 'deployment.apps/web scaled');
  await page.getByRole('region', { name: 'Deployment web' }).getByRole('button', { name: 'Deployment web', exact: true }).click();
  const charts = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Charts' });
  const replicas = charts.getByRole('img', { name: /^Replicas over the last/ });
  await expect.poll(() => chartValue(replicas, 'latest', 'ready'), { timeout: 30_000 }).toBe(7);

  // Back to the moment of the scale: the Ready line ends where it was then, and the section says so.
  await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Previous event' }).click();
  await expect(charts.getByText(/^The timeline shows the past: the charts end at \d+:\d\d:\d\d\.$/)).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => chartValue(replicas, 'latest', 'ready'), { timeout: 20_000 }).toBe(3);
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'charts-timeline-past');
});
