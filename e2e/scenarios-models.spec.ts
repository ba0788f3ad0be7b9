/**
 * Three concept scenarios as a student plays them: images and layers, monolith vs microservices,
 * declarative vs scripted. Each is opened by its address, in English and in Korean; the student turns a
 * knob or presses an action and sees the numbers and the picture change; a bad value is refused with a
 * message while the diagram stays.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

async function openScenario(page: Page, id: string, language: 'en' | 'ko' = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    try {
      localStorage.setItem('kube-playground.language', lang);
    } catch {
      /* ignore */
    }
  }, language);
  await page.goto(`./#/scenarios/${id}`);
}

function metric(page: Page, id: string, lane = '') {
  return page.locator(`.metric-value[data-metric="${id}"][data-lane="${lane}"]`);
}

function canvas(page: Page) {
  return page.getByTestId('concept-canvas');
}

async function speed(page: Page, value: '1' | '50'): Promise<void> {
  await page.getByRole('combobox', { name: /^(Speed|속도)$/ }).selectOption(value);
}

test.describe('image-layers', () => {
  test('build, push and pull: a second image on the same base pulls only its own layers', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openScenario(page, 'image-layers');
    await expect(page.getByRole('heading', { name: 'Images and layers' })).toBeVisible();
    const controls = page.getByRole('region', { name: 'Scenario controls' });
    await expect(canvas(page).getByRole('region', { name: /^Step: FROM debian:12-slim/ })).toBeVisible();
    await speed(page, '50');
    await controls.getByRole('button', { name: 'Build' }).click();
    await expect(metric(page, 'imageTag')).toHaveText('shop:1.0');
    await expect(metric(page, 'layerCount')).toHaveText('5');
    await controls.getByRole('button', { name: 'Push to the registry' }).click();
    await expect(metric(page, 'pushedMb')).toBeVisible();
    await controls.getByRole('button', { name: 'Pull onto the node' }).click();
    await expect(metric(page, 'cachedLayers', 'node-1')).toHaveText('0');
    const firstPull = await metric(page, 'pullMs', 'node-1').textContent();
    await expect(canvas(page).getByRole('region', { name: /^Machine: node-1/ })).toBeVisible();
    await screenshot(page, 'scenario-image-layers-1440');

    // Another runtime on the same debian base: the base layer is already on node-1.
    await controls.getByLabel('Language runtime').selectOption({ label: 'Node.js' });
    await controls.getByRole('button', { name: 'Build' }).click();
    await expect(metric(page, 'imageTag')).toHaveText('shop:1.1');
    await controls.getByRole('button', { name: 'Push to the registry' }).click();
    await expect(page.getByText(/Pushed localhost:5000\/shop:1\.1/).first()).toBeVisible();
    await controls.getByRole('button', { name: 'Pull onto the node' }).click();
    await expect(metric(page, 'cachedLayers', 'node-1')).toHaveText('1');
    expect(await metric(page, 'pullMs', 'node-1').textContent()).not.toBe(firstPull);

    // Two containers share the layers; a write in one is invisible in the other.
    await controls.getByRole('button', { name: 'Run a container on the node' }).click();
    await controls.getByRole('button', { name: 'Run a container on the node' }).click();
    await controls.getByRole('button', { name: 'Write a file (first container)' }).click();
    await expect(canvas(page).getByRole('region', { name: /^Container: c1/ })).toContainText('mode=debug-c1');
    await expect(canvas(page).getByRole('region', { name: /^Container: c2/ })).toContainText('mode=production');
    await screenshot(page, 'scenario-image-layers-cow-1440');
  });

  test('in Korean at 1280x720: the same image everywhere, and bad sizes refused', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openScenario(page, 'image-layers', 'ko');
    await expect(page.getByRole('heading', { name: '이미지와 레이어' })).toBeVisible();
    const controls = page.getByRole('region', { name: '시나리오 조작' });
    await expect(page.getByRole('heading', { name: '이렇게 해 보세요' })).toBeVisible();
    const deps = controls.getByLabel('의존성 크기');
    await deps.fill('-5');
    await deps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/0에서 400 사이/);
    await deps.fill('');
    await deps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/값을 입력하세요/);
    await expect(canvas(page).getByRole('region', { name: /^단계: FROM debian:12-slim/ })).toBeVisible();
    await deps.fill('120');
    await deps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveCount(0);

    await controls.getByLabel('서버에 앱을 올리는 방식').selectOption({ label: '서버마다 손으로 설치' });
    await controls.getByRole('button', { name: '모든 서버에서 실행' }).click();
    await expect(metric(page, 'environmentsWorking', 'environments')).not.toHaveText(/^3\/3/);
    await screenshot(page, 'scenario-image-layers-ko-1280');
    await controls.getByLabel('서버에 앱을 올리는 방식').selectOption({ label: '어디서나 같은 이미지' });
    await controls.getByRole('button', { name: '모든 서버에서 실행' }).click();
    await expect(controls.getByRole('alert')).toHaveText('먼저 이미지를 빌드하세요.');
    await speed(page, '50');
    await controls.getByRole('button', { name: '빌드' }).click();
    await expect(metric(page, 'imageTag')).toHaveText('shop:1.0');
    await controls.getByRole('button', { name: '모든 서버에서 실행' }).click();
    await expect(metric(page, 'environmentsWorking', 'environments')).toHaveText(/^3\/3/);
    await expect(metric(page, 'distinctSetups', 'environments')).toHaveText(/^1/);
  });
});

