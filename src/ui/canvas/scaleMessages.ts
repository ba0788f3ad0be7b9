/** Strings of the canvas at scale (merged into en.ts / ko.ts as `canvasScale`). */
export const canvasScaleEn = {
  morePending_one: '+{{count}} more pod waiting for a node',
  morePending_other: '+{{count}} more pods waiting for a node',
};

export const canvasScaleKo: typeof canvasScaleEn = {
  morePending_one: '노드를 기다리는 파드 {{count}}개 더',
  morePending_other: '노드를 기다리는 파드 {{count}}개 더',
};
