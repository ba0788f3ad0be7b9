/** The lessons' words in English. `backticks` mark commands and names (drawn as code). */
import type { LessonTexts } from './lessonTypes';

const webReady = {
  text: 'This lesson uses `web`, the nginx Deployment the playground starts with. If you removed it, open it in the editor and press Apply.',
  check: '3 web replicas Ready on at least 2 nodes',
};

export const lessonTextEn: LessonTexts = {
  'why-kubernetes': {
    title: 'Why Kubernetes?',
    summary: 'From one big program on one big server to many small pieces on many machines.',
    steps: {
      monolith: {
        text: 'A monolith is one program that does everything. Changing a single line means rebuilding and redeploying all of it, and over the years its parts grow tangled together.',
      },
      scale: {
        text: 'When traffic grows you can scale up (a bigger server: more CPU and memory, until there is no bigger one to buy) or scale out (more copies on more servers, which only works if the program can run as several copies).',
      },
      predictScale: {
        question: 'Black Friday doubles your traffic every year. Which kind of growth keeps working, year after year?',
        choices: { up: 'Buy a bigger server each year', out: 'Run more copies on more ordinary servers', rewrite: 'Rewrite the program to be faster' },
        why: {
          up: 'Scaling up has a ceiling: the biggest machine money can buy, and its price climbs much faster than its power.',
          out: 'Yes. Adding machines has no hard ceiling, and one broken machine takes out only its share of the copies.',
          rewrite: 'A faster program helps once, but traffic keeps growing: you still need a way to add capacity.',
        },
      },
      openEras: {
        text: 'Open the "eras" scenario: the same apps on bare metal, on virtual machines and in containers. Watch how many apps each machine holds.',
        check: 'The eras scenario is open',
      },
      moreApps: {
        text: 'Turn the "apps" knob up to 30 or more. How many machines does each era need now, and how much of them sits idle?',
        check: 'Eras runs 30 apps or more',
      },
      automation: {
        text: 'Many small pieces on many machines is too much to place, restart and wire up by hand. Kubernetes automates that: you say what should run, and it schedules, watches and repairs.',
      },
    },
  },
  microservices: {
    title: 'Monolith and microservices',
    summary: 'Small services you can change, deploy and scale one at a time.',
    steps: {
      split: {
        text: 'Microservices split the monolith into small programs, each with its own process, talking over well-defined APIs (HTTP, or a message queue). Each can be built, deployed and scaled on its own.',
      },
      predictSpike: {
        question: 'Only the product catalog is overloaded. With microservices, what do you scale?',
        choices: { whole: 'Every service, together', one: 'Only the catalog service', none: 'Nothing: microservices never overload' },
        why: {
          whole: 'That is what a monolith forces on you: one unit, scaled as one. Microservices let you spend on the busy part only.',
          one: 'Right: add copies of the busy service alone, and leave the others as they are.',
          none: 'Every service can overload. The gain is that you can fix the one that does without touching the rest.',
        },
      },
      openScenario: {
        text: 'Open the monolith-versus-microservices scenario: the same shop, built both ways, side by side.',
        check: 'The monolith vs microservices scenario is open',
      },
      spike: {
        text: 'Send a load spike to one module and watch: the monolith adds whole copies of everything, the microservices add copies of the busy service only.',
        check: 'A load spike was sent',
      },
      environments: {
        text: 'Dozens of services each need their own libraries and versions. Packaging each with everything it needs gives the same environment on a laptop, in testing and in production.',
      },
      devops: {
        text: 'DevOps: the team that writes a service also ships and runs it. Kubernetes lets developers deploy without knowing each server, while operators look after the cluster instead of each app.',
      },
    },
  },
  'containers-vs-vms': {
    title: 'Containers and virtual machines',
    summary: 'Both isolate apps; one brings a whole OS, the other shares the kernel.',
    steps: {
      isolation: {
        text: 'A virtual machine runs a complete guest operating system on a hypervisor. A container is an ordinary process on the host, fenced off by the host kernel itself: no guest OS to boot.',
      },
      predictDensity: {
        question: 'The same server runs either VMs or containers, one app each. Which holds more apps?',
        choices: { vms: 'VMs', containers: 'Containers', same: 'About the same' },
        why: {
          vms: 'Each VM carries its own OS, which costs memory and CPU before the app even starts.',
          containers: 'Yes. Containers share the host kernel, so the memory a guest OS would take goes to apps instead.',
          same: 'The guest operating systems make the difference: with containers there are none to pay for.',
        },
      },
      openScenario: {
        text: 'Open the VM-versus-container scenario and compare start-up time and how many apps fit on one machine.',
        check: 'The VM vs container scenario is open',
      },
      mechanisms: {
        text: 'Two Linux features make containers: namespaces give a process its own view (its own process list, network, hostname, files), and cgroups limit how much CPU and memory it may use. The catch: containers share one kernel, so isolation is thinner than a VM’s.',
      },
      predictLimits: {
        question: 'Containers share one machine. One app suddenly wants all the CPU, and nothing limits it. What happens to the apps beside it?',
        choices: { same: 'Nothing: each container is isolated', starved: 'They slow down: it takes their CPU', crash: 'They all crash' },
        why: {
          same: 'Namespaces hide the apps from each other, but they do not share out the CPU. That is the job of cgroup limits.',
          starved: 'Right: without a cgroup limit the greedy process takes CPU time the others needed, and they slow down.',
          crash: 'Running short of CPU makes a program slow, not dead. (Running out of memory is another story: that kills.)',
        },
      },
      limitsOff: {
        text: 'In the eras scenario, switch the container limits off, set off a spike, and watch the containers lane. Then switch them back on.',
        check: 'The container limits are off in eras',
      },
    },
  },
  'images-and-registries': {
    title: 'Images and registries',
    summary: 'An image is a packaged app in layers; a registry stores and serves them.',
    steps: {
      layers: {
        text: 'An image holds an app with everything it needs, stacked in read-only layers. Images built on the same base share those layers, so a machine downloads a shared layer only once. A registry (such as Docker Hub) stores images; nodes pull from it.',
      },
      openScenario: {
        text: 'Open the image-layers scenario: a build machine, a registry and nodes, with the layers drawn.',
        check: 'The image layers scenario is open',
      },
      push: {
        text: 'Build the image and push it to the registry. Then edit the code, build and push again: only the changed layer travels.',
        check: 'An image was pushed to the registry',
      },
      webReady,
      predictPull: {
        question: 'The `web` pods already run `nginx:1.27` on the workers. You start one more pod with that same image. What does its node download?',
        choices: { full: 'The whole image again', layers: 'Only the layers that changed', none: 'Nothing: the image is already there' },
        why: {
          full: 'Nodes cache images. With the default pull policy (IfNotPresent, for any tag but `latest`) a cached image is used as is.',
          layers: 'That is what happens for a new version of an image. Here the very same image is already cached.',
          none: 'Right: the kubelet finds the image on the node and starts the container straight away.',
        },
      },
      runCached: {
        text: 'Open the console and type `kubectl run cached --image=nginx:1.27`. Then look at its events (`kubectl describe pod cached`).',
        check: 'The kubelet reports the image already present on the node',
      },
      portability: {
        text: 'An image carries the app’s files, not a kernel. It runs on any machine with a compatible kernel and CPU architecture: an image built for ARM does not run on an x86 server.',
      },
    },
  },
  'cluster-architecture': {
    title: 'The cluster’s parts',
    summary: 'The control plane decides; the nodes run. Stop the scheduler and see.',
    steps: {
      controlPlane: {
        text: 'The control plane (the purple box): `kube-apiserver` is the only door in, every request passes it; `etcd` stores the whole cluster’s state; `kube-scheduler` picks a node for each new pod; `kube-controller-manager` runs the controllers that keep reality matching what you asked for.',
      },
      nodes: {
        text: 'Each worker node runs a `kubelet` (the node’s agent: starts pods, runs their probes, reports back), a container runtime that pulls images and runs containers, and `kube-proxy`, which routes traffic for Services.',
      },
      followJourney: {
        text: 'Now watch them work together. Press the button: a small Deployment and Service are applied, and the cluster records every component that handles them, in order, with what each one wrote. Step through every hop (Next, or the → key) up to the request that reaches the pod.',
        check: 'you followed the journey to its last hop',
      },
      stopScheduler: {
        text: 'Open the failure panel and stop `kube-scheduler` (Control plane → Stop component).',
        check: 'kube-scheduler is stopped',
      },
      predictPending: {
        question: 'With the scheduler stopped, you create a new pod. What happens?',
        choices: { runs: 'A kubelet starts it on some node anyway', pending: 'It is stored, but waits Pending with no node', refused: 'The API server refuses it' },
        why: {
          runs: 'A kubelet runs only pods bound to its own node, and binding is the scheduler’s job.',
          pending: 'Right: the API server stores the pod, but nobody assigns it a node, so it waits in Pending.',
          refused: 'The API server still runs and accepts the pod. It just has nobody to place it.',
        },
      },
      runPod: {
        text: 'In the console, type `kubectl run hello --image=nginx:1.27` and find the pod on the canvas.',
        check: '`hello` waits Pending while the scheduler is stopped',
      },
      startScheduler: {
        text: 'Start `kube-scheduler` again from the failure panel and watch `hello` get a node.',
        check: 'The scheduler runs and `hello` is Ready',
      },
    },
  },
  'first-app': {
    title: 'Your first app',
    summary: 'A manifest describes what you want; Kubernetes turns it into running pods.',
    steps: {
      manifest: {
        text: 'You do not tell Kubernetes what to do step by step: you describe the result in a manifest (YAML). A Deployment says which image to run and how many copies (replicas); each copy runs in a pod.',
      },
      predictPods: {
        question: 'The `hello` Deployment asks for `replicas: 3`. What appears on the canvas?',
        choices: { one: 'One pod with three containers', three: 'Three pods, spread over the workers', none: 'Nothing until you start them' },
        why: {
          one: 'Replicas are whole pods, not containers inside one pod.',
          three: 'Right: a ReplicaSet creates three pods, and the scheduler spreads them over the workers.',
          none: 'Applying is enough: the controllers act on what you declared, with no start command.',
        },
      },
      applyHello: {
        text: 'Open the manifest in the editor, read it, and press Apply. Watch the pods go from Pending to Running.',
        check: '3 hello replicas Ready on at least 2 nodes',
      },
      journey: {
        text: 'What just happened: the API server stored the Deployment in etcd; the Deployment controller made a ReplicaSet; the ReplicaSet controller made three pods; the scheduler bound each to a node; each node’s kubelet had the runtime pull the image and start the container.',
      },
    },
  },
  'self-healing': {
    title: 'Self-healing',
    summary: 'Kill a container and watch the node’s kubelet bring it back.',
    steps: {
      desired: {
        text: 'Kubernetes keeps comparing what you asked for with what is there, and fixes any difference. A crashed container is restarted; a missing pod is replaced.',
      },
      webReady,
      predictKill: {
        question: 'The nginx container inside one `web` pod is killed. What happens?',
        choices: { restart: 'The kubelet restarts the container in the same pod', newPod: 'The ReplicaSet creates a new pod', nothing: 'Nothing, until someone restarts it' },
        why: {
          restart: 'Right: the pod’s restartPolicy is Always, so its node’s kubelet restarts the container and counts a restart.',
          newPod: 'The pod itself still exists, so the ReplicaSet has nothing to replace. Restarting the container is the kubelet’s job.',
          nothing: 'Nobody needs to act: the kubelet watches its containers and restarts them itself.',
        },
      },
      killContainer: {
        text: 'In the failure panel, inject “Kill container” into a `web` pod. Watch the pod’s restart count.',
        check: 'A web pod is Ready again after a restart',
      },
      deletePod: {
        text: 'Try deleting a whole pod too (“Delete pod”): this time the ReplicaSet notices one pod is missing and creates a new one, with a new name.',
      },
    },
  },
  'node-failure': {
    title: 'When a node dies',
    summary: 'Power off a worker and see when its pods come back elsewhere.',
    steps: {
      heartbeats: {
        text: 'Each kubelet sends a heartbeat. When a node stops sending them, the node controller marks it NotReady and taints it. Pods may tolerate that taint for a while before they are evicted.',
      },
      webReady,
      predictWhen: {
        question: 'You power off a worker that runs a `web` pod. When is that pod replaced on another node?',
        choices: { now: 'Immediately', notReady: 'About 50 seconds later, when the node turns NotReady', eviction: 'About 5 minutes later' },
        why: {
          now: 'Nobody knows at once that the node is gone: it has just stopped sending heartbeats.',
          notReady: 'At about 50 s the node turns NotReady, but its pods tolerate that for another 300 s (in case the node comes back).',
          eviction: 'Right: about 50 s to notice, plus the 300 s that pods tolerate a NotReady node by default, then eviction and a replacement.',
        },
      },
      powerOff: {
        text: 'The clock now runs at 20×. In the failure panel, power off the chosen node. Watch it turn NotReady, then wait for the eviction.',
        check: 'A web pod was evicted from the dead node and 3 are Ready elsewhere',
      },
      powerOn: {
        text: 'Power the node back on: in the failure panel’s “In effect” list, undo the power-off. Its kubelet registers again; the evicted pod is finally removed, and nothing moves back on its own.',
        check: 'Every node is Ready again',
      },
    },
  },
  scaling: {
    title: 'Scaling by hand',
    summary: 'Change the replica count; the scheduler places the new pods.',
    steps: {
      replicas: {
        text: 'Scaling out means more replicas. You change one number; the ReplicaSet creates or removes pods to match it.',
      },
      webReady,
      predictPlacement: {
        question: 'You scale `web` from 3 to 5. Where do the two new pods go?',
        choices: { same: 'All on one node', spread: 'Spread over the workers', controlPlane: 'On the control-plane node' },
        why: {
          same: 'The scheduler scores nodes: it prefers spreading a Deployment’s pods and nodes with more free room.',
          spread: 'Right: spreading means one broken node takes only a few copies with it.',
          controlPlane: 'The control-plane node carries a NoSchedule taint, so ordinary pods stay off it.',
        },
      },
      scaleUp: {
        text: 'In the console, type `kubectl scale deployment web --replicas=5`.',
        check: '5 web replicas Ready on 3 nodes',
      },
      scaleDown: {
        text: 'Now scale back: `kubectl scale deployment web --replicas=3`. Watch which pods go.',
        check: 'web asks for 3 replicas and has 3 Ready',
      },
    },
  },
  autoscaling: {
    title: 'Autoscaling with the HPA',
    summary: 'Let the HorizontalPodAutoscaler set the replica count from CPU use.',
    steps: {
      hpa: {
        text: 'The HorizontalPodAutoscaler (HPA) checks the pods’ CPU use every 15 seconds and sets the replica count so that the average use meets a target (a percentage of what each pod requests).',
      },
      webReady,
      autoscale: {
        text: 'In the console, type `kubectl autoscale deployment web --cpu-percent=50 --min=3 --max=6`.',
        check: 'An HPA targets web',
      },
      predictDesired: {
        question: 'Every `web` pod now uses 90% of its CPU request, and the target is 50%. How many replicas will the HPA ask for?',
        choices: { four: '4', six: '6', ten: '10' },
        why: {
          four: 'The formula is replicas × use ÷ target: 3 × 90 ÷ 50 = 5.4, rounded up to 6.',
          six: 'Right: 3 × 90 ÷ 50 = 5.4, rounded up to 6, which is also the maximum you set.',
          ten: 'The HPA never goes beyond `--max`, here 6.',
        },
      },
      load: {
        text: 'The clock runs at 10×. In the failure panel, put a CPU load of 90% on `deployment/default/web` and watch the replica count on the Deployment.',
        check: 'The HPA scaled web above 3 replicas',
      },
      cleanup: {
        text: 'Tidy up for the next lessons: undo the CPU load in the failure panel’s “In effect” list, then type `kubectl delete hpa web`.',
        check: 'The web HPA is gone',
      },
    },
  },
  services: {
    title: 'Services and discovery',
    summary: 'A stable name and address in front of pods that come and go.',
    steps: {
      movingTargets: {
        text: 'Pods come and go, and each new pod gets a new IP address. A Service gives a group of pods (chosen by label) one stable address and DNS name. Its list of endpoints follows the pods.',
      },
      webReady,
      endpoints: {
        text: 'In the console, type `kubectl get endpointslices` to see the addresses behind the `web` Service.',
        check: 'The web Service has 3 ready endpoints',
      },
      predictReadiness: {
        question: 'One `web` pod’s readiness probe starts failing. What happens to it?',
        choices: { restart: 'The kubelet restarts it', outOfRotation: 'It keeps running but gets no traffic from the Service', replaced: 'It is deleted and replaced' },
        why: {
          restart: 'Restarting is what a failing liveness probe causes. Readiness only decides whether the pod gets traffic.',
          outOfRotation: 'Right: the endpoint is marked not ready, and kube-proxy stops sending it requests until it recovers.',
          replaced: 'The pod is still there and running, so nothing replaces it.',
        },
      },
      failReadiness: {
        text: 'In the failure panel, inject “Fail readiness probe” into a `web` pod and watch the Service’s endpoints.',
        check: 'One web endpoint is out of rotation while the others serve',
      },
      dns: {
        text: 'Inside the cluster, other pods reach the Service by name: `web`, or in full `web.default.svc.cluster.local`. CoreDNS answers with the Service’s address. Undo the readiness fault in “In effect” before you go on.',
      },
    },
  },
  'rolling-update': {
    title: 'Rolling updates',
    summary: 'Replace pods a few at a time, so the app never goes down.',
    steps: {
      strategy: {
        text: 'Change a Deployment’s image and it starts a new ReplicaSet, moving pods over a few at a time. `maxSurge` says how many extra pods may exist; `maxUnavailable` how many may be missing (both 25% by default).',
      },
      webReady,
      predictAvailable: {
        question: 'web has 3 replicas and the default strategy. During the update, how many pods stay available at the least?',
        choices: { three: '3: it never goes below', two: '2', zero: '0 for a moment' },
        why: {
          three: 'Right: 25% of 3 rounds down to 0 unavailable, and maxSurge rounds up to 1 extra, so a new pod must be Ready before an old one goes.',
          two: 'maxUnavailable rounds down: 25% of 3 is 0.75, which becomes 0.',
          zero: 'That is the Recreate strategy. A rolling update keeps the app serving throughout.',
        },
      },
      setImage: {
        text: 'In the console, type `kubectl set image deployment/web nginx=nginx:1.28`, then `kubectl rollout status deployment/web`.',
        check: 'All 3 web replicas run nginx:1.28',
      },
      history: {
        text: 'Every change is a revision: `kubectl rollout history deployment/web` lists them. The old ReplicaSet is kept (with 0 pods), ready for a rollback.',
      },
    },
  },
  rollback: {
    title: 'Rolling back',
    summary: 'A bad image stalls the rollout; undo brings the previous version back.',
    steps: {
      mistakes: {
        text: 'Mistakes happen: a typo in an image tag, a version that crashes. A rolling update stops making things worse on its own, and `kubectl rollout undo` goes back to the previous revision.',
      },
      webReady,
      predictBadImage: {
        question: 'You set `web` to an image tag that does not exist. What happens to the old pods?',
        choices: { allDown: 'They are all replaced, and the app goes down', oldKeep: 'They keep serving; the new pod is stuck', autoUndo: 'Kubernetes undoes the change by itself' },
        why: {
          allDown: 'An old pod goes only once a new one is Ready, and the new one never becomes Ready.',
          oldKeep: 'Right: the new pod waits in ImagePullBackOff and the rollout stalls, but the old pods serve on.',
          autoUndo: 'Kubernetes does not roll back by itself: the rollout just stops progressing. Undoing is your decision.',
        },
      },
      badImage: {
        text: 'In the console, type `kubectl set image deployment/web nginx=nginx:1.99` and look at the new pod.',
        check: 'A web pod cannot pull its image',
      },
      undo: {
        text: 'Now type `kubectl rollout undo deployment/web` and watch the stuck pod go.',
        check: 'web is back on a working image, rollout complete',
      },
    },
  },
  configuration: {
    title: 'ConfigMaps and Secrets',
    summary: 'Keep settings out of the image and hand them to pods.',
    steps: {
      separate: {
        text: 'The same image should run in testing and in production. What differs (addresses, feature switches, passwords) goes in a ConfigMap, or a Secret for sensitive values, and the pod reads it as environment variables or files.',
      },
      applyShop: {
        text: 'Open the manifest: a ConfigMap, a Secret and a `shop` Deployment that reads both with `envFrom`. Press Apply.',
        check: 'A Ready shop pod reads shop-config and shop-secret',
      },
      predictChange: {
        question: 'You change `GREETING` in the ConfigMap. What do the running shop containers see?',
        choices: { instant: 'The new value, at once', onRestart: 'The old value, until the pods restart', autoRestart: 'Kubernetes restarts the pods for you' },
        why: {
          instant: 'Environment variables are read once, when the container starts. (Files from a mounted ConfigMap do update, after a delay.)',
          onRestart: 'Right: environment variables are set when the container starts, so the pods need a restart.',
          autoRestart: 'Kubernetes does not link a ConfigMap change to a restart. You trigger it yourself.',
        },
      },
      restart: {
        text: 'Restart the pods the safe way, one at a time: `kubectl rollout restart deployment/shop`.',
        check: 'shop was restarted and the rollout is complete',
      },
      secrets: {
        text: 'A Secret is only base64-encoded, not encrypted: anyone who may read it sees the value. Protect it with access rules (RBAC) and encryption of etcd.',
      },
    },
  },
  resources: {
    title: 'Resources and bin packing',
    summary: 'Requests reserve room on a node; the scheduler fits pods like boxes.',
    steps: {
      requests: {
        text: 'A container’s `requests` reserve CPU and memory on its node: the scheduler places a pod only where the requests fit. `limits` cap what the container may actually use.',
      },
      predictFit: {
        question: 'The `big` Deployment asks for 4 replicas of 3 CPUs each. There are three workers with 4 CPUs. How many run?',
        choices: { four: '4: CPU is shared anyway', three: '3: one per worker', zero: '0: it does not fit at all' },
        why: {
          four: 'Requests are reservations: the scheduler adds them up per node, whether or not the CPU is busy.',
          three: 'Right: each worker has room for one 3-CPU pod; the fourth waits Pending with “Insufficient cpu”.',
          zero: 'Each pod is placed on its own: three of them find a worker with room.',
        },
      },
      applyBig: {
        text: 'Open `big` in the editor and press Apply. Click the Pending pod to read why it waits.',
        check: 'A big pod is Pending: Insufficient cpu',
      },
      binPacking: {
        text: 'Packing pods by their requests is like packing boxes into trucks: honest requests let the cluster use its machines well, and keep busy neighbours from starving each other.',
      },
      cleanup: {
        text: 'Free the room for the other lessons: `kubectl delete deployment big`.',
        check: 'The big Deployment is gone',
      },
    },
  },
  declarative: {
    title: 'What Kubernetes is not',
    summary: 'Not a script runner: control loops that keep making the world match your wish.',
    steps: {
      notOrchestrator: {
        text: 'Kubernetes is not a script that runs steps A, B, C in order. It is a set of independent control loops: each watches the current state, compares it with the desired state, and acts on the difference. No loop knows the others exist.',
      },
      openScenario: {
        text: 'Open the declarative-versus-script scenario: a script and a set of control loops set up the same app.',
        check: 'The declarative vs script scenario is open',
      },
      crashMidway: {
        text: 'Press Run, and while the script is still working, crash the web server. Which side puts it back without help?',
        check: 'The web server crashed during the run',
      },
      webReady,
      stopControllers: {
        text: 'Now take the loops away: in the failure panel, stop `kube-controller-manager`.',
        check: 'kube-controller-manager is stopped',
      },
      predictDelete: {
        question: 'With the controller-manager stopped, you delete a `web` pod. What happens?',
        choices: { replaced: 'A new pod replaces it right away', stays: 'It is gone, and nothing replaces it', apiRefuses: 'The API server refuses the delete' },
        why: {
          replaced: 'Replacing pods is the ReplicaSet controller’s job, and it runs inside the stopped controller-manager.',
          stays: 'Right: the desired state still says 3, but no loop is running to act on it.',
          apiRefuses: 'The API server works fine; only the controllers are stopped.',
        },
      },
      deletePod: {
        text: 'In the failure panel, inject “Delete pod” into a `web` pod.',
        check: 'web has fewer pods than it asks for, and nobody fixes it',
      },
      startControllers: {
        text: 'Start `kube-controller-manager` again and watch the missing pod come back.',
        check: 'The controllers run and web has 3 Ready replicas',
      },
      loops: {
        text: 'That is the whole idea: you declare what you want, and loops keep checking and correcting, however the world got out of shape. Kubernetes gives you the building blocks; it does not build your app, ship your code or pick your database.',
      },
    },
  },
};
