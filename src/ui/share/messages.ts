/** The header's Share button (merged into en.ts / ko.ts as `share`); the dialog's words load with it (dialogMessages.ts). */
export const shareEn = {
  button: 'Share',
  buttonHint: 'Make a link to this cluster, your editor files and the open lesson',
};

export type ShareMessages = typeof shareEn;

export const shareKo: ShareMessages = {
  button: '공유',
  buttonHint: '이 클러스터와 편집기 파일, 열려 있는 강의를 담은 링크를 만듭니다',
};
