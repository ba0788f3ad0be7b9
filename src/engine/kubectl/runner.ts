/**
 * kubectl's command runner as the cluster calls it (Cluster.kubectl, snapshot replay). A module of its
 * own so the browser worker's build can put a deferred stand-in in its place (vite.config.ts,
 * src/worker/deferredKubectlRunner.ts): the running cluster boots without kubectl's printers and
 * describers, which load once the first screen is live. Everywhere else (Node, tests, the CLI) this is
 * simply kubectl itself.
 */
export { runKubectl, runKubectlStreaming } from './index';
