/** Storage notices: saved work set aside at load, and work the browser will not store (added to i18next as `storage` when a notice loads). */
export const storageEn = {
  setAside: 'Some of your saved work could not be read, so the page opened without it: {{items}}. Nothing was deleted: the unreadable data is kept aside in this browser’s storage.',
  items: {
    files_one: '{{count}} editor file',
    files_other: '{{count}} editor files',
    filesWhole: 'the saved editor files',
    history_one: '{{count}} console history entry',
    history_other: '{{count}} console history entries',
    historyWhole: 'the console history',
  },
  notSaved: {
    cluster: 'This browser is not saving your work (its storage is full or turned off). Everything still works, but your cluster will not survive a reload. To keep it, export the cluster or copy a share link.',
    files: 'This browser is not saving your work (its storage is full or turned off). Everything still works, but your editor files and console history will not survive a reload. To keep them, export them or copy a share link.',
    both: 'This browser is not saving your work (its storage is full or turned off). Everything still works, but your cluster and editor files will not survive a reload. To keep them, export them or copy a share link.',
  },
  dismiss: 'Dismiss',
};

export type StorageMessages = typeof storageEn;

export const storageKo: StorageMessages = {
  setAside: '저장해 둔 작업 중 일부를 읽을 수 없어 그 부분 없이 페이지를 열었습니다: {{items}}. 지운 것은 없으며, 읽지 못한 데이터는 브라우저 저장소에 따로 보관해 두었습니다.',
  items: {
    files_one: '편집기 파일 {{count}}개',
    files_other: '편집기 파일 {{count}}개',
    filesWhole: '저장된 편집기 파일 전체',
    history_one: '콘솔 기록 {{count}}줄',
    history_other: '콘솔 기록 {{count}}줄',
    historyWhole: '콘솔 기록 전체',
  },
  notSaved: {
    cluster: '이 브라우저가 작업을 저장하지 못하고 있습니다(저장 공간이 가득 찼거나 꺼져 있음). 지금은 모두 정상으로 동작하지만, 새로고침하면 클러스터가 사라집니다. 간직하려면 클러스터를 내보내거나 공유 링크를 복사해 두세요.',
    files: '이 브라우저가 작업을 저장하지 못하고 있습니다(저장 공간이 가득 찼거나 꺼져 있음). 지금은 모두 정상으로 동작하지만, 새로고침하면 편집기 파일과 콘솔 기록이 사라집니다. 간직하려면 파일을 내보내거나 공유 링크를 복사해 두세요.',
    both: '이 브라우저가 작업을 저장하지 못하고 있습니다(저장 공간이 가득 찼거나 꺼져 있음). 지금은 모두 정상으로 동작하지만, 새로고침하면 클러스터와 편집기 파일이 사라집니다. 간직하려면 내보내거나 공유 링크를 복사해 두세요.',
  },
  dismiss: '닫기',
};
