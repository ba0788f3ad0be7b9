/** The built site on a local static server (`vite preview`) and Debian's Chromium, as the UI benchmarks use them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the static server did not start at ${url}`);
}

/** `vite preview` of dist/ on 127.0.0.1:port; resolves once it answers. */
export async function serveDist(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
  } catch (err) {
    server.kill();
    throw err;
  }
  return server;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...(existsSync('/usr/bin/chromium') && !process.env.PLAYWRIGHT_OWN_BROWSER ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
}
