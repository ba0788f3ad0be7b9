/**
 * Side panels beside the canvas on small screens: with a lesson, the editor, the failure panel and the
 * inspector all open, every panel stays on screen, none overlaps another, and the canvas keeps a
 * usable area between them (1024×640, a small laptop or a projector's lowest mode, and 1280×720).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test } from './fixtures';

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(name: string, locator: Locator): Promise<Box> {
  await expect(locator).toBeVisible();
  const b = await locator.boundingBox();
  expect(b, name).toBeTruthy();
  return { name, ...b! };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5 ? w * h : 0;
}

async function openEverything(page: Page): Promise<void> {
  await page.goto('./#/lessons/first-app');
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Editor', exact: true }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Failures', exact: true }).click();
  await page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ }).first().click();
}

for (const [width, height, minCanvas] of [
  [1024, 640, 200],
  [1280, 720, 300],
] as const) {
  test(`${width}×${height}: lesson, editor, failure panel and inspector side by side, none over another or the canvas`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openPlayground(page);
    await openEverything(page);
    const panels = [
      await box('lesson', page.getByRole('complementary', { name: 'Lesson' })),
      await box('editor', page.getByRole('complementary', { name: 'Workbench' })),
      await box('canvas', page.getByTestId('cluster-canvas')),
      await box('failures', page.getByTestId('failure-panel')),
      await box('inspector', page.getByRole('complementary', { name: 'Inspector' })),
    ];
    await screenshot(page, `side-panels-${width}x${height}`);
    for (const p of panels) {
      expect(p.x, `${p.name} starts on screen`).toBeGreaterThanOrEqual(-0.5);
      expect(p.x + p.width, `${p.name} ends on screen (${JSON.stringify(p)})`).toBeLessThanOrEqual(width + 0.5);
      expect(p.y + Math.min(p.height, 40), `${p.name} is not pushed below the screen`).toBeLessThanOrEqual(height);
    }
    for (let i = 0; i < panels.length; i++) {
      for (let j = i + 1; j < panels.length; j++) {
        expect(overlapArea(panels[i]!, panels[j]!), `${panels[i]!.name} and ${panels[j]!.name} do not overlap`).toBe(0);
      }
    }
    const canvas = panels.find((p) => p.name === 'canvas')!;
    expect(canvas.width, 'the canvas keeps a usable width').toBeGreaterThanOrEqual(minCanvas);
    expect(canvas.height, 'the canvas keeps a usable height').toBeGreaterThanOrEqual(200);
    // Nothing scrolls sideways: the page is exactly the window's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

// The timeline under the canvas, with the past on screen (its longest state: a banner and two more buttons),
// stays within the canvas's column: every control fully inside it, none under the side dock, in both languages.
for (const [width, height] of [
  [1024, 640],
  [1280, 720],
] as const) {
  for (const language of ['en', 'ko'] as const) {
    test(`${width}×${height} (${language}): viewing the past, every timeline button sits inside the canvas column`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page);
      await openEverything(page);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByRole('button', { name: 'Previous event' }).click();
      await expect(timeline.getByRole('status')).toContainText('paused in the past');
      if (language === 'ko') {
        await page.getByLabel('Language').selectOption('ko');
        await expect(page.getByRole('region', { name: '타임라인' }).getByRole('status')).toContainText('과거에 멈춰');
      }
      const bar = page.getByRole('region', { name: language === 'ko' ? '타임라인' : 'Timeline' });
      const canvas = await box('canvas', page.getByTestId('cluster-canvas'));
      const dock = await box('side dock', page.locator('.side-dock'));
      await screenshot(page, `timeline-past-${width}x${height}-${language}`);
      const buttons = await bar.getByRole('button').all();
      // Back to now, Continue from here, Previous event, Next event.
      expect(buttons.length).toBeGreaterThanOrEqual(4);
      for (const button of buttons) {
        const name = (await button.getAttribute('title')) ?? (await button.innerText());
        const b = await box(name, button);
        expect(b.x, `${name} starts inside the canvas column`).toBeGreaterThanOrEqual(canvas.x - 0.5);
        expect(b.x + b.width, `${name} ends inside the canvas column (${JSON.stringify(b)})`).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
        expect(b.y + b.height, `${name} is above the window's bottom edge`).toBeLessThanOrEqual(height + 0.5);
        expect(overlapArea(b, dock), `${name} does not overlap the side dock`).toBe(0);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}
