/** Presenter mode and its prepared demos (merged into en.ts / ko.ts as `presenter`). */
export const presenterEn = {
  toggle: 'Presenter',
  toggleHint: 'Presenter mode: large type, high contrast, events as captions, prepared demos (P)',
  demos: 'Demos',
  demosLabel: 'Prepared demos',
  next: 'Next step',
  nextHint: 'Next step (N, → or a clicker’s Page Down)',
  finish: 'Finish',
  end: 'End demo',
  stepOf: 'Step {{step}} of {{total}}',
  running: 'Running…',
  missing: 'This step needs a {{what}} and the cluster has none. Create one (the starter app is the Deployment “web”) or end the demo.',
  captions: 'Latest events',
  noCaptions: 'Events will appear here as the cluster acts.',
  names: {
    'self-healing': 'Self-healing',
    'node-failure': 'Node failure',
    'bad-rollout': 'Bad rollout and undo',
    hpa: 'Autoscaling under load',
    'scheduler-stopped': 'Scheduler stopped',
  },
};

export type PresenterMessages = typeof presenterEn;

export const presenterKo: PresenterMessages = {
  toggle: '발표 모드',
  toggleHint: '발표 모드: 큰 글씨, 높은 대비, 이벤트 자막, 준비된 데모 (P)',
  demos: '데모',
  demosLabel: '준비된 데모',
  next: '다음 단계',
  nextHint: '다음 단계 (N, → 또는 리모컨의 Page Down)',
  finish: '마치기',
  end: '데모 끝내기',
  stepOf: '{{total}}단계 중 {{step}}단계',
  running: '실행 중…',
  missing: '이 단계에는 {{what}}이(가) 필요한데 클러스터에 없습니다. 하나 만들거나(처음 앱은 Deployment “web”입니다) 데모를 끝내세요.',
  captions: '최근 이벤트',
  noCaptions: '클러스터가 움직이면 여기에 이벤트가 나타납니다.',
  names: {
    'self-healing': '자가 치유',
    'node-failure': 'Node 장애',
    'bad-rollout': '잘못된 롤아웃과 되돌리기',
    hpa: '부하에 따른 오토스케일링',
    'scheduler-stopped': '스케줄러 중지',
  },
};
