/** What the page says about the cluster kept across reloads, and the export (merged into en.ts / ko.ts as `savedCluster`). */
export const savedClusterEn = {
  setAside: {
    'not-json': 'The cluster saved in this browser could not be read (it is damaged), so a fresh cluster was started. The old data was kept aside, not deleted.',
    'unknown-format': 'The cluster saved in this browser is in a format this version does not know, so a fresh cluster was started. The old data was kept aside, not deleted.',
    'newer-version': 'The cluster saved in this browser was written by a newer version of the playground, so a fresh cluster was started. The saved data was kept aside, not deleted.',
    'bad-snapshot': 'The cluster saved in this browser is incomplete or damaged, so a fresh cluster was started. The old data was kept aside, not deleted.',
    'bad-clock': 'The cluster saved in this browser has an impossible clock, so a fresh cluster was started. The old data was kept aside, not deleted.',
  },
  replayFailed: 'The cluster saved in this browser could not be rebuilt ({{message}}), so a fresh cluster was started. The old data was kept aside, not deleted.',
  dismiss: 'Dismiss',
  export: 'Export cluster',
  exportHint: "Download the objects you made in the cluster, as they are now, as YAML to kubectl apply -f on a real cluster",
  exported_one: 'Exported {{count}} object to {{file}}: kubectl apply -f {{file}} recreates it on a real cluster.',
  exported_other: 'Exported {{count}} objects to {{file}}: kubectl apply -f {{file}} recreates them on a real cluster.',
  exportedNothing: 'Nothing to export yet: the cluster holds no objects of yours.',
};

export type SavedClusterMessages = typeof savedClusterEn;

export const savedClusterKo: SavedClusterMessages = {
  setAside: {
    'not-json': '이 브라우저에 저장된 클러스터가 손상되어 읽을 수 없어서 새 클러스터로 시작했습니다. 예전 데이터는 지우지 않고 따로 보관해 두었습니다.',
    'unknown-format': '이 브라우저에 저장된 클러스터는 이 버전이 모르는 형식이어서 새 클러스터로 시작했습니다. 예전 데이터는 지우지 않고 따로 보관해 두었습니다.',
    'newer-version': '이 브라우저에 저장된 클러스터는 더 새로운 버전의 플레이그라운드가 저장한 것이어서 새 클러스터로 시작했습니다. 저장된 데이터는 지우지 않고 따로 보관해 두었습니다.',
    'bad-snapshot': '이 브라우저에 저장된 클러스터가 불완전하거나 손상되어 새 클러스터로 시작했습니다. 예전 데이터는 지우지 않고 따로 보관해 두었습니다.',
    'bad-clock': '이 브라우저에 저장된 클러스터의 시계 값이 올바르지 않아 새 클러스터로 시작했습니다. 예전 데이터는 지우지 않고 따로 보관해 두었습니다.',
  },
  replayFailed: '이 브라우저에 저장된 클러스터를 다시 만들 수 없어서({{message}}) 새 클러스터로 시작했습니다. 예전 데이터는 지우지 않고 따로 보관해 두었습니다.',
  dismiss: '닫기',
  export: '클러스터 내보내기',
  exportHint: '클러스터에 만든 오브젝트를 지금 상태 그대로 YAML로 내려받습니다. 실제 클러스터에서 kubectl apply -f로 적용할 수 있습니다',
  exported_one: '오브젝트 {{count}}개를 {{file}}로 내보냈습니다. 실제 클러스터에서 kubectl apply -f {{file}}로 다시 만들 수 있습니다.',
  exported_other: '오브젝트 {{count}}개를 {{file}}로 내보냈습니다. 실제 클러스터에서 kubectl apply -f {{file}}로 다시 만들 수 있습니다.',
  exportedNothing: '아직 내보낼 것이 없습니다. 클러스터에 직접 만든 오브젝트가 없습니다.',
};
