/** The image `bad-image` rolls out when none is given (the failure panel shows it as the default). */

/** `nginx:1.27` → `nginx:1.27-doesnotexist` (a digest is dropped; no tag means `latest`). */
export function missingTag(image: string): string {
  const base = image.split('@')[0]!;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const hasTag = colon > slash;
  return hasTag ? `${base}-doesnotexist` : `${base}:latest-doesnotexist`;
}
