import { describe, expect, it } from 'vitest';
import { translateEngineMessage } from './engineMessages';

describe('translateEngineMessage', () => {
  it.each([
    { name: 'binding', en: 'Successfully assigned default/web to worker-2', ko: 'default/web을(를) worker-2에 배정했습니다' },
    { name: 'image pull', en: 'Pulling image "nginx:1.27"', ko: '이미지 "nginx:1.27"을(를) 받는 중' },
    {
      name: 'pulled, timing kept',
      en: 'Successfully pulled image "nginx:1.25" in 2.328s (2.328s including waiting). Image size: 187694648 bytes.',
      ko: '이미지 "nginx:1.25"을(를) 2.328s 만에 받았습니다',
    },
    { name: 'scale up', en: 'Scaled up replica set web-66f6f55b64 from 0 to 3', ko: 'ReplicaSet web-66f6f55b64을(를) 0개에서 3개로 늘렸습니다' },
    {
      name: 'FailedScheduling with every reason translated',
      en: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
      ko: 'Node 4개 중 0개 사용 가능: 1개 Node에 견딜 수 없는 taint {node-role.kubernetes.io/control-plane: }, 3개 Node의 cpu 부족. 선점: 4개 Node에서 선점(preemption)도 도움이 되지 않음.',
    },
    { name: 'missing image', en: 'Failed to pull image "nginx:1.255": rpc error: code = NotFound desc = x: not found', ko: '이미지 "nginx:1.255"을(를) 받지 못했습니다: 레지스트리에 없습니다' },
    { name: 'unknown message stays English', en: 'something the table does not know', ko: 'something the table does not know' },
  ])('$name', ({ en, ko }) => {
    expect(translateEngineMessage(en, 'ko')).toBe(ko);
    expect(translateEngineMessage(en, 'en')).toBe(en);
  });
});
