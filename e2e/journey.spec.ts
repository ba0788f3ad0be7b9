/**
 * A Korean student in the architecture lesson follows one manifest through the cluster: the replay
 * lights each component in turn (kubectl → kube-apiserver → etcd → controllers → scheduler → kubelet →
 * runtime → the pod → EndpointSlice → kube-proxy → the Service), each caption showing what that
 * component wrote in the live cluster, and watching it to the end turns the lesson's check green.
 * Then the same replay in English and in presenter mode, for the screenshots a back row must read.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const lessonDock = (page: Page) => page.getByRole('complementary', { name: '강의' });
const player = (page: Page, name = '매니페스트의 여정') => page.getByRole('region', { name });
const caption = (page: Page) => page.getByTestId('journey-caption');
/** The element the replay lights up (it carries the canvas's own target id, or is a React Flow box). */
const lit = (page: Page) => page.locator('[data-journey-current]');

async function field(page: Page, path: string): Promise<string> {
  const row = caption(page).locator('.journey-field').filter({ has: page.locator('dt', { hasText: new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}$`) }) });
  return (await row.locator('dd').textContent()) ?? '';
}

async function expectLit(page: Page, attr: 'data-target' | 'data-id', value: string | RegExp): Promise<void> {
  await expect(lit(page)).toHaveCount(1);
  await expect(lit(page)).toHaveAttribute(attr, value);
}

async function waitForWholeJourney(hops: Locator): Promise<void> {
  await expect(hops).toHaveCount(13, { timeout: 45_000 });
}

test('여정 따라가기: every hop lit in turn with what it wrote, to the request that reaches the pod', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await page.getByRole('banner').getByRole('button', { name: '강의', exact: true }).click();
  await lessonDock(page).getByRole('link', { name: /클러스터의 구성 요소/ }).click();
  const next = lessonDock(page).getByRole('button', { name: '다음', exact: true });
  await next.click();
  await next.click();
  const check = lessonDock(page).getByTestId('lesson-check');
  await expect(check).toHaveAttribute('data-check-state', 'pending');
  await expect(next).toBeDisabled();

  await lessonDock(page).getByRole('button', { name: '매니페스트의 여정 따라가기' }).click();
  const journey = player(page);
  await expect(journey).toBeVisible();
  await expect(journey).toBeFocused();
  // The student takes it at their own pace: pause the autoplay, wait for the cluster to finish, start at hop 1.
  await journey.getByRole('button', { name: '여정 일시정지' }).click();
  const hops = journey.getByRole('list', { name: '단계' }).getByRole('button');
  await waitForWholeJourney(hops);
  await hops.first().click();
  await journey.focus();

  const stepTo = async (n: number) => {
    await page.keyboard.press('ArrowRight');
    await expect(journey).toContainText(`13단계 중 ${n}단계`);
  };

  // 1. kubectl sends the Deployment: its box on the canvas is lit.
  await expect(journey).toContainText('13단계 중 1단계');
  await expect(caption(page)).toHaveAttribute('data-stage', 'applied');
  await expect(caption(page)).toContainText('kubectl (나)');
  expect(await field(page, 'spec.template.spec.containers[0].image')).toBe('nginx:1.27-alpine');
  await expectLit(page, 'data-id', 'deployment:default/journey');
  await expect(caption(page)).toContainText('작성자 kubectl-client-side-apply');

  // 2. kube-apiserver: admission filled in the defaults the manifest left out.
  await stepTo(2);
  await expect(caption(page)).toHaveAttribute('data-stage', 'admitted');
  await expectLit(page, 'data-target', 'cp:kube-apiserver');
  expect(await field(page, 'spec.strategy.type')).toBe('RollingUpdate');
  expect(await field(page, 'spec.revisionHistoryLimit')).toBe('10');

  // 3. etcd: the stored object and its resourceVersion (the sentence quotes the same number).
  await stepTo(3);
  await expectLit(page, 'data-target', 'cp:etcd');
  const storedRv = Number(await field(page, 'metadata.resourceVersion'));
  expect(storedRv).toBeGreaterThan(0);
  await expect(caption(page)).toContainText(`이번 값은 ${storedRv}입니다`);
  expect(await field(page, 'key')).toBe('/registry/deployments/default/journey');
  expect(await field(page, 'Service/journey spec.clusterIP')).toMatch(/^10\.\d+\.\d+\.\d+$/);
  const clusterIP = await field(page, 'Service/journey spec.clusterIP');

  // 4–5. The controllers: a ReplicaSet, then a Pod with no node yet.
  await stepTo(4);
  await expectLit(page, 'data-target', 'ctrl:deployment');
  await expect(caption(page)).toContainText('작성자 deployment-controller');
  expect(await field(page, 'metadata.name')).toMatch(/^journey-[a-z0-9]+$/);
  await stepTo(5);
  await expectLit(page, 'data-target', 'ctrl:replicaset');
  const podName = await field(page, 'metadata.name');
  expect(podName).toMatch(/^journey-[a-z0-9]+-[a-z0-9]{5}$/);
  expect(await field(page, 'spec.nodeName')).toBe('—');

  // 6. The scheduler filters, scores, and binds: spec.nodeName.
  await stepTo(6);
  await expectLit(page, 'data-target', 'cp:kube-scheduler');
  await expect(caption(page)).toContainText('작성자 default-scheduler');
  const node = await field(page, 'spec.nodeName');
  expect(node).toMatch(/^worker-\d$/);
  expect(await field(page, 'filter')).toBe('3/4');
  await expect(caption(page)).toContainText(`Pod를 ${node}에 배정합니다`);
  await screenshot(page, 'journey-ko-scheduler-1280');

  // 7. The kubelet of that node sees the pod bound to it.
  await stepTo(7);
  await expectLit(page, 'data-target', `node:${node}:kubelet`);
  await expect(page.getByRole('region', { name: `Node ${node}` }).locator('[data-journey-current]')).toHaveCount(1);
  await expect(caption(page)).toContainText(`작성자 kubelet/${node}`);
  expect(await field(page, 'status.containerStatuses[0].state')).toBe('waiting (ContainerCreating)');

  // 8. The container runtime pulls the image.
  await stepTo(8);
  await expectLit(page, 'data-target', `node:${node}:runtime`);
  expect(await field(page, 'image')).toBe('nginx:1.27-alpine');
  expect(await field(page, 'pulled in')).toMatch(/^\d+\.\d s$/);

  // 9–10. Running with an IP, then Ready: the pod's own card is lit.
  await stepTo(9);
  await expectLit(page, 'data-target', `pod:default/${podName}`);
  expect(await field(page, 'status.phase')).toBe('Running');
  const podIP = await field(page, 'status.podIP');
  expect(podIP).toMatch(/^10\.244\.\d+\.\d+$/);
  await expect(caption(page)).toContainText(`IP를 ${podIP}로 보고합니다`);
  const runningRv = Number(await field(page, 'metadata.resourceVersion'));
  expect(runningRv).toBeGreaterThan(storedRv);
  await stepTo(10);
  await expectLit(page, 'data-target', `pod:default/${podName}`);
  expect(await field(page, 'status.conditions[Ready]')).toBe('True');
  expect(Number(await field(page, 'metadata.resourceVersion'))).toBeGreaterThan(runningRv);

  // 11. The EndpointSlice controller adds the pod's IP.
  await stepTo(11);
  await expectLit(page, 'data-target', 'ctrl:endpointslice');
  expect(await field(page, 'endpoints[0].addresses')).toBe(`[${podIP}]`);

  // 12. kube-proxy programs the rule: ClusterIP → pod IP.
  await stepTo(12);
  await expectLit(page, 'data-target', `node:${node}:kube-proxy`);
  expect(await field(page, 'rule')).toBe(`${clusterIP}:80 → ${podIP}:80`);

  // 13. A request through the Service reaches the pod; nginx answers. Back and forth work too.
  await stepTo(13);
  await expectLit(page, 'data-id', 'service:default/journey');
  expect(await field(page, 'to')).toBe(`${podName} (${podIP}:80)`);
  expect(await field(page, 'HTTP')).toBe('200 · Welcome to nginx!');
  expect(await field(page, 'access log')).toContain('"GET / HTTP/1.1" 200');
  await expect(journey.getByRole('status')).toContainText('여정이 끝났습니다');
  await page.keyboard.press('ArrowLeft');
  await expect(journey).toContainText('13단계 중 12단계');
  await journey.getByRole('button', { name: '다음 단계' }).click();
  await expect(journey).toContainText('13단계 중 13단계');
  await screenshot(page, 'journey-ko-traffic-1280');

  // Watched to the end: the lesson's check is done, and Next goes on.
  await expect(check).toHaveAttribute('data-check-state', 'done');
  await expect(next).toBeEnabled();

  // Space in the player does not toggle the cluster's clock; Escape closes the player.
  const pauseClock = page.getByRole('group', { name: '시간 제어' }).getByRole('button', { name: '❚❚ 일시정지', exact: true });
  await expect(pauseClock).toBeVisible();
  await journey.focus();
  await page.keyboard.press(' ');
  await expect(pauseClock).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(journey).toBeHidden();
  await expect(lit(page)).toHaveCount(0);
});

test('in English and in presenter mode: large captions a room can read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'en');
  await page.goto('./#/lessons/cluster-architecture');
  const dock = page.getByRole('complementary', { name: 'Lesson' });
  const next = dock.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await next.click();
  await dock.getByRole('button', { name: "Follow a manifest's journey" }).click();
  const journey = player(page, "A manifest's journey");
  await expect(journey).toBeVisible();
  // Autoplay moves on by itself while the cluster records the hops.
  await expect(journey).toContainText('Hop 2 of', { timeout: 15_000 });
  await journey.getByRole('button', { name: 'Pause the journey' }).click();
  const hops = journey.getByRole('list', { name: 'Hops' }).getByRole('button');
  await waitForWholeJourney(hops);
  await hops.nth(5).click();
  await expect(caption(page)).toHaveAttribute('data-stage', 'scheduled');
  await expect(caption(page)).toContainText("The scheduler's watch sees a pod with no node");
  await expectLit(page, 'data-target', 'cp:kube-scheduler');
  await screenshot(page, 'journey-en-scheduler-1280');

  // The instructor closes the lesson and switches to presenter mode; a clicker's N steps the hops.
  await page.getByRole('button', { name: 'Close lessons' }).click();
  await page.getByRole('button', { name: 'Presenter' }).click();
  await page.keyboard.press('n');
  await expect(caption(page)).toHaveAttribute('data-stage', 'kubelet');
  await expectLit(page, 'data-target', /^node:worker-\d:kubelet$/);
  // Presenter mode: the caption's sentence is set large (at least 22 px).
  const size = await caption(page).locator('.journey-sentence').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(22);
  // The player never covers the canvas: the canvas starts below it.
  const band = await journey.boundingBox();
  const canvas = await page.getByTestId('cluster-canvas').boundingBox();
  expect(band!.y + band!.height).toBeLessThanOrEqual(canvas!.y + 1);
  expect(canvas!.height).toBeGreaterThanOrEqual(300);
  await screenshot(page, 'journey-presenter-kubelet-1280');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(caption(page)).toHaveAttribute('data-stage', 'running');
  await screenshot(page, 'journey-presenter-running-1280');
  // Closing the journey brings the demos back.
  await journey.getByRole('button', { name: 'Close the journey' }).click();
  await expect(page.getByRole('navigation', { name: 'Prepared demos' }).getByRole('button', { name: "Follow a manifest's journey" })).toBeVisible();
});

test('presenter mode (Korean): one click from the demos bar; the camera follows the hops, then gives the chosen zoom back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await page.getByRole('button', { name: '발표 모드' }).click();
  // The presenter mode's own re-fit ends first; then the presenter zooms in.
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: '확대', exact: true }).click();
  await page.waitForTimeout(400);
  const viewport = page.locator('.react-flow__viewport');
  const chosen = await viewport.getAttribute('style');

  await page.getByRole('navigation', { name: '준비된 데모' }).getByRole('button', { name: '매니페스트의 여정 따라가기' }).click();
  const journey = player(page);
  await journey.getByRole('button', { name: '여정 일시정지' }).click();
  await waitForWholeJourney(journey.getByRole('list', { name: '단계' }).getByRole('button'));
  // The clicker steps: hop 2 is kube-apiserver, and the view has moved to the control plane.
  await page.getByTestId('cluster-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(caption(page)).toHaveAttribute('data-stage', 'admitted');
  await expect(caption(page)).toContainText('매니페스트에 없는 값은 기본값으로 채우고');
  await page.waitForTimeout(600);
  expect(await viewport.getAttribute('style')).not.toBe(chosen);
  await screenshot(page, 'journey-presenter-ko-apiserver-1280');

  await journey.getByRole('button', { name: '여정 닫기' }).click();
  await expect(journey).toBeHidden();
  await expect(viewport).toHaveAttribute('style', chosen!);
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('the lit ring does not pulse and the arrow does not march', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPlayground(page, 'en');
    await page.goto('./#/lessons/cluster-architecture');
    const dock = page.getByRole('complementary', { name: 'Lesson' });
    await dock.getByRole('button', { name: 'Next', exact: true }).click();
    await dock.getByRole('button', { name: 'Next', exact: true }).click();
    await dock.getByRole('button', { name: "Follow a manifest's journey" }).click();
    const journey = player(page, "A manifest's journey");
    await journey.getByRole('button', { name: 'Pause the journey' }).click();
    await waitForWholeJourney(journey.getByRole('list', { name: 'Hops' }).getByRole('button'));
    await journey.getByRole('button', { name: 'Next hop' }).click();
    const ring = page.locator('.journey-ring');
    await expect(ring).toBeVisible();
    expect(await ring.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await page.locator('.journey-arrow').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  });
});
