/**
 * Entry point, kept small on purpose: start the simulation worker first, then load and mount the UI
 * while the worker boots its cluster.
 */
import { simClient } from './client/simClient';

simClient.start();

// A handle for instructors in the browser console (and for the e2e crash drill).
declare global {
  interface Window {
    kubePlayground?: {
      kubectl: (line: string) => Promise<unknown>;
      apply: (yaml: string) => Promise<unknown>;
      crash: () => Promise<unknown>;
    };
  }
}
window.kubePlayground = {
  kubectl: (line) => simClient.kubectl(line),
  apply: (yaml) => simClient.request({ type: 'apply', yaml }),
  crash: () => simClient.request({ type: 'crash' }),
};

void import('./ui/mount').then(({ mountApp }) => mountApp(document.getElementById('root')!));
