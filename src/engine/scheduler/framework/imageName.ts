/**
 * Canonical image names, so that a pod's `nginx:1.25` and the `docker.io/library/nginx:1.25` a
 * containerd node reports are the same image. kube-scheduler itself only appends `:latest`
 * (imagelocality's normalizedImageName) and so misses short names on containerd nodes; we expand
 * Docker Hub names on both sides as the container runtime does, so ImageLocality behaves as students
 * expect from reading the docs.
 */
export function canonicalImageName(image: string): string {
  let name = image;
  // A reference without tag or digest means :latest (the last ':' must come after the last '/').
  if (!name.includes('@') && name.lastIndexOf(':') <= name.lastIndexOf('/')) name += ':latest';
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (slash < 0) return `docker.io/library/${name}`;
  if (!hasRegistry) return `docker.io/${name}`;
  return name;
}
