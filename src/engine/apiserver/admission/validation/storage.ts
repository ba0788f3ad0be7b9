/** PersistentVolumeClaim and PersistentVolume validation (ValidatePersistentVolumeClaim, ValidatePersistentVolume). */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { isDeepEqual } from '../../deepEqual';
import { forbidden, invalidValue, notSupported, required } from './fieldErrors';

type Json = Record<string, any>;

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

function accessModeErrors(modes: unknown, field: string): FieldError[] {
  if (!Array.isArray(modes) || modes.length === 0) return [required(field, 'at least 1 access mode is required')];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(field, m, ACCESS_MODES));
}

export function validatePersistentVolumeClaim(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (typeof spec !== 'object' || spec === null) return [required('spec')];
  const errors = accessModeErrors(spec.accessModes, 'spec.accessModes');
  if (spec.resources?.requests?.storage === undefined) errors.push(required('spec.resources[storage]'));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errors.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  const oldSpec = old?.spec;
  if (oldSpec) {
    const strip = (s: Json) => ({ ...s, resources: undefined, volumeName: undefined, volumeAttributesClassName: undefined });
    if (!isDeepEqual(strip(spec), strip(oldSpec))) {
      errors.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
    }
  }
  return errors;
}

const PV_NON_SOURCE_FIELDS = new Set([
  'capacity',
  'accessModes',
  'claimRef',
  'persistentVolumeReclaimPolicy',
  'storageClassName',
  'mountOptions',
  'volumeMode',
  'nodeAffinity',
  'volumeAttributesClassName',
]);

export function validatePersistentVolume(obj: Json): FieldError[] {
  const spec = obj.spec;
  if (typeof spec !== 'object' || spec === null) return [required('spec')];
  const errors = accessModeErrors(spec.accessModes, 'spec.accessModes');
  if (spec.capacity?.storage === undefined) errors.push(required('spec.capacity'));
  const sources = Object.keys(spec).filter((k) => !PV_NON_SOURCE_FIELDS.has(k));
  if (sources.length === 0) errors.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errors.push(forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  if (spec.local && !spec.nodeAffinity) errors.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  const policies = ['Delete', 'Recycle', 'Retain'];
  if (spec.persistentVolumeReclaimPolicy !== undefined && !policies.includes(spec.persistentVolumeReclaimPolicy)) {
    errors.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, policies));
  }
  return errors;
}

/**
 * ValidateStorageClassUpdate: a StorageClass's parameters, provisioner, reclaimPolicy and
 * volumeBindingMode cannot change (so re-applying a class with another provisioner is refused, as on a real cluster).
 */
export function validateStorageClass(obj: Json, old: Json | undefined): FieldError[] {
  if (!old) return [];
  const errors: FieldError[] = [];
  if (!isDeepEqual(obj.parameters ?? {}, old.parameters ?? {})) errors.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (obj.provisioner !== old.provisioner) errors.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (obj.reclaimPolicy !== old.reclaimPolicy) errors.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (obj.volumeBindingMode !== old.volumeBindingMode) errors.push(invalidValue('volumeBindingMode', obj.volumeBindingMode, 'field is immutable'));
  return errors;
}
