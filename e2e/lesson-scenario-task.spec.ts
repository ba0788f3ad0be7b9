/**
 * A lesson whose tasks happen in a concept scenario, walked end to end by a Korean student: the lesson
 * opens the "eras" scenario and stays beside it, opening it passes the first check, and turning the
 * apps knob up to 30 passes the second.
 */
import { expect, openPlayground, screenshot, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('왜 쿠버네티스인가?: open the eras scenario, turn the apps knob to 30, and both checks turn done', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await page.getByRole('banner').getByRole('button', { name: '강의', exact: true }).click();
  const dock = page.getByRole('complementary', { name: '강의' });
  await dock.getByRole('link', { name: /왜 쿠버네티스인가\?/ }).click();
  const next = dock.getByRole('button', { name: '다음', exact: true });
  await next.click();
  await next.click();

  // Predict first: scaling out is what keeps working.
  await dock.getByRole('button', { name: '평범한 서버를 늘려 복사본을 더 띄운다' }).click();
  await expect(dock.getByTestId('prediction-feedback')).toContainText('맞았습니다');
  await next.click();

  // Task 1: the lesson's button opens the scenario; the lesson stays beside it.
  const check = dock.getByTestId('lesson-check');
  await expect(check).toHaveAttribute('data-check-state', 'pending');
  await expect(next).toBeDisabled();
  await dock.getByRole('button', { name: '시나리오 열기' }).click();
  await expect(page).toHaveURL(/#\/scenarios\/eras$/);
  const controls = page.getByRole('region', { name: '시나리오 조작' });
  await expect(controls).toBeVisible();
  await expect(dock).toBeVisible();
  await expect(check).toHaveAttribute('data-check-state', 'done');
  await expect(check).toContainText('완료: eras 시나리오가 열림');
  await next.click();

  // Task 2: turn the knob. A value below 30 is not enough; 30 is.
  await expect(check).toHaveAttribute('data-check-state', 'pending');
  const apps = controls.getByLabel('앱 개수');
  await apps.fill('20');
  await apps.press('Enter');
  await expect(apps).toHaveValue('20');
  await expect(check).toHaveAttribute('data-check-state', 'pending');
  await apps.fill('30');
  await apps.press('Enter');
  await expect(check).toHaveAttribute('data-check-state', 'done');
  await expect(check).toContainText('완료: eras에서 앱 30개 이상 실행');
  await screenshot(page, 'lesson-scenario-task-ko-1280');

  await next.click();
  await dock.getByRole('button', { name: '마치기' }).click();
  await expect(dock.getByRole('heading', { name: '✓ 강의 완료' })).toBeVisible();
});
