/**
 * What the presenter says at each step of each prepared demo, in both languages. Loaded only when
 * presenter mode is on (loadNarration.ts adds it to i18next as `presenter.steps`), so the first screen
 * does not carry it.
 */
export const narrationEn = {
  'self-healing': {
    intro: 'Three replicas of the Deployment run on the workers. Desired: 3. Actual: 3. Watch what happens when we take one away.',
    deletePod: 'We delete a pod. The ReplicaSet controller sees 2 where 3 are wanted and creates a new pod at once; the scheduler places it.',
    killContainer: 'Now we kill a container inside a pod. The pod stays; the kubelet on its node restarts the container and RESTARTS goes up by one.',
    outro: 'Nobody typed a repair command. Control loops compare desired with actual state and close the gap: that is self-healing.',
  },
  'node-failure': {
    intro: 'Three pods of the Deployment spread over the workers. Next, we pull the plug on the node that runs most of them.',
    powerOff: 'The node is powered off. Its kubelet stops sending heartbeats. Time now runs 10× faster so we do not wait five minutes.',
    notReady: 'About 40 seconds without a heartbeat: the node-lifecycle controller marks the node NotReady and taints it. Its pods still look Running: nobody can ask them.',
    evicted: 'After the 300-second toleration, the pods on the dead node are evicted; the ReplicaSet creates replacements on the healthy nodes.',
    powerOn: 'We power the node back on: it registers, turns Ready, and takes new pods again. The old ones are not moved back.',
  },
  'bad-rollout': {
    intro: 'The Deployment runs a good image. Now someone rolls out a tag that does not exist.',
    badImage: 'A new ReplicaSet starts with the bad image. Its pod cannot pull it: ErrImagePull, then ImagePullBackOff.',
    stuck: 'The rollout is stuck, but the old pods keep serving: maxUnavailable stops the Deployment from removing them before new ones are Ready.',
    undo: 'kubectl rollout undo puts the previous template back. The old ReplicaSet scales up again; the broken one scales to zero.',
    outro: 'Rolling updates fail safely, and one command goes back. The ReplicaSet history is what makes undo possible.',
  },
  hpa: {
    intro: 'We add a HorizontalPodAutoscaler: keep CPU around 50% of each pod’s request, with 1 to 6 pods.',
    load: 'We load the pods to 250% of their CPU request. Time runs 5× faster.',
    scaledUp: 'Every 15 seconds the HPA reads the CPU use and raises the replicas; the new pods share the load.',
    stopLoad: 'The load stops. The HPA waits out its 5-minute stabilization window before it scales back down, so a short dip does not shrink the app.',
    cleanup: 'We delete the HPA and go back to 3 replicas at normal speed.',
  },
  'scheduler-stopped': {
    intro: 'Three pods run. Now we stop kube-scheduler, the component that picks a node for each new pod.',
    stop: 'kube-scheduler is stopped. Running pods are not affected: nothing needs scheduling yet.',
    scale: 'We scale to 5 replicas. The ReplicaSet creates 2 pods, but no one assigns them a node: they stay Pending. Click one to see why.',
    start: 'We start the scheduler again. It finds the Pending pods and binds them within a second.',
    outro: 'We scale back to 3. Each component does one job; when one stops, exactly that job stops.',
  },
};

export type Narration = typeof narrationEn;

