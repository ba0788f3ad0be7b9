import type { Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test } from './fixtures';

/** A student's Deployment, with `replicas` misspelled the way people do. */
const DEPLOYMENT_WITH_TYPO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replica: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: hello
        image: nginx:1.27`;

/**
 * Types YAML key by key. Monaco indents new lines by itself (as it should for a student), so each new
 * line's automatic indentation is selected and typed over with the line's own.
 */
async function typeYaml(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
    }
    if (line.length > 0) await page.keyboard.type(line);
    else await page.keyboard.press('Delete');
    // Close the completion list, as a student who does not want a suggestion does.
    await page.keyboard.press('Escape');
  }
}

test('a student types a Deployment, fixes the field the schema flags, applies it and sees its pods', async ({ page }) => {
  // Typing ~350 keys one by one, as a student does, takes a while on a 2-core machine.
  test.setTimeout(120_000);
  await openPlayground(page);
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await editor.getByRole('button', { name: /New file/ }).click();
  await expect(editor.getByRole('tab', { name: 'untitled.yaml' })).toHaveAttribute('aria-selected', 'true');
  const monaco = editor.getByTestId('monaco-host');
  await expect(monaco.locator('.view-lines')).toBeVisible();
  await monaco.locator('.view-lines').click();
  await typeYaml(page, DEPLOYMENT_WITH_TYPO);

  // The schema (from the real Kubernetes types) flags the misspelled field.
  const problems = editor.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: /6:3 .*replica/ })).toBeVisible();
  await expect(monaco.locator('.squiggly-warning').first()).toBeVisible();
  await screenshot(page, 'editor-schema-warning');

  // Jump to the problem, fix the word, and the warning goes away.
  await problems.getByRole('button', { name: /6:3 .*replica/ }).click();
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.type('s');
  await page.keyboard.press('Escape');
  await expect(problems.getByText('No problems found.')).toBeVisible();

  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('5');
  await page.locator('.view-lines').click();
  await page.keyboard.press('Control+Enter');
  const results = editor.getByRole('region', { name: 'Results' });
  await expect(results).toContainText('deployment.apps/hello created');
  await expect(page.getByRole('button', { name: /^Pod hello-[a-z0-9-]+: Running$/ })).toHaveCount(2, { timeout: 45_000 });
  await screenshot(page, 'editor-applied-pods');

  // Edit a live object from the inspector, as `kubectl edit` does: its YAML opens, Save replaces it.
  await page.getByRole('region', { name: 'Deployment hello' }).getByRole('button', { name: 'Deployment hello' }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByRole('tab', { name: /deployment-hello\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  await expect(editor.getByText('Editing the live Deployment hello')).toBeVisible();
  await expect(editor.getByTestId('monaco-host')).toContainText('replicas: 2');
  await expect(editor.getByTestId('monaco-host')).not.toContainText('status:');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('region', { name: 'Results' })).toContainText('deployment.apps/hello replaced');
  await screenshot(page, 'editor-edit-live-object');

  // The file is saved: a reload finds it with the fix.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await editor.getByRole('tab', { name: 'untitled.yaml', exact: true }).click();
  await expect(editor.getByTestId('monaco-host')).toContainText('replicas: 2');
  await screenshot(page, 'editor-after-reload');
});
