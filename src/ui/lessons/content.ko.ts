/** 강의 본문(한국어). `backtick`은 명령어와 이름을 코드로 표시합니다. */
import type { LessonTexts } from './lessonTypes';

const webReady = {
  text: '이 강의는 플레이그라운드가 처음부터 실행하는 nginx Deployment `web`을 사용합니다. 지웠다면 에디터에서 열고 적용(Apply)을 누르세요.',
  check: 'web 레플리카 3개가 Node 2개 이상에서 Ready',
};

export const lessonTextKo: LessonTexts = {
  'why-kubernetes': {
    title: '왜 쿠버네티스인가?',
    summary: '큰 서버 한 대의 큰 프로그램에서, 여러 머신에 흩어진 작은 조각들로.',
    steps: {
      monolith: {
        text: '모놀리스는 모든 일을 하나의 프로그램이 맡는 구조입니다. 한 줄만 고쳐도 전체를 다시 빌드하고 배포해야 하고, 해가 갈수록 내부가 서로 얽혀 갑니다.',
      },
      scale: {
        text: '트래픽이 늘면 스케일 업(더 좋은 서버로 교체: CPU와 메모리를 늘리지만, 더 큰 서버가 없으면 끝)이나 스케일 아웃(여러 서버에 복사본을 더 띄우기: 프로그램이 여러 개로 나뉘어 돌 수 있어야 가능)을 합니다.',
      },
      predictScale: {
        question: '해마다 블랙 프라이데이 트래픽이 두 배가 됩니다. 매년 계속 통하는 확장 방식은 무엇일까요?',
        choices: { up: '해마다 더 큰 서버를 산다', out: '평범한 서버를 늘려 복사본을 더 띄운다', rewrite: '프로그램을 더 빠르게 다시 짠다' },
        why: {
          up: '스케일 업에는 천장이 있습니다. 살 수 있는 가장 큰 머신이 한계이고, 가격은 성능보다 훨씬 빠르게 오릅니다.',
          out: '맞습니다. 머신을 더하는 데는 뚜렷한 한계가 없고, 한 대가 고장 나도 그 몫의 복사본만 잃습니다.',
          rewrite: '빨라지는 건 한 번뿐이고 트래픽은 계속 늘어납니다. 결국 용량을 더하는 방법이 필요합니다.',
        },
      },
      openEras: {
        text: '"시대별 변화(eras)" 시나리오를 열어 보세요. 같은 앱들을 물리 서버, 가상 머신, 컨테이너에 올렸을 때 머신 한 대에 앱이 몇 개나 들어가는지 비교해 봅니다.',
        check: 'eras 시나리오가 열림',
      },
      moreApps: {
        text: '"apps" 값을 30 이상으로 올려 보세요. 이제 시대마다 머신이 몇 대 필요하고, 그중 얼마나 놀고 있나요?',
        check: 'eras에서 앱 30개 이상 실행',
      },
      automation: {
        text: '수많은 작은 조각을 여러 머신에 손으로 배치하고, 재시작하고, 연결하기는 벅찹니다. 쿠버네티스가 이 일을 자동화합니다. 무엇을 실행할지 알려 주면 배치하고, 지켜보고, 고장 나면 고칩니다.',
      },
    },
  },
  microservices: {
    title: '모놀리스와 마이크로서비스',
    summary: '하나씩 따로 고치고, 배포하고, 늘릴 수 있는 작은 서비스들.',
    steps: {
      split: {
        text: '마이크로서비스는 모놀리스를 작은 프로그램들로 나눕니다. 각자 별도 프로세스로 돌고, 잘 정해진 API(HTTP나 메시지 큐)로 대화합니다. 그래서 서비스마다 따로 빌드하고, 배포하고, 확장할 수 있습니다.',
      },
      predictSpike: {
        question: '상품 카탈로그 서비스만 과부하입니다. 마이크로서비스라면 무엇을 늘릴까요?',
        choices: { whole: '모든 서비스를 한꺼번에', one: '카탈로그 서비스만', none: '없음: 마이크로서비스는 과부하가 없다' },
        why: {
          whole: '그건 모놀리스가 강요하는 방식입니다. 한 덩어리라 통째로 늘려야 하죠. 마이크로서비스는 바쁜 곳에만 자원을 쓸 수 있습니다.',
          one: '맞습니다. 바쁜 서비스의 복사본만 늘리고 나머지는 그대로 둡니다.',
          none: '어떤 서비스든 과부하가 날 수 있습니다. 다른 점은 문제가 된 서비스만 손볼 수 있다는 것입니다.',
        },
      },
      openScenario: {
        text: '모놀리스 대 마이크로서비스 시나리오를 여세요. 같은 쇼핑몰을 두 방식으로 만들어 나란히 놓았습니다.',
        check: '모놀리스 대 마이크로서비스 시나리오가 열림',
      },
      spike: {
        text: '모듈 하나에 부하를 몰아주고 지켜보세요. 모놀리스는 전체를 통째로 복제하고, 마이크로서비스는 바쁜 서비스만 복제합니다.',
        check: '부하 급증을 보냄',
      },
      environments: {
        text: '서비스가 수십 개면 필요한 라이브러리와 버전도 제각각입니다. 서비스마다 필요한 것을 모두 함께 묶어 두면 노트북, 테스트, 운영 어디서든 같은 환경에서 돌아갑니다.',
      },
      devops: {
        text: '데브옵스: 서비스를 만든 팀이 배포와 운영까지 맡습니다. 쿠버네티스 덕분에 개발자는 서버 하나하나를 몰라도 배포할 수 있고, 운영자는 앱이 아니라 클러스터를 돌봅니다.',
      },
    },
  },
  'containers-vs-vms': {
    title: '컨테이너와 가상 머신',
    summary: '둘 다 앱을 격리하지만, 하나는 OS를 통째로 들고 오고 다른 하나는 커널을 나눠 씁니다.',
    steps: {
      isolation: {
        text: '가상 머신은 하이퍼바이저 위에서 게스트 운영체제를 통째로 실행합니다. 컨테이너는 호스트의 평범한 프로세스이고, 호스트 커널이 직접 울타리를 쳐 줍니다. 부팅할 게스트 OS가 없습니다.',
      },
      predictDensity: {
        question: '같은 서버에 앱을 하나씩 담은 VM을 띄우거나, 컨테이너를 띄웁니다. 어느 쪽에 앱이 더 많이 들어갈까요?',
        choices: { vms: 'VM', containers: '컨테이너', same: '비슷하다' },
        why: {
          vms: 'VM마다 자기 OS를 들고 있어서, 앱이 뜨기도 전에 메모리와 CPU를 씁니다.',
          containers: '맞습니다. 컨테이너는 호스트 커널을 함께 쓰므로, 게스트 OS가 먹었을 메모리를 앱이 쓸 수 있습니다.',
          same: '차이는 게스트 운영체제에서 납니다. 컨테이너에는 그 비용이 아예 없습니다.',
        },
      },
      openScenario: {
        text: 'VM 대 컨테이너 시나리오를 열고, 시작 시간과 머신 한 대에 들어가는 앱 수를 비교해 보세요.',
        check: 'VM 대 컨테이너 시나리오가 열림',
      },
      mechanisms: {
        text: '컨테이너는 리눅스의 두 기능으로 만들어집니다. 네임스페이스는 프로세스에게 자기만의 시야(프로세스 목록, 네트워크, 호스트 이름, 파일)를 주고, cgroup은 쓸 수 있는 CPU와 메모리를 제한합니다. 다만 커널 하나를 함께 쓰므로 격리는 VM보다 얇습니다.',
      },
      predictLimits: {
        question: '컨테이너들이 머신 한 대를 함께 씁니다. 앱 하나가 갑자기 CPU를 몽땅 원하고, 아무 제한도 없습니다. 옆의 앱들은 어떻게 될까요?',
        choices: { same: '아무 일 없다: 컨테이너는 격리되어 있다', starved: '느려진다: 그 앱이 CPU를 빼앗는다', crash: '모두 죽는다' },
        why: {
          same: '네임스페이스는 앱끼리 서로 보이지 않게 할 뿐, CPU를 나눠 주지는 않습니다. 그건 cgroup 제한이 하는 일입니다.',
          starved: '맞습니다. cgroup 제한이 없으면 욕심 많은 프로세스가 다른 앱에 필요한 CPU 시간을 가져가 모두 느려집니다.',
          crash: 'CPU가 모자라면 프로그램은 느려질 뿐 죽지는 않습니다. (메모리가 바닥나면 얘기가 다릅니다: 그때는 죽습니다.)',
        },
      },
      limitsOff: {
        text: 'eras 시나리오에서 컨테이너 제한(limits)을 끄고, 부하 급증을 일으킨 뒤 컨테이너 쪽을 지켜보세요. 다 보면 제한을 다시 켜 두세요.',
        check: 'eras에서 컨테이너 제한이 꺼짐',
      },
    },
  },
  'images-and-registries': {
    title: '이미지와 레지스트리',
    summary: '이미지는 층층이 쌓아 포장한 앱이고, 레지스트리는 그것을 보관하고 내려 줍니다.',
    steps: {
      layers: {
        text: '이미지에는 앱과 앱에 필요한 모든 것이 읽기 전용 레이어로 쌓여 있습니다. 같은 베이스로 만든 이미지들은 레이어를 공유하므로, 공유 레이어는 머신마다 한 번만 받으면 됩니다. 레지스트리(Docker Hub 등)는 이미지를 보관하고, Node는 여기서 이미지를 내려받습니다(pull).',
      },
      openScenario: {
        text: '이미지 레이어 시나리오를 여세요. 빌드 머신, 레지스트리, Node가 있고 레이어가 그림으로 보입니다.',
        check: '이미지 레이어 시나리오가 열림',
      },
      push: {
        text: '이미지를 빌드해 레지스트리에 푸시하세요. 그다음 코드를 고쳐 다시 빌드하고 푸시하면, 바뀐 레이어만 올라갑니다.',
        check: '레지스트리에 이미지를 푸시함',
      },
      webReady,
      predictPull: {
        question: '워커에서는 이미 `web` Pod가 `nginx:1.27`로 돌고 있습니다. 같은 이미지로 Pod를 하나 더 띄우면, 그 Node는 무엇을 내려받을까요?',
        choices: { full: '이미지 전체를 다시', layers: '바뀐 레이어만', none: '아무것도: 이미지가 이미 있다' },
        why: {
          full: 'Node는 이미지를 캐시합니다. 기본 pull 정책(IfNotPresent, `latest`가 아닌 태그)에서는 캐시된 이미지를 그대로 씁니다.',
          layers: '그건 이미지의 새 버전을 받을 때의 이야기입니다. 지금은 똑같은 이미지가 이미 캐시에 있습니다.',
          none: '맞습니다. kubelet이 Node에서 이미지를 찾아 곧바로 컨테이너를 시작합니다.',
        },
      },
      runCached: {
        text: '콘솔을 열고 `kubectl run cached --image=nginx:1.27`을 입력하세요. 그다음 `kubectl describe pod cached`로 이벤트를 확인합니다.',
        check: 'kubelet이 이미지가 Node에 이미 있다고 보고함',
      },
      portability: {
        text: '이미지에는 앱의 파일이 들어 있지 커널은 없습니다. 그래서 커널과 CPU 아키텍처가 맞는 머신에서만 돕니다. ARM용으로 빌드한 이미지는 x86 서버에서 실행되지 않습니다.',
      },
    },
  },
  'cluster-architecture': {
    title: '클러스터의 구성 요소',
    summary: '컨트롤 플레인은 결정하고, Node는 실행합니다. 스케줄러를 멈추고 확인해 봅니다.',
    steps: {
      controlPlane: {
        text: '컨트롤 플레인(보라색 상자): `kube-apiserver`는 유일한 출입구로 모든 요청이 이곳을 거칩니다. `etcd`는 클러스터 전체 상태를 저장합니다. `kube-scheduler`는 새 Pod마다 Node를 고릅니다. `kube-controller-manager`는 요청한 상태와 실제 상태를 계속 맞추는 컨트롤러들을 실행합니다.',
      },
      nodes: {
        text: '워커 Node마다 `kubelet`(Node의 에이전트: Pod를 띄우고, 프로브를 돌리고, 상태를 보고), 이미지를 받아 컨테이너를 실행하는 컨테이너 런타임, Service로 가는 트래픽을 전달하는 `kube-proxy`가 있습니다.',
      },
      followJourney: {
        text: '이제 구성 요소들이 함께 일하는 모습을 봅시다. 버튼을 누르면 작은 Deployment와 Service가 적용되고, 클러스터가 그것을 처리하는 구성 요소를 차례대로, 각자 무엇을 기록했는지와 함께 남깁니다. 요청이 Pod에 도착하는 마지막 단계까지 하나씩 넘겨 보세요(다음 버튼 또는 → 키).',
        check: '여정을 마지막 단계까지 따라갔습니다',
      },
      stopScheduler: {
        text: '장애 패널을 열고 `kube-scheduler`를 멈추세요(컨트롤 플레인 → 컴포넌트 중지).',
        check: 'kube-scheduler가 멈춤',
      },
      predictPending: {
        question: '스케줄러가 멈춘 상태에서 새 Pod를 만들면 어떻게 될까요?',
        choices: { runs: '어느 Node의 kubelet이든 알아서 실행한다', pending: '저장은 되지만 Node 없이 Pending으로 기다린다', refused: 'API 서버가 거절한다' },
        why: {
          runs: 'kubelet은 자기 Node에 배정된 Pod만 실행하고, 배정은 스케줄러의 일입니다.',
          pending: '맞습니다. API 서버는 Pod를 저장하지만 Node를 정해 줄 주체가 없어 Pending으로 남습니다.',
          refused: 'API 서버는 멀쩡히 돌며 Pod를 받아 줍니다. 다만 배치해 줄 주체가 없을 뿐입니다.',
        },
      },
      runPod: {
        text: '콘솔에 `kubectl run hello --image=nginx:1.27`을 입력하고 캔버스에서 Pod를 찾아보세요.',
        check: '스케줄러가 멈춘 동안 `hello`가 Pending으로 대기',
      },
      startScheduler: {
        text: '장애 패널에서 `kube-scheduler`를 다시 시작하고, `hello`가 Node를 배정받는 모습을 지켜보세요.',
        check: '스케줄러가 돌고 `hello`가 Ready',
      },
    },
  },
  'first-app': {
    title: '첫 번째 앱',
    summary: '매니페스트로 원하는 상태를 적으면, 쿠버네티스가 실행 중인 Pod로 만들어 줍니다.',
    steps: {
      manifest: {
        text: '쿠버네티스에게 할 일을 한 단계씩 지시하지 않습니다. 원하는 결과를 매니페스트(YAML)로 적을 뿐입니다. Deployment에는 실행할 이미지와 복사본(레플리카) 수를 적고, 복사본 하나하나가 Pod로 실행됩니다.',
      },
      predictPods: {
        question: '`hello` Deployment가 `replicas: 3`을 요청합니다. 캔버스에는 무엇이 나타날까요?',
        choices: { one: '컨테이너 3개가 든 Pod 1개', three: '워커들에 흩어진 Pod 3개', none: '직접 시작하기 전에는 아무것도' },
        why: {
          one: '레플리카는 Pod 안의 컨테이너가 아니라 Pod 하나하나입니다.',
          three: '맞습니다. ReplicaSet이 Pod 3개를 만들고, 스케줄러가 워커들에 나눠 배치합니다.',
          none: '적용만 하면 됩니다. 컨트롤러들이 선언된 내용을 보고 움직이므로 따로 시작 명령이 없습니다.',
        },
      },
      applyHello: {
        text: '에디터에서 매니페스트를 열어 읽어 본 뒤 적용(Apply)을 누르세요. Pod가 Pending에서 Running으로 바뀌는 것을 지켜봅니다.',
        check: 'hello 레플리카 3개가 Node 2개 이상에서 Ready',
      },
      journey: {
        text: '방금 일어난 일: API 서버가 Deployment를 etcd에 저장했고, Deployment 컨트롤러가 ReplicaSet을, ReplicaSet 컨트롤러가 Pod 3개를 만들었습니다. 스케줄러가 각 Pod를 Node에 배정하자, 그 Node의 kubelet이 런타임에게 이미지를 받아 컨테이너를 시작하게 했습니다.',
      },
    },
  },
  'self-healing': {
    title: '자가 치유',
    summary: '컨테이너를 죽이고, Node의 kubelet이 되살리는 모습을 봅니다.',
    steps: {
      desired: {
        text: '쿠버네티스는 요청받은 상태와 실제 상태를 끊임없이 비교하고, 차이가 보이면 고칩니다. 죽은 컨테이너는 재시작하고, 사라진 Pod는 새로 만듭니다.',
      },
      webReady,
      predictKill: {
        question: '`web` Pod 하나에서 nginx 컨테이너가 죽었습니다. 어떻게 될까요?',
        choices: { restart: 'kubelet이 같은 Pod 안에서 컨테이너를 재시작한다', newPod: 'ReplicaSet이 새 Pod를 만든다', nothing: '누군가 손대기 전까지 그대로다' },
        why: {
          restart: '맞습니다. Pod의 restartPolicy가 Always이므로, Node의 kubelet이 컨테이너를 재시작하고 재시작 횟수를 셉니다.',
          newPod: 'Pod 자체는 그대로 있으니 ReplicaSet이 대신할 것이 없습니다. 컨테이너 재시작은 kubelet의 몫입니다.',
          nothing: '사람이 나설 필요가 없습니다. kubelet이 컨테이너를 지켜보다가 스스로 재시작합니다.',
        },
      },
      killContainer: {
        text: '장애 패널에서 `web` Pod 하나에 "컨테이너 종료"를 주입하고, Pod의 재시작 횟수를 지켜보세요.',
        check: '재시작한 web Pod가 다시 Ready',
      },
      deletePod: {
        text: 'Pod를 통째로 지워 보기도 하세요("Pod 삭제"). 이번에는 ReplicaSet이 Pod 하나가 모자란 것을 알아채고 새 이름으로 새 Pod를 만듭니다.',
      },
    },
  },
  'node-failure': {
    title: 'Node가 죽으면',
    summary: '워커 전원을 끄고, 그 Pod들이 언제 다른 곳에서 돌아오는지 봅니다.',
    steps: {
      heartbeats: {
        text: 'kubelet은 주기적으로 하트비트를 보냅니다. 하트비트가 끊기면 Node 컨트롤러가 Node를 NotReady로 표시하고 테인트를 붙입니다. Pod는 이 테인트를 한동안 견딘(toleration) 뒤에 축출됩니다.',
      },
      webReady,
      predictWhen: {
        question: '`web` Pod가 돌고 있는 워커의 전원을 끕니다. 그 Pod는 언제 다른 Node에서 새로 뜰까요?',
        choices: { now: '즉시', notReady: '약 50초 뒤, Node가 NotReady가 될 때', eviction: '약 5분 뒤' },
        why: {
          now: 'Node가 사라졌다는 사실을 곧바로 아는 주체는 없습니다. 그저 하트비트가 멈췄을 뿐입니다.',
          notReady: '약 50초면 Node가 NotReady가 되지만, Node가 돌아올 수도 있으니 Pod는 300초를 더 견딥니다.',
          eviction: '맞습니다. 알아채는 데 약 50초, Pod가 NotReady Node를 기본으로 견디는 300초가 지나야 축출되고 대체됩니다.',
        },
      },
      powerOff: {
        text: '시계가 이제 20배속으로 흐릅니다. 장애 패널에서 선택된 Node의 전원을 끄세요. Node가 NotReady로 바뀐 뒤 축출될 때까지 기다립니다.',
        check: '죽은 Node에서 web Pod가 축출되고 다른 곳에서 3개가 Ready',
      },
      powerOn: {
        text: 'Node 전원을 다시 켜세요. 장애 패널의 "적용 중" 목록에서 전원 끄기를 되돌립니다. kubelet이 다시 등록되고 축출된 Pod가 마침내 정리되지만, 다른 곳으로 옮겨 간 Pod가 저절로 돌아오지는 않습니다.',
        check: '모든 Node가 다시 Ready',
      },
    },
  },
  scaling: {
    title: '직접 확장하기',
    summary: '레플리카 수를 바꾸면 스케줄러가 새 Pod를 배치합니다.',
    steps: {
      replicas: {
        text: '스케일 아웃은 레플리카를 늘리는 것입니다. 숫자 하나만 바꾸면 ReplicaSet이 그 수에 맞게 Pod를 만들거나 지웁니다.',
      },
      webReady,
      predictPlacement: {
        question: '`web`을 3개에서 5개로 늘립니다. 새 Pod 2개는 어디로 갈까요?',
        choices: { same: '모두 한 Node로', spread: '워커들에 나뉘어', controlPlane: '컨트롤 플레인 Node로' },
        why: {
          same: '스케줄러는 Node에 점수를 매깁니다. 한 Deployment의 Pod를 흩어 놓고, 여유가 많은 Node를 선호합니다.',
          spread: '맞습니다. 흩어 두면 Node 하나가 고장 나도 잃는 복사본이 적습니다.',
          controlPlane: '컨트롤 플레인 Node에는 NoSchedule 테인트가 있어서 일반 Pod는 올라가지 않습니다.',
        },
      },
      scaleUp: {
        text: '콘솔에 `kubectl scale deployment web --replicas=5`를 입력하세요.',
        check: 'web 레플리카 5개가 Node 3개에서 Ready',
      },
      scaleDown: {
        text: '이제 다시 줄여 봅니다: `kubectl scale deployment web --replicas=3`. 어느 Pod가 사라지는지 보세요.',
        check: 'web이 레플리카 3개를 요청하고 3개가 Ready',
      },
    },
  },
  autoscaling: {
    title: 'HPA로 자동 확장하기',
    summary: 'HorizontalPodAutoscaler가 CPU 사용량을 보고 레플리카 수를 정하게 합니다.',
    steps: {
      hpa: {
        text: 'HorizontalPodAutoscaler(HPA)는 15초마다 Pod의 CPU 사용량을 확인하고, 평균 사용량이 목표(각 Pod가 요청한 양의 몇 퍼센트)에 맞도록 레플리카 수를 정합니다.',
      },
      webReady,
      autoscale: {
        text: '콘솔에 `kubectl autoscale deployment web --cpu-percent=50 --min=3 --max=6`을 입력하세요.',
        check: 'web을 대상으로 하는 HPA가 있음',
      },
      predictDesired: {
        question: '`web` Pod마다 CPU 요청량의 90%를 쓰고 있고, 목표는 50%입니다. HPA는 레플리카를 몇 개로 정할까요?',
        choices: { four: '4개', six: '6개', ten: '10개' },
        why: {
          four: '공식은 레플리카 수 × 사용률 ÷ 목표입니다. 3 × 90 ÷ 50 = 5.4이고, 올림하면 6입니다.',
          six: '맞습니다. 3 × 90 ÷ 50 = 5.4를 올림해 6이고, 마침 지정한 최대값이기도 합니다.',
          ten: 'HPA는 `--max`(여기서는 6)를 넘지 않습니다.',
        },
      },
      load: {
        text: '시계가 10배속으로 흐릅니다. 장애 패널에서 `deployment/default/web`에 CPU 부하 90%를 걸고, Deployment의 레플리카 수를 지켜보세요.',
        check: 'HPA가 web을 3개보다 많이 늘림',
      },
      cleanup: {
        text: '다음 강의를 위해 정리합니다. 장애 패널의 "적용 중" 목록에서 CPU 부하를 되돌리고, `kubectl delete hpa web`을 입력하세요.',
        check: 'web HPA가 삭제됨',
      },
    },
  },
  services: {
    title: 'Service와 서비스 디스커버리',
    summary: '생겼다 사라지는 Pod들 앞에 변하지 않는 이름과 주소를 둡니다.',
    steps: {
      movingTargets: {
        text: 'Pod는 생겼다 사라지고, 새 Pod는 새 IP를 받습니다. Service는 레이블로 고른 Pod 묶음에 변하지 않는 주소와 DNS 이름을 하나 붙여 줍니다. 엔드포인트 목록은 Pod를 따라 바뀝니다.',
      },
      webReady,
      endpoints: {
        text: '콘솔에 `kubectl get endpointslices`를 입력해 `web` Service 뒤에 있는 주소들을 확인하세요.',
        check: 'web Service에 준비된 엔드포인트 3개',
      },
      predictReadiness: {
        question: '`web` Pod 하나의 readiness 프로브가 실패하기 시작합니다. 그 Pod는 어떻게 될까요?',
        choices: { restart: 'kubelet이 재시작한다', outOfRotation: '계속 돌지만 Service가 트래픽을 보내지 않는다', replaced: '삭제되고 새 Pod로 바뀐다' },
        why: {
          restart: '재시작은 liveness 프로브가 실패했을 때 일어납니다. readiness는 트래픽을 받을지만 정합니다.',
          outOfRotation: '맞습니다. 엔드포인트가 준비 안 됨으로 표시되고, 회복할 때까지 kube-proxy가 요청을 보내지 않습니다.',
          replaced: 'Pod는 그대로 살아 있으니 대체될 일이 없습니다.',
        },
      },
      failReadiness: {
        text: '장애 패널에서 `web` Pod 하나에 "readiness 프로브 실패"를 주입하고, Service의 엔드포인트를 지켜보세요.',
        check: 'web 엔드포인트 하나가 빠지고 나머지가 트래픽을 받음',
      },
      dns: {
        text: '클러스터 안의 다른 Pod는 이름으로 Service를 찾습니다: `web`, 전체 이름은 `web.default.svc.cluster.local`. CoreDNS가 Service 주소로 답합니다. 다음으로 넘어가기 전에 "적용 중"에서 readiness 장애를 되돌려 두세요.',
      },
    },
  },
  'rolling-update': {
    title: '롤링 업데이트',
    summary: 'Pod를 몇 개씩 바꿔 가며, 앱이 멈추지 않게 업데이트합니다.',
    steps: {
      strategy: {
        text: 'Deployment의 이미지를 바꾸면 새 ReplicaSet이 생기고, Pod가 몇 개씩 옮겨 갑니다. `maxSurge`는 추가로 더 띄울 수 있는 Pod 수, `maxUnavailable`은 빠져도 되는 Pod 수입니다(둘 다 기본 25%).',
      },
      webReady,
      predictAvailable: {
        question: 'web은 레플리카 3개에 기본 전략을 씁니다. 업데이트하는 동안 사용 가능한 Pod는 최소 몇 개일까요?',
        choices: { three: '3개: 그 아래로 내려가지 않는다', two: '2개', zero: '잠깐 0개' },
        why: {
          three: '맞습니다. 3의 25%는 내림해서 0개까지만 빠질 수 있고, maxSurge는 올림해 1개를 더 띄웁니다. 그래서 새 Pod가 Ready가 되어야 옛 Pod가 내려갑니다.',
          two: 'maxUnavailable은 내림합니다. 3의 25%인 0.75는 0이 됩니다.',
          zero: '그건 Recreate 전략입니다. 롤링 업데이트는 내내 서비스를 유지합니다.',
        },
      },
      setImage: {
        text: '콘솔에 `kubectl set image deployment/web nginx=nginx:1.28`을 입력한 뒤 `kubectl rollout status deployment/web`을 입력하세요.',
        check: 'web 레플리카 3개 모두 nginx:1.28로 실행',
      },
      history: {
        text: '변경할 때마다 리비전이 남습니다. `kubectl rollout history deployment/web`으로 목록을 볼 수 있습니다. 옛 ReplicaSet은 Pod 0개로 남아 있어 언제든 롤백할 수 있습니다.',
      },
    },
  },
  rollback: {
    title: '롤백',
    summary: '잘못된 이미지는 롤아웃을 멈추게 하고, undo로 이전 버전을 되살립니다.',
    steps: {
      mistakes: {
        text: '실수는 생깁니다. 이미지 태그 오타, 켜자마자 죽는 버전. 롤링 업데이트는 상황을 더 나쁘게 만들기 전에 스스로 멈추고, `kubectl rollout undo`로 이전 리비전으로 돌아갈 수 있습니다.',
      },
      webReady,
      predictBadImage: {
        question: '`web`을 존재하지 않는 이미지 태그로 바꿉니다. 기존 Pod들은 어떻게 될까요?',
        choices: { allDown: '모두 교체되어 앱이 멈춘다', oldKeep: '계속 서비스하고, 새 Pod만 막혀 있다', autoUndo: '쿠버네티스가 알아서 되돌린다' },
        why: {
          allDown: '옛 Pod는 새 Pod가 Ready가 되어야 내려가는데, 새 Pod는 끝내 Ready가 되지 않습니다.',
          oldKeep: '맞습니다. 새 Pod는 ImagePullBackOff로 기다리고 롤아웃은 멈추지만, 옛 Pod들은 계속 서비스합니다.',
          autoUndo: '쿠버네티스는 스스로 롤백하지 않습니다. 롤아웃이 진행을 멈출 뿐이고, 되돌릴지는 여러분이 정합니다.',
        },
      },
      badImage: {
        text: '콘솔에 `kubectl set image deployment/web nginx=nginx:1.99`를 입력하고 새 Pod를 살펴보세요.',
        check: 'web Pod 하나가 이미지를 받지 못함',
      },
      undo: {
        text: '이제 `kubectl rollout undo deployment/web`을 입력하고, 막혀 있던 Pod가 사라지는 것을 보세요.',
        check: 'web이 정상 이미지로 돌아오고 롤아웃 완료',
      },
    },
  },
  configuration: {
    title: 'ConfigMap과 Secret',
    summary: '설정은 이미지 밖에 두고 Pod에 넘겨줍니다.',
    steps: {
      separate: {
        text: '같은 이미지가 테스트에서도 운영에서도 돌아야 합니다. 환경마다 다른 것(주소, 기능 스위치, 비밀번호)은 ConfigMap에, 민감한 값은 Secret에 넣고, Pod는 환경 변수나 파일로 읽습니다.',
      },
      applyShop: {
        text: '매니페스트를 여세요. ConfigMap, Secret, 그리고 둘을 `envFrom`으로 읽는 `shop` Deployment입니다. 적용(Apply)을 누르세요.',
        check: 'Ready인 shop Pod가 shop-config와 shop-secret을 읽음',
      },
      predictChange: {
        question: 'ConfigMap의 `GREETING` 값을 바꿉니다. 실행 중인 shop 컨테이너에는 어떤 값이 보일까요?',
        choices: { instant: '바로 새 값', onRestart: 'Pod가 재시작될 때까지 옛 값', autoRestart: '쿠버네티스가 알아서 Pod를 재시작한다' },
        why: {
          instant: '환경 변수는 컨테이너가 시작할 때 한 번 읽힙니다. (볼륨으로 마운트한 ConfigMap 파일은 조금 늦게 갱신됩니다.)',
          onRestart: '맞습니다. 환경 변수는 컨테이너 시작 때 정해지므로 Pod를 재시작해야 합니다.',
          autoRestart: '쿠버네티스는 ConfigMap 변경과 재시작을 연결하지 않습니다. 재시작은 직접 해야 합니다.',
        },
      },
      restart: {
        text: 'Pod를 하나씩 안전하게 재시작하세요: `kubectl rollout restart deployment/shop`.',
        check: 'shop이 재시작되고 롤아웃 완료',
      },
      secrets: {
        text: 'Secret은 base64로 인코딩만 될 뿐 암호화되지 않습니다. 읽을 권한이 있으면 누구나 값을 봅니다. 접근 규칙(RBAC)과 etcd 암호화로 보호하세요.',
      },
    },
  },
  resources: {
    title: '리소스와 빈 패킹',
    summary: '요청량은 Node의 자리를 예약하고, 스케줄러는 상자를 쌓듯 Pod를 채웁니다.',
    steps: {
      requests: {
        text: '컨테이너의 `requests`는 Node의 CPU와 메모리를 예약합니다. 스케줄러는 요청량이 들어갈 자리가 있는 Node에만 Pod를 놓습니다. `limits`는 컨테이너가 실제로 쓸 수 있는 양의 상한입니다.',
      },
      predictFit: {
        question: '`big` Deployment가 CPU 3개짜리 레플리카 4개를 요청합니다. 워커는 CPU 4개짜리 3대입니다. 몇 개가 실행될까요?',
        choices: { four: '4개: 어차피 CPU는 나눠 쓴다', three: '3개: 워커마다 하나씩', zero: '0개: 아예 안 들어간다' },
        why: {
          four: '요청량은 예약입니다. CPU가 실제로 바쁘든 말든 스케줄러는 Node별로 요청량을 더합니다.',
          three: '맞습니다. 워커마다 CPU 3개짜리 Pod 하나만 들어가고, 네 번째는 "Insufficient cpu"로 Pending입니다.',
          zero: 'Pod는 하나씩 배치됩니다. 세 개는 자리가 있는 워커를 찾습니다.',
        },
      },
      applyBig: {
        text: '에디터에서 `big`을 열고 적용(Apply)을 누르세요. Pending Pod를 클릭해 왜 기다리는지 읽어 보세요.',
        check: 'big Pod 하나가 Pending: Insufficient cpu',
      },
      binPacking: {
        text: '요청량대로 Pod를 채우는 일은 트럭에 상자를 싣는 것과 같습니다. 요청량을 정직하게 적어야 클러스터가 머신을 알차게 쓰고, 바쁜 이웃이 서로를 굶기지 않습니다.',
      },
      cleanup: {
        text: '다른 강의를 위해 자리를 비우세요: `kubectl delete deployment big`.',
        check: 'big Deployment가 삭제됨',
      },
    },
  },
  declarative: {
    title: '쿠버네티스가 아닌 것',
    summary: '스크립트 실행기가 아니라, 세상을 원하는 모습에 계속 맞추는 제어 루프들.',
    steps: {
      notOrchestrator: {
        text: '쿠버네티스는 A, B, C 단계를 차례로 실행하는 스크립트가 아닙니다. 서로 독립된 제어 루프들의 모음입니다. 루프마다 현재 상태를 지켜보고, 원하는 상태와 비교해, 차이만큼 움직입니다. 다른 루프가 있다는 사실도 모릅니다.',
      },
      openScenario: {
        text: '선언형 대 스크립트 시나리오를 여세요. 스크립트와 제어 루프 묶음이 같은 앱을 각자 구성합니다.',
        check: '선언형 대 스크립트 시나리오가 열림',
      },
      crashMidway: {
        text: '실행(Run)을 누르고, 스크립트가 아직 도는 동안 웹 서버를 죽여 보세요. 어느 쪽이 도움 없이 되살릴까요?',
        check: '실행 도중 웹 서버가 죽음',
      },
      webReady,
      stopControllers: {
        text: '이번에는 루프를 없애 봅니다. 장애 패널에서 `kube-controller-manager`를 멈추세요.',
        check: 'kube-controller-manager가 멈춤',
      },
      predictDelete: {
        question: '컨트롤러 매니저가 멈춘 상태에서 `web` Pod를 하나 지웁니다. 어떻게 될까요?',
        choices: { replaced: '곧바로 새 Pod가 대신한다', stays: '사라진 채로, 아무것도 대신하지 않는다', apiRefuses: 'API 서버가 삭제를 거절한다' },
        why: {
          replaced: 'Pod를 채워 넣는 건 ReplicaSet 컨트롤러의 일이고, 그 컨트롤러는 멈춘 컨트롤러 매니저 안에 있습니다.',
          stays: '맞습니다. 원하는 상태는 여전히 3개지만, 그걸 보고 움직일 루프가 없습니다.',
          apiRefuses: 'API 서버는 멀쩡합니다. 멈춘 건 컨트롤러들뿐입니다.',
        },
      },
      deletePod: {
        text: '장애 패널에서 `web` Pod 하나에 "Pod 삭제"를 주입하세요.',
        check: 'web Pod가 요청보다 적은데 아무도 채우지 않음',
      },
      startControllers: {
        text: '`kube-controller-manager`를 다시 시작하고, 빠진 Pod가 돌아오는 것을 지켜보세요.',
        check: '컨트롤러가 돌고 web 레플리카 3개가 Ready',
      },
      loops: {
        text: '핵심은 이것입니다. 원하는 것을 선언하면, 세상이 어떻게 어긋났든 루프들이 계속 확인하고 바로잡습니다. 쿠버네티스는 기본 재료를 줄 뿐, 앱을 만들거나 코드를 배포하거나 데이터베이스를 골라 주지는 않습니다.',
      },
    },
  },
};
