/** The commands the playground's kubectl knows, found by their leading words. */
import type { CommandContext } from '../context';
import { runApplyFiles } from './apply';
import { runAutoscale } from './autoscale';
import { runCreate } from './create';
import { runDelete } from './delete';
import { runDescribe } from './describe';
import { runEvents } from './events';
import { runExec } from './exec';
import { runExpose } from './expose';
import { runGet } from './get';
import { runApiResources, runClusterInfo, runConfig, runVersion } from './info';
import { runLabelOrAnnotate } from './label';
import { runLogs } from './logs';
import { runCordon } from './nodes';
import { runDrain } from './drain';
import { runPatch } from './patch';
import { runPortForward } from './portForward';
import { runRollout } from './rollout';
import { runRun } from './run';
import { runScale } from './scale';
import { runSetImage } from './setImage';
import { runTaint } from './taint';
import { runTop } from './top';
import { runWait } from './wait';

export interface Command {
  path: string[];
  summary: string;
  help: string;
  run(ctx: CommandContext): number;
}

function cmd(path: string, summary: string, usage: string, run: (ctx: CommandContext) => number): Command {
  return { path: path.split(' '), summary, help: `${summary}\n\nUsage:\n  ${usage}`, run };
}

export const COMMANDS: Command[] = [
  cmd('get', 'Display one or many resources', 'kubectl get TYPE[.VERSION][.GROUP] [NAME | -l label] [-o wide|yaml|json|name|jsonpath=...] [-A]', runGet),
  cmd('describe', 'Show details of a specific resource or group of resources', 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)', runDescribe),
  cmd('apply', 'Apply a configuration to a resource by file name', 'kubectl apply -f FILENAME [--dry-run=client|server]', (ctx) => runApplyFiles(ctx, 'apply')),
  cmd('create', 'Create a resource from a file or from arguments', 'kubectl create -f FILENAME | create deployment NAME --image=IMAGE | create namespace NAME | create configmap NAME --from-literal=k=v', runCreate),
  cmd('replace', 'Replace a resource by file name', 'kubectl replace -f FILENAME', (ctx) => runApplyFiles(ctx, 'replace')),
  cmd('delete', 'Delete resources by file names, resources and names, or by resources and label selector', 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])', runDelete),
  cmd('run', 'Run a particular image on the cluster', 'kubectl run NAME --image=image [--port=port] [--restart=Never] [-- COMMAND] [args...]', runRun),
  cmd('expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', 'kubectl expose (TYPE NAME | TYPE/NAME) [--port=port] [--target-port=port] [--type=type] [--name=name]', runExpose),
  cmd('scale', 'Set a new size for a deployment, replica set or stateful set', 'kubectl scale --replicas=COUNT (TYPE NAME | TYPE/NAME)', runScale),
  cmd('autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller', 'kubectl autoscale (TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]', runAutoscale),
  cmd('rollout', 'Manage the rollout of a resource', 'kubectl rollout (status|history|undo|restart|pause|resume) deployment/NAME [--watch=false] [--timeout=DURATION]', runRollout),
  cmd('set', 'Set specific features on objects', 'kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER_NAME=CONTAINER_IMAGE ...', runSetImage),
  cmd('patch', 'Update fields of a resource', 'kubectl patch (TYPE NAME | TYPE/NAME) -p PATCH [--type=strategic|merge|json]', runPatch),
  cmd('label', 'Update the labels on a resource', 'kubectl label [--overwrite] (TYPE NAME | TYPE/NAME) KEY=VAL ... KEY-', (ctx) => runLabelOrAnnotate(ctx, 'labels')),
  cmd('annotate', 'Update the annotations on a resource', 'kubectl annotate [--overwrite] (TYPE NAME | TYPE/NAME) KEY=VAL ... KEY-', (ctx) => runLabelOrAnnotate(ctx, 'annotations')),
  cmd('cordon', 'Mark node as unschedulable', 'kubectl cordon NODE', (ctx) => runCordon(ctx, true)),
  cmd('uncordon', 'Mark node as schedulable', 'kubectl uncordon NODE', (ctx) => runCordon(ctx, false)),
  cmd('taint', 'Update the taints on one or more nodes', 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N', runTaint),
  cmd('drain', 'Drain node in preparation for maintenance', 'kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--timeout=DURATION] [--grace-period=SECONDS] [--disable-eviction]', runDrain),
  cmd('wait', 'Experimental: Wait for a specific condition on one or many resources', 'kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available] [--timeout=30s]', runWait),
  cmd('logs', 'Print the logs for a container in a pod', 'kubectl logs [-f] [-p] (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER] [--tail=N] [--prefix]', runLogs),
  cmd('port-forward', 'Forward one or more local ports to a pod', 'kubectl port-forward (POD | TYPE/NAME) [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]', runPortForward),
  cmd('exec', 'Execute a command in a container', 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]', runExec),
  cmd('events', 'List events', 'kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w]', runEvents),
  cmd('top', 'Display resource (CPU/memory) usage', 'kubectl top (pods | nodes) [NAME] [-A] [--containers]', runTop),
  cmd('version', 'Print the client and server version information', 'kubectl version [--client] [-o json|yaml]', runVersion),
  cmd('cluster-info', 'Display cluster information', 'kubectl cluster-info', runClusterInfo),
  cmd('api-resources', 'Print the supported API resources on the server', 'kubectl api-resources [--namespaced=true|false] [--api-group=GROUP]', runApiResources),
  cmd('config', 'Modify kubeconfig files', 'kubectl config (current-context | get-contexts | set-context --current --namespace=NAME)', runConfig),
];

export function findCommand(positionals: string[]): Command | undefined {
  return COMMANDS.find((c) => c.path.every((w, i) => positionals[i] === w));
}

export const HELP_TEXT = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

The playground supports these commands:
${COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(14)}${c.summary}`).join('\n')}

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`;
