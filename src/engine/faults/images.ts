/** The image `bad-image` rolls out when none is given (the failure panel shows it as the default). */

const MISSING_SUFFIX = '-doesnotexist';

/**
 * `nginx:1.27` → `nginx:1.27-doesnotexist` (a digest is dropped; no tag means `latest`). An image that is
 * already the missing tag stays as it is: after one bad rollout the template holds `…-doesnotexist`, and a
 * second suffix would only make the hint harder to read.
 */
export function missingTag(image: string): string {
  const base = image.split('@')[0]!;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const hasTag = colon > slash;
  if (hasTag && base.endsWith(MISSING_SUFFIX)) return base;
  return hasTag ? `${base}${MISSING_SUFFIX}` : `${base}:latest${MISSING_SUFFIX}`;
}