export const narrationKo: Narration = {
  'self-healing': {
    intro: 'Deployment의 복제본 3개가 워커에서 돌고 있습니다. 원하는 수 3, 실제 수 3. 하나를 없애면 어떻게 되는지 봅시다.',
    deletePod: 'Pod 하나를 지웁니다. ReplicaSet 컨트롤러가 3개를 원하는데 2개뿐인 것을 보고 곧바로 새 Pod를 만들고, 스케줄러가 자리를 정합니다.',
    killContainer: '이번에는 Pod 안의 컨테이너를 죽입니다. Pod는 그대로이고, 그 Node의 kubelet이 컨테이너를 다시 시작해 RESTARTS가 하나 늘어납니다.',
    outro: '아무도 복구 명령을 치지 않았습니다. 제어 루프가 원하는 상태와 실제 상태를 비교해 차이를 메웁니다. 이것이 자가 치유입니다.',
  },
  'node-failure': {
    intro: 'Deployment의 Pod 3개가 워커에 흩어져 있습니다. 이제 가장 많이 돌리는 Node의 전원을 뽑습니다.',
    powerOff: 'Node의 전원이 꺼졌습니다. kubelet이 하트비트를 보내지 못합니다. 5분을 기다리지 않도록 시간을 10배로 돌립니다.',
    notReady: '하트비트 없이 약 40초가 지나면 node-lifecycle 컨트롤러가 Node를 NotReady로 표시하고 taint를 붙입니다. Pod는 아직 Running으로 보입니다. 물어볼 방법이 없으니까요.',
    evicted: '300초의 허용 시간이 지나면 죽은 Node의 Pod가 축출되고, ReplicaSet이 건강한 Node에 대신할 Pod를 만듭니다.',
    powerOn: 'Node의 전원을 다시 켭니다. 등록되고 Ready가 되어 새 Pod를 다시 받습니다. 옮겨 간 Pod가 되돌아오지는 않습니다.',
  },
  'bad-rollout': {
    intro: 'Deployment는 정상 이미지로 돌고 있습니다. 이제 누군가 존재하지 않는 태그를 롤아웃합니다.',
    badImage: '잘못된 이미지로 새 ReplicaSet이 시작됩니다. 그 Pod는 이미지를 받지 못해 ErrImagePull, 이어서 ImagePullBackOff가 됩니다.',
    stuck: '롤아웃이 멈췄지만 기존 Pod는 계속 서비스합니다. maxUnavailable 덕분에 새 Pod가 Ready가 되기 전에는 기존 Pod를 지우지 않습니다.',
    undo: 'kubectl rollout undo가 이전 템플릿을 되돌려 놓습니다. 기존 ReplicaSet이 다시 늘어나고, 망가진 것은 0으로 줄어듭니다.',
    outro: '롤링 업데이트는 안전하게 실패하고, 명령 하나로 되돌아갑니다. 되돌리기가 가능한 것은 ReplicaSet 기록 덕분입니다.',
  },
  hpa: {
    intro: 'HorizontalPodAutoscaler를 추가합니다. Pod마다 요청량의 약 50% CPU를 유지하도록, Pod 1~6개 사이에서 조절합니다.',
    load: 'Pod에 CPU 요청량의 250% 부하를 겁니다. 시간은 5배로 흐릅니다.',
    scaledUp: '15초마다 HPA가 CPU 사용량을 읽고 replicas를 늘립니다. 새 Pod가 부하를 나눠 집니다.',
    stopLoad: '부하가 멈춥니다. HPA는 5분의 안정화 기간을 기다린 뒤에 줄입니다. 잠깐 줄어든 부하에 앱이 작아지지 않도록요.',
    cleanup: 'HPA를 지우고, 보통 속도에서 복제본 3개로 돌아갑니다.',
  },
  'scheduler-stopped': {
    intro: 'Pod 3개가 돌고 있습니다. 이제 새 Pod마다 Node를 골라 주는 kube-scheduler를 멈춥니다.',
    stop: 'kube-scheduler가 멈췄습니다. 이미 도는 Pod에는 영향이 없습니다. 아직 스케줄할 것이 없으니까요.',
    scale: '복제본을 5개로 늘립니다. ReplicaSet은 Pod 2개를 만들지만 Node를 정해 줄 주체가 없어 Pending으로 남습니다. 하나를 클릭해 이유를 보세요.',
    start: '스케줄러를 다시 시작합니다. Pending Pod를 찾아 1초 안에 Node에 배정합니다.',
    outro: '다시 3개로 줄입니다. 컴포넌트마다 맡은 일이 하나씩 있고, 하나가 멈추면 바로 그 일만 멈춥니다.',
  },
};
