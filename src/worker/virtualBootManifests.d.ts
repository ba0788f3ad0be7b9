declare module 'virtual:boot-manifests' {
  /** The boot manifests parsed at build time, by text (scripts/bootManifests.ts). */
  const manifests: Record<string, unknown[]>;
  export default manifests;
}
