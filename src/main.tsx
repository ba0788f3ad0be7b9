/**
 * Entry point. On the cluster page the first frame is painted from the snapshot
 * of the running cluster made at build time, and the simulation worker (the largest script) starts
 * once the machines are on the canvas; requests made before then wait for it. Other pages (a preset, a
 * share link) boot their own cluster, so the worker starts at once there.
 */
import { afterMachinesPainted, opensOnDefaultCluster, paintFirstScreen } from './ui/firstScreen/paintFirstScreen';
import snapshot from 'virtual:first-screen';
import { mountApp } from './ui/mount';
import { simClient } from './client/simClient';
import { browserStorage } from './client/savedCluster';
import { firstScreenFitsSavedCluster } from './ui/firstScreen/savedFirstScreen';

// A handle for instructors in the browser console (and for the e2e crash drill).
declare global {
  interface Window {
    kubePlayground?: {
      kubectl: (line: string) => Promise<unknown>;
      apply: (yaml: string) => Promise<unknown>;
      crash: () => Promise<unknown>;
      /** Drill for the watchdog: the worker closes itself without a word. */
      silence: () => Promise<unknown>;
    };
  }
}
window.kubePlayground = {
  kubectl: (line) => simClient.kubectl(line),
  apply: (yaml) => simClient.request({ type: 'apply', yaml }),
  crash: () => simClient.request({ type: 'crash' }),
  silence: () => simClient.request({ type: 'crash', silently: true }),
};

const root = document.getElementById('root')!;

// A saved cluster the student changed is not the build's cluster: no frame of the wrong one, wait for the replay.
if (opensOnDefaultCluster(location.hash) && firstScreenFitsSavedCluster(browserStorage(), snapshot.seed)) {
  paintFirstScreen(snapshot);
  mountApp(root);
  afterMachinesPainted(root, () => {
    performance.mark('kube-playground:machines-painted');
    simClient.boot();
  });
} else {
  simClient.boot();
  mountApp(root);
}
