/** Object name rules (k8s.io/apimachinery/pkg/util/validation): DNS-1123 subdomain, label, path segment. */
import type { FieldError } from '../errors';
import type { NameRule } from '../resources';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

export function validateObjectName(name: string, rule: NameRule, field = 'metadata.name'): FieldError[] {
  if (name === '') return [{ field, type: 'Required', detail: 'name or generateName is required' }];
  switch (rule) {
    case 'dns1123-label':
      if (name.length > 63) return [{ field, type: 'Invalid', value: name, detail: 'must be no more than 63 characters' }];
      return DNS1123_LABEL.test(name) ? [] : [{ field, type: 'Invalid', value: name, detail: DNS1123_LABEL_MESSAGE }];
    case 'dns1123-subdomain':
      if (name.length > 253) return [{ field, type: 'Invalid', value: name, detail: 'must be no more than 253 characters' }];
      return DNS1123_SUBDOMAIN.test(name) ? [] : [{ field, type: 'Invalid', value: name, detail: DNS1123_SUBDOMAIN_MESSAGE }];
    case 'path-segment':
      if (name === '.' || name === '..') return [{ field, type: 'Invalid', value: name, detail: `may not be '${name}'` }];
      if (name.includes('/') || name.includes('%')) return [{ field, type: 'Invalid', value: name, detail: "may not contain '/' or '%'" }];
      return [];
  }
}
