/** Strings about how the cluster starts (merged into en.ts / ko.ts as `firstScreen`). */
export const firstScreenEn = {
  resetHint: 'Start the cluster from scratch and watch it come up',
  resetConfirm:
    'Start from scratch? The cluster boots again, and you watch the starter app being scheduled, its image pulled and its containers started. Everything you changed will be lost.',
};

export const firstScreenKo: typeof firstScreenEn = {
  resetHint: '클러스터를 처음부터 다시 띄워 올라오는 과정을 지켜봅니다',
  resetConfirm:
    '처음부터 다시 시작할까요? 클러스터가 새로 부팅되고, 예제 앱이 스케줄되어 이미지를 받고 컨테이너가 시작되는 과정을 처음부터 볼 수 있습니다. 바꾼 내용은 모두 사라집니다.',
};
