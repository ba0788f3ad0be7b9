/**
 * The explanations' first-screen strings (merged into en.ts / ko.ts as `explain`): labels and the canvas's
 * controls. The long texts (what each component is, what it is doing, why a pod is Pending, the
 * statecharts) are in texts.ts and arrive with loadExplanations() once the canvas is live.
 */

export const explainEn = {
  kind: 'Component',
  whatIs: 'What it is',
  rightNow: 'Right now',
  state: { running: 'running', stopped: 'stopped', degraded: 'degraded' },
  hoverHint: 'Click for what it is and what it is doing',
  podIsComponent: 'This pod runs a part of the cluster itself',
  canvasControls: { label: 'Canvas controls', zoomIn: 'Zoom in', zoomOut: 'Zoom out', fitView: 'Fit the cluster to the view', minimap: 'Mini map' },
  etcdRunning: '{{running}} of {{total}} running',
  etcdNoQuorum: 'no quorum: {{running}} of {{total}} running',
};

export type ExplainMessages = typeof explainEn;

export const explainKo: ExplainMessages = {
  kind: '컴포넌트',
  whatIs: '무엇인가',
  rightNow: '지금 하는 일',
  state: { running: '실행 중', stopped: '중지됨', degraded: '일부 이상' },
  hoverHint: '클릭하면 무엇이고 지금 무엇을 하는지 보여 줍니다',
  podIsComponent: '클러스터 자신의 구성 요소를 실행하는 Pod입니다',
  canvasControls: { label: '캔버스 조작', zoomIn: '확대', zoomOut: '축소', fitView: '클러스터를 화면에 맞추기', minimap: '미니맵' },
  etcdRunning: '{{total}}개 중 {{running}}개 실행 중',
  etcdNoQuorum: '쿼럼 없음: {{total}}개 중 {{running}}개 실행 중',
};
