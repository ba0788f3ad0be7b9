import { expect, openPlayground, screenshot, test, virtualNow } from './fixtures';

/** A manifest with a misspelled field: the editor's YAML worker (monaco-yaml) flags it. */
const WITH_TYPO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replica: 2
  selector:
    matchLabels: {app: hello}
  template:
    metadata:
      labels: {app: hello}
    spec:
      containers:
      - name: hello
        image: nginx:1.27
`;

test('the Content-Security-Policy forbids eval, inline scripts and other hosts, and the playground, Monaco and the workers still work', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript((saved) => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    if (!localStorage.getItem('kube-playground.editor-files')) localStorage.setItem('kube-playground.editor-files', saved);
  }, JSON.stringify({ files: [{ name: 'hello.yaml', text: WITH_TYPO }], active: 'hello.yaml' }));
  await openPlayground(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-eval');

  // The simulation worker runs: virtual time moves.
  const t0 = await virtualNow(page);
  await expect.poll(() => virtualNow(page)).toBeGreaterThan(t0);

  // Monaco and its YAML worker run: the misspelled field is flagged.
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editor.getByTestId('monaco-host').locator('.view-lines')).toContainText('replica: 2');
  await expect(editor.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /6:3 .*replica/ })).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'csp-editor-working');
  // Nothing the playground itself did was blocked.
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);

  // What the policy forbids, tried from the page.
  // (Playwright's own evaluate is exempt from the policy, so the eval runs later, from a page timer.)
  const evalResult = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            resolve(String((0, eval)('1 + 1')));
          } catch (e) {
            resolve((e as Error).name);
          }
        }, 0),
      ),
  );
  expect(evalResult).toBe('EvalError');
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 200));
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
  });
  expect(inlineRan).toBe(false);
  // Another origin (here another port of this machine, so no request could leave it anyway).
  const fetched = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.1:9/elsewhere');
      return 'fetched';
    } catch {
      return 'blocked';
    }
  });
  expect(fetched).toBe('blocked');
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src eval/), expect.stringMatching(/^script-src(-elem)? inline/), expect.stringMatching(/^connect-src http:\/\/127\.0\.0\.1:9/)]));
});
