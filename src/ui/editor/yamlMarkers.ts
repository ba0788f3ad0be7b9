/**
 * monaco-yaml's markers, made readable for a student.
 *
 * - Schema markers come with the source `yaml-schema: inmemory://…/kubernetes.schema.json` and a numeric
 *   code (shown in the hover as `…schema.json(513)`): the source becomes `schema`, the code goes.
 * - Optional scalar fields accept null in the schema (an empty `storageClassName:` means "not set"), so
 *   a wrong type reads `Expected one of number, null.`: it is said as `Expected "number".`
 * - In Korean, the Problems list says the common schema and YAML messages in Korean (Monaco's hover keeps
 *   the worker's English: yaml-language-server's messages cannot be localized from outside its worker).
 */
import type { Language } from '../../store/uiStore';

export const SCHEMA_SOURCE = 'schema';

interface MarkerLike {
  message: string;
  source?: string;
  code?: unknown;
}

export function tidyYamlMarker<T extends MarkerLike>(marker: T): T {
  const message = marker.message.replace(/^Incorrect type\. Expected one of (\w+), null\.$/, 'Incorrect type. Expected "$1".');
  if (!marker.source?.startsWith('yaml-schema:')) return message === marker.message ? marker : { ...marker, message };
  const { code: _code, ...rest } = marker;
  return { ...rest, message, source: SCHEMA_SOURCE } as T;
}

const TYPE_KO: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  integer: '정수',
  boolean: 'true 또는 false',
  object: '하위 필드가 있는 객체',
  array: '목록(- 로 시작하는 항목)',
  null: '빈 값',
};

const typeKo = (type: string) => TYPE_KO[type] ?? type;

const KOREAN: [RegExp, (...groups: string[]) => string][] = [
  [/^Property (.+) is not allowed\.$/, (f) => `여기에는 ${f} 필드를 쓸 수 없습니다. 철자와 들여쓰기를 확인하세요.`],
  [/^Missing property "(.+)"\.$/, (f) => `꼭 필요한 필드 ${f}이(가) 없습니다.`],
  [/^Incorrect type\. Expected "(.+)"\.$/, (t) => `값의 형식이 맞지 않습니다. 들어가야 할 값: ${typeKo(t)}.`],
  [/^Incorrect type\. Expected one of (.+)\.$/, (ts) => `값의 형식이 맞지 않습니다. 들어가야 할 값: ${ts.split(', ').map(typeKo).join(' 또는 ')}.`],
  [/^Value is not accepted\. Valid values: (.+)\.$/, (vs) => `쓸 수 없는 값입니다. 가능한 값: ${vs}.`],
  [/^Value must be (.+)\.$/, (v) => `쓸 수 없는 값입니다. 가능한 값: ${v}.`],
  // YAML syntax (the `yaml` parser's messages), the ones students meet most.
  [/^Map keys must be unique/, () => '같은 키가 한 번 넘게 나옵니다. 키는 한 번씩만 쓸 수 있습니다.'],
  [/^All mapping items must start at the same column/, () => '같은 단계의 필드는 같은 칸에서 시작해야 합니다. 들여쓰기를 맞추세요.'],
  [/^All sequence items must start at the same column/, () => '목록 항목(-)은 모두 같은 칸에서 시작해야 합니다. 들여쓰기를 맞추세요.'],
  [/^Implicit map keys need to be followed by map values/, () => '키 다음에는 콜론(:)과 값이 와야 합니다.'],
  [/^Implicit keys need to be on a single line/, () => '키는 한 줄에 있어야 합니다. 앞줄의 콜론(:)과 들여쓰기를 확인하세요.'],
  [/^Nested mappings are not allowed in compact mappings/, () => '한 줄에 "키: 값"을 두 번 쓸 수 없습니다. 줄을 나누거나 값을 따옴표로 감싸세요.'],
  [/^Tabs are not allowed as indentation/, () => '들여쓰기에는 탭 대신 스페이스를 써야 합니다.'],
  [/^Sequence item without - indicator/, () => '목록 항목 앞에 - 가 없습니다.'],
];

/** The message in the UI's language when it is a known one; otherwise as the worker wrote it. */
export function problemMessage(message: string, language: Language): string {
  if (language !== 'ko') return message;
  for (const [pattern, say] of KOREAN) {
    const m = pattern.exec(message);
    if (m) return say(...m.slice(1));
  }
  return message;
}
