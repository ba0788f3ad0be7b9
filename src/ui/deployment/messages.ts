/** The Deployment's canvas menu (merged into en.ts / ko.ts as `deploymentMenu`). */
export const deploymentMenuEn = {
  label: 'Deployment actions: {{name}}',
  open: 'Actions…',
  'scale-up': 'Scale up (+1)',
  'scale-down': 'Scale down (−1)',
  'rollout-restart': 'Restart the pods (rollout restart)',
  'rollout-undo': 'Undo the last rollout (rollout undo)',
  'bad-image': 'Roll out a bad image',
  failed: 'kubectl could not run: {{error}}',
};

export type DeploymentMenuMessages = typeof deploymentMenuEn;

export const deploymentMenuKo: DeploymentMenuMessages = {
  label: 'Deployment 작업: {{name}}',
  open: '작업…',
  'scale-up': '늘리기 (+1)',
  'scale-down': '줄이기 (−1)',
  'rollout-restart': 'Pod 다시 시작 (rollout restart)',
  'rollout-undo': '마지막 롤아웃 되돌리기 (rollout undo)',
  'bad-image': '잘못된 이미지 롤아웃',
  failed: 'kubectl을 실행하지 못했습니다: {{error}}',
};