test.describe('monolith-vs-microservices', () => {
  // Two real clusters start behind this scenario: opening it takes a moment.
  test.setTimeout(120_000);

  test('a spike on search: the search service scales alone, the monolith in whole copies', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openScenario(page, 'monolith-vs-microservices');
    await expect(page.getByRole('heading', { name: 'Monolith vs microservices' })).toBeVisible();
    const controls = page.getByRole('region', { name: 'Scenario controls' });
    await expect(metric(page, 'replicas', 'microservices')).toHaveText('5/5');
    await expect(metric(page, 'movingParts', 'microservices')).toHaveText('12');
    await expect(metric(page, 'movingParts', 'monolith')).toHaveText('3');
    await screenshot(page, 'scenario-monolith-1440');
    await controls.getByLabel('Module').selectOption('search');
    await controls.getByRole('button', { name: 'Load spike on the module' }).click();
    await speed(page, '50');
    await expect(canvas(page).getByRole('region', { name: /^Service: search/ })).toContainText(/Pods\s*([4-9]|10)/, { timeout: 30_000 });
    await expect(canvas(page).getByRole('region', { name: /^Service: cart/ })).toContainText(/Pods\s*1(?!\d)/);
    await expect(metric(page, 'replicas', 'monolith')).not.toHaveText('1/1');
    await speed(page, '1');
    await screenshot(page, 'scenario-monolith-spike-1440');

    await controls.getByLabel('Module').selectOption('payment');
    await controls.getByRole('button', { name: 'Make the module fail' }).click();
    await expect(metric(page, 'featuresUp', 'monolith')).toHaveText(/^0\/4/, { timeout: 30_000 });
    await expect(metric(page, 'featuresUp', 'microservices')).toHaveText(/^3\/4/);
    await controls.getByRole('button', { name: 'Make the module fail' }).click();
    await expect(controls.getByRole('alert')).toHaveText('payment is already failing.');
  });

  test('in Korean at 1280x720: the library upgrade, and a bad value refused', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openScenario(page, 'monolith-vs-microservices', 'ko');
    await expect(page.getByRole('heading', { name: '모놀리스와 마이크로서비스' })).toBeVisible();
    const controls = page.getByRole('region', { name: '시나리오 조작' });
    const hop = controls.getByLabel('네트워크 한 번 건너는 시간');
    await hop.fill('500');
    await hop.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/0에서 50 사이/);
    await expect(canvas(page).getByRole('region', { name: /^구역: 마이크로서비스/ })).toBeVisible();
    const before = await metric(page, 'latencyMs', 'microservices').textContent();
    await hop.fill('40');
    await hop.press('Enter');
    await expect(controls.getByRole('alert')).toHaveCount(0);
    await expect(metric(page, 'latencyMs', 'microservices')).not.toHaveText(before ?? '', { timeout: 15_000 });
    await controls.getByLabel('모듈').selectOption('payment');
    await controls.getByRole('button', { name: '라이브러리 업그레이드' }).click();
    await expect(page.getByText(/한 프로세스에는 한 버전만/).first()).toBeVisible();
    await expect(canvas(page).getByRole('region', { name: /^서비스: payment/ })).toContainText('libjson 2.1');
    await screenshot(page, 'scenario-monolith-ko-1280');
  });
});

test.describe('declarative-vs-script', () => {
  test('the same outage: the script stops half-done, the loops converge', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openScenario(page, 'declarative-vs-script');
    await expect(page.getByRole('heading', { name: 'Declarative vs scripted' })).toBeVisible();
    const controls = page.getByRole('region', { name: 'Scenario controls' });
    await expect(metric(page, 'goalsMet', 'script')).toHaveText(/^0\/4/);
    await speed(page, '50');
    await controls.getByRole('button', { name: 'Run (script and loops)' }).click();
    await expect(metric(page, 'goalsMet', 'loops')).toHaveText(/^4\/4/, { timeout: 30_000 });
    await expect(metric(page, 'goalsMet', 'script')).toHaveText(/^2\/4/);
    await expect(metric(page, 'scriptState', 'script')).toHaveText(/^C/);
    await expect(canvas(page).getByRole('region', { name: /^Step: C: start the web instances \(Failed\)/ })).toBeVisible();
    await speed(page, '1');
    await screenshot(page, 'scenario-declarative-1440');
    await controls.getByRole('button', { name: 'Run (script and loops)' }).click();
    await expect(page.getByText(/The script stopped at step A: what it creates already exists/).first()).toBeVisible({ timeout: 15_000 });
  });

  test('in Korean at 1280x720: a crash after both are done, and a bad value refused', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openScenario(page, 'declarative-vs-script', 'ko');
    await expect(page.getByRole('heading', { name: '선언형과 스크립트' })).toBeVisible();
    const controls = page.getByRole('region', { name: '시나리오 조작' });
    const replicas = controls.getByLabel('원하는 웹 인스턴스 수');
    await replicas.fill('99');
    await replicas.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/1에서 6 사이/);
    await replicas.fill('3');
    await replicas.press('Enter');
    await controls.getByLabel('장애가 시작되는 스크립트 단계').selectOption({ label: '장애 없음' });
    await speed(page, '50');
    await controls.getByRole('button', { name: '실행 (스크립트와 루프)' }).click();
    await expect(metric(page, 'goalsMet', 'script')).toHaveText(/^4\/4/, { timeout: 30_000 });
    await expect(metric(page, 'goalsMet', 'loops')).toHaveText(/^4\/4/);
    await controls.getByRole('button', { name: '웹 인스턴스 죽이기 (양쪽)' }).click();
    await expect(metric(page, 'staleBackends', 'script')).toHaveText(/^1/);
    await expect(metric(page, 'goalsMet', 'loops')).toHaveText(/^4\/4/, { timeout: 30_000 });
    await speed(page, '1');
    await screenshot(page, 'scenario-declarative-ko-1280');
  });
});
