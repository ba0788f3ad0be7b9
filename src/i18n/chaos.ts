/** Chaos mode's strings and the console's companion commands (merged into en.ts / ko.ts as `chaos`). */
export const chaosEn = {
  title: 'Chaos mode',
  toggle: 'Chaos mode',
  explain: 'Random faults at the chosen rate: killed containers, deleted pods, crash loops, failing probes, nodes powered off or cut off. Chaos heals what does not heal by itself and leaves kube-system, the control plane and most workers alone. The same seed replays the same faults.',
  rate: 'Rate',
  kinds: 'Faults chaos may inject',
  rateOption: '{{rate}} per minute',
  seed: 'Seed',
  on: 'On: {{rate}} faults per minute, seed {{seed}}',
  off: 'Off',
  next: 'next fault at {{time}}',
  injected_one: '{{count}} fault injected so far',
  injected_other: '{{count}} faults injected so far',
  pendingHeals_one: '{{count}} heal scheduled',
  pendingHeals_other: '{{count}} heals scheduled',
  log: 'What chaos did',
  noLog: 'Nothing yet.',
  actions: { inject: 'injected', heal: 'healed', skip: 'skipped' },
  skipped: 'nothing to break right now',
  failed: 'failed: {{error}}',
  console: {
    help: 'Faults and chaos: "fault NAME TARGET [key=value]" injects a failure (names: {{names}}); "chaos on [rate=N] [seed=N]", "chaos off" and "chaos status" control chaos mode. Tab completes fault names and their targets.',
  },
};

export type ChaosMessages = typeof chaosEn;

export const chaosKo: ChaosMessages = {
  title: '카오스 모드',
  toggle: '카오스 모드',
  explain: '정한 빈도로 무작위 장애를 일으킵니다. 컨테이너 종료, Pod 삭제, 크래시 루프, 프로브 실패, Node 전원 끄기나 네트워크 단절 같은 것들입니다. 저절로 낫지 않는 장애는 잠시 뒤 카오스가 직접 복구하며, kube-system과 컨트롤 플레인, 그리고 워커 과반은 건드리지 않습니다. 시드가 같으면 같은 장애가 그대로 다시 일어납니다.',
  rate: '빈도',
  kinds: '카오스가 일으킬 수 있는 장애',
  rateOption: '분당 {{rate}}회',
  seed: '시드',
  on: '켜짐: 분당 {{rate}}회, 시드 {{seed}}',
  off: '꺼짐',
  next: '다음 장애 {{time}}',
  injected_one: '지금까지 장애 {{count}}회 주입',
  injected_other: '지금까지 장애 {{count}}회 주입',
  pendingHeals_one: '복구 {{count}}건 예정',
  pendingHeals_other: '복구 {{count}}건 예정',
  log: '카오스 기록',
  noLog: '아직 없습니다.',
  actions: { inject: '주입', heal: '복구', skip: '건너뜀' },
  skipped: '지금은 망가뜨릴 대상이 없습니다',
  failed: '실패: {{error}}',
  console: {
    help: '장애와 카오스: "fault 이름 대상 [키=값]"으로 장애를 주입합니다(이름: {{names}}). "chaos on [rate=N] [seed=N]", "chaos off", "chaos status"로 카오스 모드를 켜고 끄고 상태를 봅니다. Tab으로 장애 이름과 대상을 완성할 수 있습니다.',
  },
};
