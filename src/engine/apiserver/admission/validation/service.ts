/** Service validation (pkg/apis/core/validation ValidateService, ValidateServiceUpdate), the common rules. */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { DNS1123_LABEL_MESSAGE, DNS1123_SUBDOMAIN_MESSAGE, isDns1123Label, isDns1123Subdomain } from '../../validation/names';
import { duplicate, goStringSlice, invalidValue, notSupported, required } from './fieldErrors';
import { portNameProblems, validateLabels, validatePortNumber } from './meta';

type Json = Record<string, any>;

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

export function validateService(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (typeof spec !== 'object' || spec === null) return [required('spec')];
  const errors: FieldError[] = [];
  const type = spec.type;
  if (!SERVICE_TYPES.includes(type)) errors.push(notSupported('spec.type', type, SERVICE_TYPES));
  const headless = spec.clusterIP === 'None';
  const ports: unknown[] = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && !headless && type !== 'ExternalName') errors.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (typeof p !== 'object' || p === null) return;
    const port = p as Json;
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && (typeof port.name !== 'string' || port.name === '')) errors.push(required(`${f}.name`));
    if (typeof port.name === 'string' && port.name !== '') {
      if (!isDns1123Label(port.name)) errors.push(invalidValue(`${f}.name`, port.name, DNS1123_LABEL_MESSAGE));
      if (names.has(port.name)) errors.push(duplicate(`${f}.name`, port.name));
      names.add(port.name);
    }
    if (port.port === undefined) errors.push(required(`${f}.port`));
    else errors.push(...validatePortNumber(port.port, `${f}.port`));
    if (!PROTOCOLS.includes(port.protocol)) errors.push(notSupported(`${f}.protocol`, port.protocol, PROTOCOLS));
    if (typeof port.targetPort === 'number') errors.push(...validatePortNumber(port.targetPort, `${f}.targetPort`));
    else if (typeof port.targetPort === 'string') for (const problem of portNameProblems(port.targetPort)) errors.push(invalidValue(`${f}.targetPort`, port.targetPort, problem));
  });
  errors.push(...validateLabels(spec.selector, 'spec.selector'));
  if (spec.sessionAffinity !== undefined && !['ClientIP', 'None'].includes(spec.sessionAffinity)) {
    errors.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  }
  if (type === 'ExternalName') {
    if (typeof spec.externalName !== 'string' || spec.externalName === '') errors.push(required('spec.externalName'));
    else if (!isDns1123Subdomain(spec.externalName.replace(/\.$/, ''))) errors.push(invalidValue('spec.externalName', spec.externalName, DNS1123_SUBDOMAIN_MESSAGE));
    if (spec.clusterIP) errors.push(invalidValue('spec.clusterIPs', [spec.clusterIP], 'may not be set for ExternalName services', goStringSlice([spec.clusterIP])));
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    errors.push(invalidValue('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (spec.externalTrafficPolicy !== undefined && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errors.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.internalTrafficPolicy !== undefined && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errors.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  const oldIP = old?.spec?.clusterIP;
  if (oldIP && spec.clusterIP && oldIP !== spec.clusterIP && type !== 'ExternalName' && old?.spec?.type !== 'ExternalName') {
    errors.push(invalidValue('spec.clusterIPs[0]', [spec.clusterIP], 'may not change once set', goStringSlice([spec.clusterIP])));
  }
  return errors;
}
