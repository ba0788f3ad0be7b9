/**
 * Korean for the engine's messages where the page shows them (events, the scheduler's verdict, captions).
 * The engine writes Kubernetes' own English, byte for byte as a real cluster would (kubectl output stays
 * English, as it does in a real terminal); the page translates the common ones by pattern and leaves
 * anything it does not recognise in English. Table-driven: one pattern per message template.
 */

type Rule = [RegExp, (m: RegExpMatchArray) => string];

/** The scheduler's per-node reasons inside "0/4 nodes are available: …". */
const SCHEDULER_REASONS: Rule[] = [
  [/^(\d+) Insufficient (\w+)$/, (m) => `${m[1]}개 Node의 ${m[2]} 부족`],
  [/^(\d+) node\(s\) had untolerated taint \{(.*)\}$/, (m) => `${m[1]}개 Node에 견딜 수 없는 taint {${m[2]}}`],
  [/^(\d+) node\(s\) didn't match Pod's node affinity\/selector$/, (m) => `${m[1]}개 Node가 Pod의 node affinity/selector와 맞지 않음`],
  [/^(\d+) node\(s\) were unschedulable$/, (m) => `${m[1]}개 Node가 스케줄 불가(cordon)`],
  [/^(\d+) node\(s\) didn't have free ports for the requested pod ports$/, (m) => `${m[1]}개 Node에 요청한 포트가 비어 있지 않음`],
  [/^(\d+) node\(s\) didn't match pod anti-affinity rules$/, (m) => `${m[1]}개 Node가 Pod anti-affinity 규칙과 맞지 않음`],
  [/^(\d+) node\(s\) didn't match pod affinity rules$/, (m) => `${m[1]}개 Node가 Pod affinity 규칙과 맞지 않음`],
  [/^(\d+) node\(s\) didn't match pod topology spread constraints$/, (m) => `${m[1]}개 Node가 토폴로지 분산 제약과 맞지 않음`],
  [/^(\d+) Preemption is not helpful for scheduling$/, (m) => `${m[1]}개 Node에서 선점(preemption)도 도움이 되지 않음`],
  [/^(\d+) No preemption victims found for incoming pod$/, (m) => `${m[1]}개 Node에서 선점할 Pod를 찾지 못함`],
];

function translateReasonList(list: string): string {
  return list
    .split(', ')
    .map((part) => {
      for (const [re, f] of SCHEDULER_REASONS) {
        const m = part.match(re);
        if (m) return f(m);
      }
      return part;
    })
    .join(', ');
}

const RULES: Rule[] = [
  [/^Successfully assigned (\S+) to (\S+)$/, (m) => `${m[1]}을(를) ${m[2]}에 배정했습니다`],
  [/^Pulling image "(.+)"$/, (m) => `이미지 "${m[1]}"을(를) 받는 중`],
  [/^Successfully pulled image "([^"]+)" in ([0-9.]+m?s)\b.*$/, (m) => `이미지 "${m[1]}"을(를) ${m[2]} 만에 받았습니다`],
  [/^Container image "(.+)" already present on machine$/, (m) => `이미지 "${m[1]}"이(가) 이미 이 머신에 있습니다`],
  [/^Created container:? (.+)$/, (m) => `컨테이너 ${m[1]}을(를) 만들었습니다`],
  [/^Started container (.+)$/, (m) => `컨테이너 ${m[1]}을(를) 시작했습니다`],
  [/^Stopping container (.+)$/, (m) => `컨테이너 ${m[1]}을(를) 멈추는 중`],
  [/^Back-off pulling image "(.+)"$/, (m) => `이미지 "${m[1]}" 받기를 잠시 미룹니다(back-off)`],
  [/^Back-off restarting failed container (\S+).*$/, (m) => `실패한 컨테이너 ${m[1]}의 재시작을 잠시 미룹니다(back-off)`],
  [/^Back-off restarting failed container$/, () => '실패한 컨테이너의 재시작을 잠시 미룹니다(back-off)'],
  [/^Failed to pull image "([^"]+)":.*not found$/, (m) => `이미지 "${m[1]}"을(를) 받지 못했습니다: 레지스트리에 없습니다`],
  [/^Failed to pull image "([^"]+)": (.*)$/, (m) => `이미지 "${m[1]}"을(를) 받지 못했습니다: ${m[2]}`],
  [/^Error: ImagePullBackOff$/, () => '오류: ImagePullBackOff(이미지 받기 재시도 대기)'],
  [/^Error: ErrImagePull$/, () => '오류: ErrImagePull(이미지를 받지 못함)'],
  [/^Created pod: (.+)$/, (m) => `Pod ${m[1]}을(를) 만들었습니다`],
  [/^Deleted pod: (.+)$/, (m) => `Pod ${m[1]}을(를) 지웠습니다`],
  [/^Scaled up replica set (\S+) from (\d+) to (\d+)$/, (m) => `ReplicaSet ${m[1]}을(를) ${m[2]}개에서 ${m[3]}개로 늘렸습니다`],
  [/^Scaled down replica set (\S+) from (\d+) to (\d+)$/, (m) => `ReplicaSet ${m[1]}을(를) ${m[2]}개에서 ${m[3]}개로 줄였습니다`],
  [/^Node (\S+) status is now: (\w+)$/, (m) => `Node ${m[1]}의 상태가 이제 ${m[2]}입니다`],
  [/^Node (\S+) event: Registered Node \S+ in Controller$/, (m) => `Node ${m[1]}이(가) 컨트롤러에 등록되었습니다`],
  [/^Node is not ready$/, () => 'Node가 준비되지 않았습니다'],
  [/^Marking for deletion Pod (.+)$/, (m) => `Pod ${m[1]}을(를) 삭제 대상으로 표시합니다`],
  [/^Cancelling deletion of Pod (.+)$/, (m) => `Pod ${m[1]}의 삭제를 취소합니다`],
  [/^New size: (\d+); reason: cpu resource utilization \(percentage of request\) above target$/, (m) => `새 크기: ${m[1]}개. 이유: CPU 사용률(요청량 대비)이 목표보다 높음`],
  [/^New size: (\d+); reason: All metrics below target$/, (m) => `새 크기: ${m[1]}개. 이유: 모든 지표가 목표보다 낮음`],
  [/^New size: (\d+); reason: (.*)$/, (m) => `새 크기: ${m[1]}개. 이유: ${m[2]}`],
  [/^(Liveness|Readiness|Startup) probe failed: (.*)$/, (m) => `${m[1]} 프로브 실패: ${m[2]}`],
  [/^Container (\S+) failed (liveness|readiness|startup) probe, will be restarted$/, (m) => `컨테이너 ${m[1]}이(가) ${m[2]} 프로브에 실패해 재시작됩니다`],
  [
    /^(\d+)\/(\d+) nodes are available: (.*?)\.(?: preemption: (\d+)\/(\d+) nodes are available: (.*?)\.)?$/,
    (m) => `Node ${m[2]}개 중 ${m[1]}개 사용 가능: ${translateReasonList(m[3]!)}.${m[6] ? ` 선점: ${translateReasonList(m[6])}.` : ''}`,
  ],
];

/** The message in the page's language: Korean when a pattern knows it, else the engine's English. */
export function translateEngineMessage(message: string, language: string): string {
  if (language !== 'ko') return message;
  for (const [re, f] of RULES) {
    const m = message.match(re);
    if (m) return f(m);
  }
  return message;
}
