import { describe, expect, it } from 'vitest';
import { problemMessage, SCHEMA_SOURCE, tidyYamlMarker } from './yamlMarkers';

describe('tidyYamlMarker', () => {
  it('names the schema instead of its in-memory URI and drops the numeric code', () => {
    const m = tidyYamlMarker({ message: 'Property replica is not allowed.', source: 'yaml-schema: inmemory://kube-playground/kubernetes.schema.json', code: 513, startLineNumber: 6 });
    expect(m).toEqual({ message: 'Property replica is not allowed.', source: SCHEMA_SOURCE, startLineNumber: 6 });
  });

  it('does not mention null, which the schema allows only for "not set"', () => {
    expect(tidyYamlMarker({ message: 'Incorrect type. Expected one of number, null.', source: 'yaml-schema: x' }).message).toBe('Incorrect type. Expected "number".');
    expect(tidyYamlMarker({ message: 'Incorrect type. Expected one of string, number.', source: 'yaml-schema: x' }).message).toBe('Incorrect type. Expected one of string, number.');
  });

  it('leaves YAML syntax markers alone', () => {
    const syntax = { message: 'Map keys must be unique', source: 'YAML' };
    expect(tidyYamlMarker(syntax)).toBe(syntax);
  });
});

describe('problemMessage', () => {
  it('says the common schema messages in Korean', () => {
    expect(problemMessage('Property replica is not allowed.', 'ko')).toBe('여기에는 replica 필드를 쓸 수 없습니다. 철자와 들여쓰기를 확인하세요.');
    expect(problemMessage('Missing property "containers".', 'ko')).toBe('꼭 필요한 필드 containers이(가) 없습니다.');
    expect(problemMessage('Incorrect type. Expected "number".', 'ko')).toBe('값의 형식이 맞지 않습니다. 들어가야 할 값: 숫자.');
    expect(problemMessage('Value is not accepted. Valid values: "Always", "OnFailure", "Never".', 'ko')).toBe('쓸 수 없는 값입니다. 가능한 값: "Always", "OnFailure", "Never".');
  });

  it('and the YAML syntax errors students meet most', () => {
    expect(problemMessage('All mapping items must start at the same column at line 7, column 1:', 'ko')).toBe('같은 단계의 필드는 같은 칸에서 시작해야 합니다. 들여쓰기를 맞추세요.');
    expect(problemMessage('Implicit map keys need to be followed by map values', 'ko')).toBe('키 다음에는 콜론(:)과 값이 와야 합니다.');
  });

  it('keeps English, and unknown messages, as they are', () => {
    expect(problemMessage('Property replica is not allowed.', 'en')).toBe('Property replica is not allowed.');
    expect(problemMessage('Something new from the worker.', 'ko')).toBe('Something new from the worker.');
  });
});
