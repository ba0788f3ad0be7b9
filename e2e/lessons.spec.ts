/**
 * A Korean student takes three lessons end to end: each task done in the playground flips its check to
 * done, and a wrong prediction is explained. Then the first-visit welcome: shown once, and again from help.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test } from './fixtures';

// A lesson is a few minutes of a student's work: each test walks one whole lesson on a shared machine.
test.describe.configure({ timeout: 120_000 });

const lessonDock = (page: Page) => page.getByRole('complementary', { name: '강의' });
const check = (page: Page) => lessonDock(page).getByTestId('lesson-check');
const next = (page: Page) => lessonDock(page).getByRole('button', { name: '다음', exact: true });

async function setSpeed(page: Page, speed: string): Promise<void> {
  await page.getByRole('group', { name: '시간 제어' }).getByLabel('속도').selectOption(speed);
}

async function openLesson(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: '강의', exact: true }).click();
  await lessonDock(page).getByRole('link', { name: title }).click();
  await expect(lessonDock(page).getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** The lesson panel sits beside the canvas: no overlap, and the canvas keeps a useful width. */
async function expectCanvasBesideLesson(page: Page): Promise<void> {
  const dock = await lessonDock(page).boundingBox();
  const canvas = await page.getByTestId('cluster-canvas').boundingBox();
  expect(dock && canvas).toBeTruthy();
  expect(dock!.x + dock!.width).toBeLessThanOrEqual(canvas!.x + 1);
  expect(canvas!.width).toBeGreaterThanOrEqual(400);
}

test('첫 번째 앱: a wrong guess is explained, and applying the manifest turns the check green', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await openLesson(page, /첫 번째 앱/);
  await expect(page).toHaveURL(/#\/lessons\/first-app$/);
  await next(page).click();

  // Predict: the student thinks replicas are containers in one pod.
  await expect(next(page)).toBeDisabled();
  await lessonDock(page).getByRole('button', { name: '컨테이너 3개가 든 Pod 1개' }).click();
  const feedback = lessonDock(page).getByTestId('prediction-feedback');
  await expect(feedback).toContainText('아쉽지만 틀렸습니다');
  await expect(feedback).toContainText('레플리카는 Pod 안의 컨테이너가 아니라 Pod 하나하나입니다');
  await expect(feedback).toContainText('실제로는: 워커들에 흩어진 Pod 3개');
  await screenshot(page, 'lessons-ko-wrong-prediction-1280');
  await next(page).click();

  // The task: open the manifest in the editor, apply it, and the check goes from pending to done.
  await expect(check(page)).toHaveAttribute('data-check-state', 'pending');
  await expect(next(page)).toBeDisabled();
  await lessonDock(page).getByRole('button', { name: '에디터에서 열기: hello.yaml' }).click();
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await expect(editor.getByRole('tab', { name: 'hello.yaml' })).toHaveAttribute('aria-selected', 'true');
  await setSpeed(page, '20');
  await editor.getByRole('button', { name: '적용', exact: true }).click();
  await expect(check(page)).toHaveAttribute('data-check-state', 'done', { timeout: 45_000 });
  await expect(check(page)).toContainText('완료: hello 레플리카 3개가 Node 2개 이상에서 Ready');
  await expectCanvasBesideLesson(page);
  await screenshot(page, 'lessons-ko-task-done-with-editor-1280');

  await next(page).click();
  await lessonDock(page).getByRole('button', { name: '마치기' }).click();
  await expect(lessonDock(page).getByRole('heading', { name: '✓ 강의 완료' })).toBeVisible();
  await expect(lessonDock(page).getByRole('link', { name: '다음 강의: 자가 치유' })).toBeVisible();
});

test('자가 치유: killing a container through the failure panel is what the check waits for', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page, 'ko');
  await openLesson(page, /자가 치유/);
  await next(page).click();
  // web is already running: that task's check is green from the start.
  await expect(check(page)).toHaveAttribute('data-check-state', 'done');
  await next(page).click();

  await lessonDock(page).getByRole('button', { name: 'ReplicaSet이 새 Pod를 만든다' }).click();
  const feedback = lessonDock(page).getByTestId('prediction-feedback');
  await expect(feedback).toContainText('아쉽지만 틀렸습니다');
  await expect(feedback).toContainText('컨테이너 재시작은 kubelet의 몫입니다');
  // The choices are locked: a prediction is made once.
  await expect(lessonDock(page).getByRole('button', { name: 'kubelet이 같은 Pod 안에서 컨테이너를 재시작한다' })).toBeDisabled();
  await screenshot(page, 'lessons-ko-wrong-prediction-1440');
  await next(page).click();

  await expect(check(page)).toHaveAttribute('data-check-state', 'pending');
  await lessonDock(page).getByRole('button', { name: '장애 패널 열기' }).click();
  const panel = page.getByRole('complementary', { name: '장애 주입' });
  await expect(panel.getByLabel('장애', { exact: true })).toHaveValue('kill-container');
  await expect(panel.getByLabel('대상')).toHaveValue(/^default\/web-/);
  await panel.getByRole('button', { name: '주입' }).click();
  await expect(check(page)).toHaveAttribute('data-check-state', 'done', { timeout: 30_000 });
  await expectCanvasBesideLesson(page);
  await screenshot(page, 'lessons-ko-task-done-with-failures-1440');

  await next(page).click();
  await lessonDock(page).getByRole('button', { name: '마치기' }).click();
  await expect(lessonDock(page).getByRole('heading', { name: '✓ 강의 완료' })).toBeVisible();
});

