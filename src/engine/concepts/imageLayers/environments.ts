/**
 * The "consistent environment" point: the same app set up on a laptop, a test machine and production.
 * Installed by hand, each machine gets whatever versions its package manager offers that day, and they
 * drift apart; shipped as one image, every machine runs the same layers, byte for byte, so the same
 * versions. The app was written against the laptop's versions and needs at least those.
 */
import type { SeededRandom } from '../../clock/random';
import type { RuntimeChoice } from './recipe';

export const ENVIRONMENTS = ['laptop', 'test', 'production'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];
export const INSTALL_METHODS = ['image', 'by-hand'] as const;
export type InstallMethod = (typeof INSTALL_METHODS)[number];

interface Toolchain {
  runtime: string;
  library: string;
}

/** What the developer has (and what the image bakes in), and what other machines' package managers offer. */
const TOOLCHAINS: Record<RuntimeChoice, { developer: Toolchain; offered: { runtime: string[]; library: string[] }; distro: Toolchain }> = {
  python: {
    developer: { runtime: 'Python 3.12.4', library: 'requests 2.32.3' },
    offered: { runtime: ['Python 3.12.4', 'Python 3.12.7', 'Python 3.11.2'], library: ['requests 2.32.3', 'requests 2.31.0', 'requests 2.28.1'] },
    distro: { runtime: 'Python 3.9.2', library: 'requests 2.25.1' },
  },
  node: {
    developer: { runtime: 'Node.js 20.11.1', library: 'express 4.19.2' },
    offered: { runtime: ['Node.js 20.11.1', 'Node.js 20.18.0', 'Node.js 18.19.0'], library: ['express 4.19.2', 'express 4.21.1', 'express 4.17.1'] },
    distro: { runtime: 'Node.js 12.22.12', library: 'express 4.17.1' },
  },
  none: {
    developer: { runtime: 'glibc 2.36', library: 'libssl 3.0.15' },
    offered: { runtime: ['glibc 2.36', 'glibc 2.35', 'glibc 2.31'], library: ['libssl 3.0.15', 'libssl 3.0.2', 'libssl 1.1.1'] },
    distro: { runtime: 'glibc 2.31', library: 'libssl 1.1.1' },
  },
};

export interface EnvironmentRun {
  env: EnvironmentName;
  runtime: string;
  library: string;
  /** The image digest it runs (image method only). */
  image?: string;
  works: boolean;
}

/** Versions compare by their numbers: `Python 3.11.2` < `Python 3.12.4`. */
function versionAtLeast(have: string, need: string): boolean {
  const num = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
  const a = num(have);
  const b = num(need);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function runEverywhere(method: InstallMethod, runtime: RuntimeChoice, imageDigest: string | undefined, random: SeededRandom): EnvironmentRun[] {
  const chain = TOOLCHAINS[runtime];
  return ENVIRONMENTS.map((env): EnvironmentRun => {
    let tools: Toolchain;
    if (method === 'image' || env === 'laptop') tools = chain.developer;
    // Production's long-lived servers take the distribution's own, older packages.
    else if (env === 'production') tools = chain.distro;
    else tools = { runtime: chain.offered.runtime[random.int(chain.offered.runtime.length)]!, library: chain.offered.library[random.int(chain.offered.library.length)]! };
    const works = versionAtLeast(tools.runtime, chain.developer.runtime) && versionAtLeast(tools.library, chain.developer.library);
    return { env, runtime: tools.runtime, library: tools.library, works, ...(method === 'image' && imageDigest ? { image: imageDigest } : {}) };
  });
}
