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

test('in Korean, Monaco’s own menus, find widget and hovers speak Korean; after a switch to English the panel says when they follow', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (req) => fetched.push(req.url()));
  // Korean on the first load only (openPlayground would set it again on the reload below).
  await page.addInitScript(() => {
    if (!localStorage.getItem('kube-playground.language')) localStorage.setItem('kube-playground.language', 'ko');
  });
  await page.goto('./');
  await page.getByRole('button', { name: '편집기', exact: true }).click();
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await editor.getByRole('combobox', { name: '예제' }).selectOption({ label: 'Deployment: 스스로 복구되는 복제본' });
  const monaco = editor.getByTestId('monaco-host');
  await expect(monaco).toContainText('replicas: 2');
  expect(fetched.some((u) => /nls\.messages\.ko-[\w-]+\.js$/.test(u))).toBe(true);

  // A typo: `replicas` loses its s; the schema marks it, the hover explains it with Monaco's Korean actions.
  await monaco.getByText('replicas', { exact: true }).dblclick();
  await page.keyboard.type('replica');
  await page.keyboard.press('Escape');
  const problems = editor.getByRole('region', { name: '문제' });
  // The Problems list says it in Korean (the English original is its tooltip).
  await expect(problems.getByRole('button', { name: '6:3 schema 여기에는 replica 필드를 쓸 수 없습니다. 철자와 들여쓰기를 확인하세요.' })).toBeVisible();
  const squiggle = await monaco.locator('.squiggly-warning').first().boundingBox();
  await page.mouse.move(squiggle!.x + squiggle!.width / 2, squiggle!.y + squiggle!.height / 2);
  const hover = page.locator('.monaco-hover').filter({ hasText: 'replica' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('문제 보기');
  await expect(hover).toContainText(/Property replica is not allowed\.\s*schema/);
  await expect(hover).not.toContainText('inmemory:');
  await screenshot(page, 'editor-ko-hover');

  // Hovering a field shows its documentation, in Korean for the fields a course uses.
  await page.mouse.move(0, 0);
  const key = await monaco.getByText('selector', { exact: true }).boundingBox();
  await page.mouse.move(key!.x + 10, key!.y + key!.height / 2);
  const docs = page.locator('.monaco-hover').filter({ hasText: '이 Deployment가 관리할 Pod를 고르는 레이블 셀렉터' });
  await expect(docs).toBeVisible();
  await expect(docs).not.toContainText('Source:');
  await screenshot(page, 'editor-ko-field-hover');

  // Right-click: Monaco's context menu in Korean.
  await page.mouse.move(0, 0);
  await monaco.locator('.view-lines').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /명령 팔레트/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /잘라내기/ })).toBeVisible();
  await screenshot(page, 'editor-ko-context-menu');
  await page.keyboard.press('Escape');

  // Ctrl+F: the find widget in Korean.
  await monaco.locator('.view-lines').click();
  await page.keyboard.press('Control+f');
  await expect(monaco.getByRole('textbox', { name: '찾기' })).toBeVisible();
  await screenshot(page, 'editor-ko-find');
  await page.keyboard.press('Escape');

  // Switching to English: the panel follows at once, Monaco's chrome on the next load (and says so).
  await page.getByLabel('언어').selectOption('en');
  await expect(editor).toHaveCount(0);
  const english = page.getByRole('region', { name: 'Manifest editor' });
  await expect(english.getByRole('status')).toContainText("The editor's own menus (right-click, Find) stay in Korean until the page is reloaded");
  await screenshot(page, 'editor-ko-switched-to-en');
  await english.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await expect(english.getByTestId('monaco-host').locator('.view-lines')).toBeVisible();
  await expect(english.getByRole('status')).toHaveCount(0);
  await english.getByTestId('monaco-host').locator('.view-lines').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /Command Palette/ })).toBeVisible();
});

test('the English editor fetches no Monaco message bundle', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (req) => fetched.push(req.url()));
  await openPlayground(page);
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const monaco = page.getByRole('region', { name: 'Manifest editor' }).getByTestId('monaco-host');
  await expect(monaco.locator('.view-lines')).toBeVisible();
  await monaco.locator('.view-lines').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /Command Palette/ })).toBeVisible();
  expect(fetched.filter((u) => u.includes('nls.messages'))).toEqual([]);
});