test('직접 확장하기: scaling in the console, a right guess, and progress that survives a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await openLesson(page, /직접 확장하기/);
  await next(page).click();
  await expect(check(page)).toHaveAttribute('data-check-state', 'done');
  await next(page).click();

  await lessonDock(page).getByRole('button', { name: '워커들에 나뉘어' }).click();
  await expect(lessonDock(page).getByTestId('prediction-feedback')).toContainText('맞았습니다');
  await next(page).click();

  await lessonDock(page).getByRole('button', { name: '콘솔 열기' }).click();
  const prompt = page.getByRole('region', { name: 'kubectl 콘솔' }).getByLabel('kubectl 명령');
  await setSpeed(page, '20');
  await prompt.pressSequentially('kubectl scale deployment web --replicas=5');
  await prompt.press('Enter');
  await expect(check(page)).toHaveAttribute('data-check-state', 'done', { timeout: 45_000 });
  await expectCanvasBesideLesson(page);
  await screenshot(page, 'lessons-ko-scaled-with-console-1280');
  await next(page).click();

  // The lesson remembers where the student is: a reload comes back to this step.
  await page.reload();
  await expect(lessonDock(page).getByRole('heading', { level: 3, name: '5단계 중 5단계' })).toBeVisible();
  await expect(check(page)).toHaveAttribute('data-check-state', 'pending');
  await lessonDock(page).getByRole('button', { name: '콘솔 열기' }).click();
  await setSpeed(page, '20');
  await prompt.pressSequentially('kubectl scale deployment web --replicas=3');
  await prompt.press('Enter');
  await expect(check(page)).toHaveAttribute('data-check-state', 'done', { timeout: 45_000 });
  await lessonDock(page).getByRole('button', { name: '마치기' }).click();

  await lessonDock(page).getByRole('link', { name: /전체 강의/ }).click();
  await expect(lessonDock(page).getByText('강의 16개 중 1개 완료')).toBeVisible();
  await expect(lessonDock(page).getByRole('link', { name: /직접 확장하기.*완료/ })).toBeVisible();
  await screenshot(page, 'lessons-ko-list-1280');
});

test('in English: the node-failure lesson asks when pods are replaced, and explains a wrong guess', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page, 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }).click();
  const dock = page.getByRole('complementary', { name: 'Lesson' });
  await expect(dock.getByText('0 of 16 lessons done')).toBeVisible();
  await dock.getByRole('link', { name: /When a node dies/ }).click();
  await dock.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(dock.getByTestId('lesson-check')).toHaveAttribute('data-check-state', 'done');
  await dock.getByRole('button', { name: 'Next', exact: true }).click();
  await dock.getByRole('button', { name: 'About 50 seconds later, when the node turns NotReady' }).click();
  const feedback = dock.getByTestId('prediction-feedback');
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback).toContainText('its pods tolerate that for another 300 s');
  await expect(feedback).toContainText('What really happens: About 5 minutes later');
  await screenshot(page, 'lessons-en-wrong-prediction-1440');
  // The next task speeds the clock up so the eviction can be watched.
  await dock.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed')).toHaveValue('20');
  await expect(dock.getByTestId('lesson-check')).toHaveAttribute('data-check-state', 'pending');
});

test.describe('first visit', () => {
  test.use({ firstVisit: true });

  test('the welcome shows once, comes back from help, and starts the first lesson', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPlayground(page, 'ko');
    const welcome = page.getByRole('dialog', { name: /kube-playground에 오신 것을 환영합니다/ });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('button', { name: '첫 강의 시작하기' })).toBeVisible();
    await screenshot(page, 'welcome-ko-1280');
    await welcome.getByRole('button', { name: '자유롭게 둘러보기' }).click();
    await expect(welcome).toBeHidden();

    await page.reload();
    await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
    await expect(welcome).toHaveCount(0);

    // Help lists every panel, and shows the welcome again.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '도움말' });
    for (const panel of ['클러스터 그림', '에디터', '콘솔', '장애', '인스펙터', '이벤트', '강의', '시나리오', '시간 제어']) {
      await expect(help.getByRole('term').filter({ hasText: new RegExp(`^${panel}$`) })).toBeVisible();
    }
    await screenshot(page, 'help-ko-1280');
    await help.getByRole('button', { name: '환영 안내 다시 보기' }).click();
    await expect(welcome).toBeVisible();
    await welcome.getByRole('button', { name: '첫 강의 시작하기' }).click();
    await expect(page).toHaveURL(/#\/lessons\/why-kubernetes$/);
    await expect(lessonDock(page).getByRole('heading', { level: 2, name: /왜 쿠버네티스인가/ })).toBeVisible();
    await expectCanvasBesideLesson(page);
    await screenshot(page, 'lesson-first-ko-1280');
  });
});
