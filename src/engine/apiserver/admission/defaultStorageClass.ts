/**
 * DefaultStorageClass admission (plugin/pkg/admission/storage/storageclass/setdefault): a
 * PersistentVolumeClaim created without spec.storageClassName (absent, not "") gets the cluster's
 * default StorageClass, the one annotated `storageclass.kubernetes.io/is-default-class: "true"`
 * (the newest, if several are). An empty string asks explicitly for no class and is left alone.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- admission edits loosely typed JSON */
import type { AdmissionPlugin } from '../apiserver';

export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

export const defaultStorageClassPlugin: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  kinds: ['PersistentVolumeClaim'],
  admit(obj, ctx) {
    if (ctx.operation !== 'CREATE') return;
    const spec = obj.spec as Record<string, any> | undefined;
    if (!spec || typeof spec !== 'object' || (spec.storageClassName !== undefined && spec.storageClassName !== null)) return;
    let chosen: { name: string; created: string } | undefined;
    for (const sc of ctx.api.peekList('StorageClass')) {
      const a = sc.metadata.annotations;
      if (a?.[IS_DEFAULT_CLASS_ANNOTATION] !== 'true' && a?.[BETA_IS_DEFAULT_CLASS_ANNOTATION] !== 'true') continue;
      const created = sc.metadata.creationTimestamp;
      if (!chosen || created > chosen.created || (created === chosen.created && sc.metadata.name < chosen.name)) chosen = { name: sc.metadata.name, created };
    }
    if (chosen) spec.storageClassName = chosen.name;
  },
};
