/**
 * The simulated image registries: the images the Kubernetes documentation and tutorials use, with
 * their real tags, plausible layers (shared base layers such as debian:bookworm-slim or alpine have the
 * same digest in every image built on them, so a node that has nginx pulls httpd faster) and the image
 * config a container starts from (ENTRYPOINT, CMD, and which program that is).
 *
 * Sizes are the images' unpacked sizes as `crictl images` and the kubelet's Pulled event report them;
 * the download is the compressed size of the layers a node does not have yet.
 */
import { sha256Of } from './digest';
import type { ImageReference } from './imageReference';

/** Which shells and tools the image's filesystem has (busybox has no bash; distroless has no shell). */
export type ImageFlavor = 'busybox' | 'alpine' | 'debian' | 'ubuntu' | 'fedora' | 'distroless';

/** What the image's main program is: decides logs, resource usage and how it answers signals. */
export type ProgramName =
  | 'shell'
  | 'nginx'
  | 'httpd'
  | 'redis'
  | 'mysql'
  | 'postgres'
  | 'mongo'
  | 'rabbitmq'
  | 'wordpress'
  | 'php-apache'
  | 'hello-app'
  | 'bootcamp'
  | 'agnhost'
  | 'echoserver'
  | 'http-echo'
  | 'serve-hostname'
  | 'pause'
  | 'python'
  | 'node'
  | 'perl'
  | 'stress'
  | 'server'
  | 'etcd'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'kube-proxy'
  | 'coredns';

export interface ImageConfig {
  entrypoint: string[];
  cmd: string[];
  program: ProgramName;
  flavor: ImageFlavor;
  /** Version of the program, for its log lines (`nginx/1.25.5`). */
  version?: string;
  /** Ports the program listens on by default. */
  ports?: number[];
  /** A `-slim` variant: not built on the full buildpack-deps base. */
  slim?: boolean;
  /** Executables the image adds beyond its base and program (see imageContents.ts). */
  extraBinaries?: string[];
}

export interface Layer {
  digest: string;
  /** Unpacked bytes. */
  size: number;
  /** Bytes on the wire (gzip). */
  compressed: number;
}

export interface ImageManifest {
  /** `docker.io/library/nginx` */
  name: string;
  tags: string[];
  /** Repo digest (`sha256:...`): the imageID is `<name>@<digest>`. */
  digest: string;
  layers: Layer[];
  /** Sum of unpacked layer sizes. */
  size: number;
  config: ImageConfig;
  /** Built for Windows only: a Linux node finds no matching platform. */
  windowsOnly?: boolean;
  /**
   * A single-platform image (a plain manifest, not an index) built for this CPU architecture. containerd
   * pulls such an image on any node, and its program then fails to start where the CPU differs
   * (`exec format error`, see runtime/platform.ts). Absent: a multi-arch index with amd64 and arm64.
   */
  architecture?: CpuArchitecture;
}

/** The CPU architectures the playground's nodes come in (the `kubernetes.io/arch` label's values). */
export type CpuArchitecture = 'amd64' | 'arm64';

export type ResolveResult =
  | { ok: true; manifest: ImageManifest }
  | { ok: false; code: 'NotFound' | 'Unknown'; reason: string };

const MB = 1_000_000;

// ---- shared base layers ----

function baseLayers(name: string, sizes: number[], ratio = 0.38): Layer[] {
  return sizes.map((size, i) => ({ digest: sha256Of(`base:${name}#${i}`), size: Math.round(size), compressed: Math.round(size * ratio) }));
}

const BASES = {
  'debian-stretch-slim': baseLayers('debian-stretch-slim', [55.3 * MB], 0.41),
  'debian-buster-slim': baseLayers('debian-buster-slim', [69.2 * MB], 0.39),
  'debian-bookworm-slim': baseLayers('debian-bookworm-slim', [74.8 * MB], 0.38),
  'debian-bookworm': baseLayers('debian-bookworm', [116.5 * MB], 0.42),
  'debian-bullseye': baseLayers('debian-bullseye', [124.0 * MB], 0.44),
  'debian-jessie': baseLayers('debian-jessie', [123.0 * MB], 0.42),
  'buildpack-bookworm': [...baseLayers('debian-bookworm', [116.5 * MB], 0.42), ...baseLayers('buildpack-bookworm', [58 * MB, 178 * MB, 587 * MB], 0.35)],
  'buildpack-bullseye': [...baseLayers('debian-bullseye', [124.0 * MB], 0.44), ...baseLayers('buildpack-bullseye', [55 * MB, 172 * MB, 522 * MB], 0.35)],
  'ubuntu-24.04': baseLayers('ubuntu-24.04', [78.1 * MB], 0.38),
  'ubuntu-22.04': baseLayers('ubuntu-22.04', [77.9 * MB], 0.38),
  'alpine-3.18': baseLayers('alpine-3.18', [7.33 * MB], 0.46),
  'alpine-3.19': baseLayers('alpine-3.19', [7.38 * MB], 0.46),
  'alpine-3.20': baseLayers('alpine-3.20', [7.8 * MB], 0.46),
  'alpine-3.21': baseLayers('alpine-3.21', [7.83 * MB], 0.46),
  'oraclelinux9-slim': baseLayers('oraclelinux9-slim', [118 * MB], 0.4),
  'oraclelinux7-slim': baseLayers('oraclelinux7-slim', [132 * MB], 0.4),
  'fedora-41': baseLayers('fedora-41', [233 * MB], 0.4),
  'distroless-static': baseLayers('distroless-static', [2.45 * MB], 0.42),
  none: [] as Layer[],
} satisfies Record<string, Layer[]>;

type BaseName = keyof typeof BASES;

interface ImageSpec {
  base: BaseName;
  /** Total unpacked size in bytes (the base included). */
  size: number;
  /** Number of layers the image adds on its base. */
  own?: number;
  ratio?: number;
  config: ImageConfig;
  windowsOnly?: boolean;
  architecture?: CpuArchitecture;
  /** Extra digests this manifest is known by (a pinned `@sha256:` reference in the docs). */
  digests?: string[];
}

const catalogue = new Map<string, ImageManifest[]>();
const byDigest = new Map<string, ImageManifest>();

function image(name: string, tags: string[], spec: ImageSpec): void {
  const base = BASES[spec.base];
  const baseSize = base.reduce((s, l) => s + l.size, 0);
  const own = spec.own ?? 4;
  const remaining = Math.max(own * 1000, spec.size - baseSize);
  // The first added layer carries most of the bytes (the program), the rest are config and scripts.
  const weights = Array.from({ length: own }, (_, i) => (i === 0 ? 60 : i === 1 ? 6 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const ownLayers: Layer[] = [];
  let assigned = 0;
  weights.forEach((w, i) => {
    const size = i === own - 1 ? remaining - assigned : Math.floor((remaining * w) / total);
    assigned += size;
    ownLayers.push({ digest: sha256Of(`${name}:${tags[0] ?? ''}#${i}`), size, compressed: Math.round(size * (spec.ratio ?? 0.37)) });
  });
  const layers = [...base, ...ownLayers];
  const manifest: ImageManifest = {
    name,
    tags,
    digest: spec.digests?.[0] ?? sha256Of(`manifest:${name}:${tags[0] ?? ''}`),
    layers,
    size: layers.reduce((s, l) => s + l.size, 0),
    config: spec.config,
    ...(spec.windowsOnly ? { windowsOnly: true } : {}),
    ...(spec.architecture ? { architecture: spec.architecture } : {}),
  };
  let list = catalogue.get(name);
  if (!list) catalogue.set(name, (list = []));
  list.push(manifest);
  byDigest.set(`${name}@${manifest.digest}`, manifest);
  for (const d of spec.digests ?? []) byDigest.set(`${name}@${d}`, manifest);
}

const sh = (flavor: ImageFlavor, version?: string, extraBinaries?: string[]): ImageConfig => ({
  entrypoint: [],
  cmd: [flavor === 'busybox' ? 'sh' : flavor === 'alpine' ? '/bin/sh' : 'bash'],
  program: 'shell',
  flavor,
  ...(version ? { version } : {}),
  ...(extraBinaries ? { extraBinaries } : {}),
});
const server = (program: ProgramName, flavor: ImageFlavor, entrypoint: string[], cmd: string[], version: string, ports: number[]): ImageConfig => ({
  entrypoint,
  cmd,
  program,
  flavor,
  version,
  ports,
});

// ---- Docker Hub official images ----

const NGINX_ENTRY = ['/docker-entrypoint.sh'];
const NGINX_CMD = ['nginx', '-g', 'daemon off;'];
image('docker.io/library/nginx', ['1.28.0', '1.28'], { base: 'debian-bookworm-slim', size: 192_004_243, own: 7, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.28.0', [80]) });
image('docker.io/library/nginx', ['1.27.3', '1.27', '1', 'latest', 'mainline'], { base: 'debian-bookworm-slim', size: 191_998_714, own: 7, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.27.3', [80]) });
image('docker.io/library/nginx', ['1.26.2', '1.26', 'stable'], { base: 'debian-bookworm-slim', size: 191_701_030, own: 7, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.26.2', [80]) });
image('docker.io/library/nginx', ['1.25.5', '1.25'], { base: 'debian-bookworm-slim', size: 187_694_648, own: 7, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.25.5', [80]) });
image('docker.io/library/nginx', ['1.24.0', '1.24'], { base: 'debian-bookworm-slim', size: 186_790_428, own: 7, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.24.0', [80]) });
image('docker.io/library/nginx', ['1.23.4', '1.23'], { base: 'debian-bookworm-slim', size: 142_145_851, own: 7, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.23.4', [80]) });
image('docker.io/library/nginx', ['1.21.6', '1.21'], { base: 'debian-buster-slim', size: 141_538_214, own: 6, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.21.6', [80]) });
image('docker.io/library/nginx', ['1.19.10', '1.19'], { base: 'debian-buster-slim', size: 133_254_132, own: 6, config: server('nginx', 'debian', NGINX_ENTRY, NGINX_CMD, '1.19.10', [80]) });
image('docker.io/library/nginx', ['1.17.10', '1.17'], { base: 'debian-buster-slim', size: 127_249_181, own: 3, config: server('nginx', 'debian', [], NGINX_CMD, '1.17.10', [80]) });
image('docker.io/library/nginx', ['1.16.1', '1.16'], { base: 'debian-buster-slim', size: 126_756_254, own: 3, config: server('nginx', 'debian', [], NGINX_CMD, '1.16.1', [80]) });
image('docker.io/library/nginx', ['1.15.12', '1.15'], { base: 'debian-stretch-slim', size: 109_294_489, own: 3, config: server('nginx', 'debian', [], NGINX_CMD, '1.15.12', [80]) });
image('docker.io/library/nginx', ['1.14.2', '1.14'], { base: 'debian-stretch-slim', size: 109_129_446, own: 3, config: server('nginx', 'debian', [], NGINX_CMD, '1.14.2', [80]) });
image('docker.io/library/nginx', ['1.27.3-alpine', '1.27-alpine', 'alpine', 'mainline-alpine', 'stable-alpine'], { base: 'alpine-3.20', size: 47_970_125, own: 8, config: server('nginx', 'alpine', NGINX_ENTRY, NGINX_CMD, '1.27.3', [80]) });
image('docker.io/library/nginx', ['1.25.5-alpine', '1.25-alpine'], { base: 'alpine-3.19', size: 43_254_806, own: 8, config: server('nginx', 'alpine', NGINX_ENTRY, NGINX_CMD, '1.25.5', [80]) });
image('docker.io/library/nginx', ['1.14.2-alpine', '1.14-alpine'], { base: 'alpine-3.18', size: 16_044_201, own: 3, config: server('nginx', 'alpine', [], NGINX_CMD, '1.14.2', [80]) });

image('docker.io/library/busybox', ['1.37.0', '1.37', '1', 'latest', 'stable'], { base: 'none', size: 4_270_016, own: 1, ratio: 0.5, config: sh('busybox', '1.37.0') });
image('docker.io/library/busybox', ['1.36.1', '1.36'], { base: 'none', size: 4_261_550, own: 1, ratio: 0.5, config: sh('busybox', '1.36.1') });
image('docker.io/library/busybox', ['1.35.0', '1.35'], { base: 'none', size: 4_856_322, own: 1, ratio: 0.5, config: sh('busybox', '1.35.0') });
image('docker.io/library/busybox', ['1.34.1', '1.34'], { base: 'none', size: 1_239_820, own: 1, ratio: 0.6, config: sh('busybox', '1.34.1') });
image('docker.io/library/busybox', ['1.28.4', '1.28'], { base: 'none', size: 1_146_369, own: 1, ratio: 0.64, config: sh('busybox', '1.28.4') });
image('docker.io/library/busybox', ['1.27.2', '1.27'], { base: 'none', size: 1_129_289, own: 1, ratio: 0.64, config: sh('busybox', '1.27.2') });

image('docker.io/library/alpine', ['3.21.2', '3.21', '3', 'latest'], { base: 'alpine-3.21', size: 7_830_000, own: 0, config: sh('alpine') });
image('docker.io/library/alpine', ['3.20.5', '3.20'], { base: 'alpine-3.20', size: 7_800_000, own: 0, config: sh('alpine') });
image('docker.io/library/alpine', ['3.19.6', '3.19'], { base: 'alpine-3.19', size: 7_380_000, own: 0, config: sh('alpine') });
image('docker.io/library/alpine', ['3.18.11', '3.18'], { base: 'alpine-3.18', size: 7_330_000, own: 0, config: sh('alpine') });
image('docker.io/library/ubuntu', ['24.04', 'noble', 'latest'], { base: 'ubuntu-24.04', size: 78_100_000, own: 0, config: sh('ubuntu') });
image('docker.io/library/ubuntu', ['22.04', 'jammy'], { base: 'ubuntu-22.04', size: 77_900_000, own: 0, config: sh('ubuntu') });
image('docker.io/library/debian', ['12', 'bookworm', 'stable', 'latest'], { base: 'debian-bookworm', size: 116_500_000, own: 0, config: sh('debian') });
image('docker.io/library/debian', ['12-slim', 'bookworm-slim', 'stable-slim'], { base: 'debian-bookworm-slim', size: 74_800_000, own: 0, config: sh('debian') });
image('docker.io/library/debian', ['11', 'bullseye'], { base: 'debian-bullseye', size: 124_000_000, own: 0, config: sh('debian') });
image('docker.io/library/fedora', ['41', 'latest'], { base: 'fedora-41', size: 233_000_000, own: 0, config: sh('fedora') });
image('docker.io/library/bash', ['5.2.37', '5.2', '5', 'latest'], { base: 'alpine-3.21', size: 14_100_000, own: 3, config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['bash'], program: 'shell', flavor: 'alpine' } });

image('docker.io/library/httpd', ['2.4.62', '2.4', '2', 'latest'], { base: 'debian-bookworm-slim', size: 148_087_552, own: 5, config: server('httpd', 'debian', [], ['httpd-foreground'], '2.4.62', [80]) });
image('docker.io/library/httpd', ['2.4.62-alpine', '2.4-alpine', 'alpine'], { base: 'alpine-3.21', size: 62_100_000, own: 5, config: server('httpd', 'alpine', [], ['httpd-foreground'], '2.4.62', [80]) });
const REDIS_ENTRY = ['docker-entrypoint.sh'];
image('docker.io/library/redis', ['7.4.2', '7.4', '7', 'latest'], { base: 'debian-bookworm-slim', size: 117_410_000, own: 7, config: server('redis', 'debian', REDIS_ENTRY, ['redis-server'], '7.4.2', [6379]) });
image('docker.io/library/redis', ['8.0.2', '8.0', '8'], { base: 'debian-bookworm-slim', size: 137_900_000, own: 7, config: server('redis', 'debian', REDIS_ENTRY, ['redis-server'], '8.0.2', [6379]) });
image('docker.io/library/redis', ['6.2.17', '6.2', '6'], { base: 'debian-bookworm-slim', size: 105_200_000, own: 7, config: server('redis', 'debian', REDIS_ENTRY, ['redis-server'], '6.2.17', [6379]) });
image('docker.io/library/redis', ['6.0.5'], { base: 'debian-buster-slim', size: 104_100_000, own: 5, config: server('redis', 'debian', REDIS_ENTRY, ['redis-server'], '6.0.5', [6379]) });
image('docker.io/library/redis', ['7.4.2-alpine', '7.4-alpine', '7-alpine', 'alpine'], { base: 'alpine-3.21', size: 41_900_000, own: 7, config: server('redis', 'alpine', REDIS_ENTRY, ['redis-server'], '7.4.2', [6379]) });
image('docker.io/library/redis', ['3.0-nanoserver'], { base: 'none', size: 1_070_000_000, own: 3, windowsOnly: true, config: server('redis', 'distroless', [], ['redis-server'], '3.0.504', [6379]) });
image('docker.io/library/mysql', ['9.1.0', '9.1', '9', 'latest'], { base: 'oraclelinux9-slim', size: 593_000_000, own: 9, config: server('mysql', 'fedora', ['docker-entrypoint.sh'], ['mysqld'], '9.1.0', [3306, 33060]) });
image('docker.io/library/mysql', ['8.0.40', '8.0', '8'], { base: 'oraclelinux9-slim', size: 573_000_000, own: 9, config: server('mysql', 'fedora', ['docker-entrypoint.sh'], ['mysqld'], '8.0.40', [3306, 33060]) });
image('docker.io/library/mysql', ['5.7.44', '5.7', '5'], { base: 'oraclelinux7-slim', size: 501_000_000, own: 9, config: server('mysql', 'fedora', ['docker-entrypoint.sh'], ['mysqld'], '5.7.44', [3306, 33060]) });
image('docker.io/library/postgres', ['17.2', '17', 'latest'], { base: 'debian-bookworm-slim', size: 435_000_000, own: 12, config: server('postgres', 'debian', ['docker-entrypoint.sh'], ['postgres'], '17.2', [5432]) });
image('docker.io/library/postgres', ['16.6', '16'], { base: 'debian-bookworm-slim', size: 432_000_000, own: 12, config: server('postgres', 'debian', ['docker-entrypoint.sh'], ['postgres'], '16.6', [5432]) });
image('docker.io/library/postgres', ['17.2-alpine', '17-alpine', 'alpine'], { base: 'alpine-3.21', size: 278_000_000, own: 10, config: server('postgres', 'alpine', ['docker-entrypoint.sh'], ['postgres'], '17.2', [5432]) });
image('docker.io/library/mongo', ['8.0.4', '8.0', '8', 'latest'], { base: 'ubuntu-24.04', size: 854_000_000, own: 8, config: server('mongo', 'ubuntu', ['docker-entrypoint.sh'], ['mongod'], '8.0.4', [27017]) });
image('docker.io/library/mongo', ['4.2.24', '4.2'], { base: 'ubuntu-22.04', size: 388_000_000, own: 8, config: server('mongo', 'ubuntu', ['docker-entrypoint.sh'], ['mongod'], '4.2.24', [27017]) });
image('docker.io/library/rabbitmq', ['4.0.5', '4.0', '4', 'latest'], { base: 'ubuntu-24.04', size: 225_000_000, own: 8, config: server('rabbitmq', 'ubuntu', ['docker-entrypoint.sh'], ['rabbitmq-server'], '4.0.5', [5672]) });
image('docker.io/library/rabbitmq', ['3.13.7', '3.13', '3'], { base: 'ubuntu-22.04', size: 220_000_000, own: 8, config: server('rabbitmq', 'ubuntu', ['docker-entrypoint.sh'], ['rabbitmq-server'], '3.13.7', [5672]) });
image('docker.io/library/wordpress', ['6.2.1-apache', '6.2-apache'], { base: 'debian-bookworm-slim', size: 616_000_000, own: 15, config: server('wordpress', 'debian', ['docker-entrypoint.sh'], ['apache2-foreground'], '6.2.1', [80]) });
image('docker.io/library/wordpress', ['6.7.1-apache', '6.7-apache', 'latest', 'apache'], { base: 'debian-bookworm-slim', size: 700_000_000, own: 15, config: server('wordpress', 'debian', ['docker-entrypoint.sh'], ['apache2-foreground'], '6.7.1', [80]) });
image('docker.io/library/perl', ['5.40.0', '5.40', '5', 'latest'], { base: 'buildpack-bookworm', size: 889_000_000, own: 3, config: { entrypoint: [], cmd: ['perl', '-de0'], program: 'perl', flavor: 'debian', version: '5.40.0' } });
image('docker.io/library/perl', ['5.34.0', '5.34'], { base: 'buildpack-bullseye', size: 858_000_000, own: 3, config: { entrypoint: [], cmd: ['perl', '-de0'], program: 'perl', flavor: 'debian', version: '5.34.0' } });
image('docker.io/library/python', ['3.13.1', '3.13', '3', 'latest'], { base: 'buildpack-bookworm', size: 1_020_000_000, own: 4, config: { entrypoint: [], cmd: ['python3'], program: 'python', flavor: 'debian', version: '3.13.1' } });
image('docker.io/library/python', ['3.12.8', '3.12'], { base: 'buildpack-bookworm', size: 1_010_000_000, own: 4, config: { entrypoint: [], cmd: ['python3'], program: 'python', flavor: 'debian', version: '3.12.8' } });
image('docker.io/library/python', ['3.13.1-slim', '3.13-slim', '3-slim', 'slim'], { base: 'debian-bookworm-slim', size: 125_000_000, own: 4, config: { entrypoint: [], cmd: ['python3'], program: 'python', flavor: 'debian', version: '3.13.1', slim: true } });
image('docker.io/library/python', ['3.13.1-alpine', '3.13-alpine', '3-alpine', 'alpine'], { base: 'alpine-3.21', size: 46_000_000, own: 4, config: { entrypoint: [], cmd: ['python3'], program: 'python', flavor: 'alpine', version: '3.13.1' } });
image('docker.io/library/node', ['22.12.0', '22', 'lts', 'latest'], { base: 'buildpack-bookworm', size: 1_120_000_000, own: 5, config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], program: 'node', flavor: 'debian', version: '22.12.0' } });
image('docker.io/library/node', ['20.18.1', '20'], { base: 'buildpack-bookworm', size: 1_100_000_000, own: 5, config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], program: 'node', flavor: 'debian', version: '20.18.1' } });
image('docker.io/library/node', ['22.12.0-alpine', '22-alpine', 'lts-alpine', 'alpine'], { base: 'alpine-3.21', size: 155_000_000, own: 5, config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], program: 'node', flavor: 'alpine', version: '22.12.0' } });

// ---- Docker Hub community images the docs use ----

image('docker.io/hashicorp/http-echo', ['1.0.0', '1.0', 'latest'], { base: 'distroless-static', size: 7_700_000, own: 2, config: server('http-echo', 'distroless', ['/http-echo'], [], '1.0.0', [5678]) });
image('docker.io/hashicorp/http-echo', ['0.2.3'], { base: 'none', size: 3_970_000, own: 1, config: server('http-echo', 'distroless', ['/http-echo'], [], '0.2.3', [5678]) });
image('docker.io/vish/stress', ['latest'], { base: 'none', size: 5_000_000, own: 2, config: { entrypoint: ['/stress'], cmd: ['-logtostderr'], program: 'stress', flavor: 'distroless' } });
image('docker.io/polinux/stress', ['1.0.4', 'latest'], { base: 'alpine-3.18', size: 9_740_000, own: 2, config: { entrypoint: [], cmd: ['stress', '--help'], program: 'stress', flavor: 'alpine' } });
image('docker.io/radial/busyboxplus', ['curl', 'latest'], { base: 'none', size: 4_230_000, own: 2, config: sh('busybox', '1.22.1', ['curl']) });
image('docker.io/curlimages/curl', ['8.11.1', 'latest'], { base: 'alpine-3.21', size: 22_500_000, own: 3, config: { entrypoint: ['/entrypoint.sh'], cmd: ['curl'], program: 'shell', flavor: 'alpine', extraBinaries: ['curl'] } });
image('docker.io/nicolaka/netshoot', ['v0.13', 'latest'], { base: 'alpine-3.20', size: 465_000_000, own: 10, config: { entrypoint: [], cmd: ['zsh'], program: 'shell', flavor: 'alpine', extraBinaries: ['zsh', 'bash', 'curl', 'dig', 'host', 'nslookup', 'drill', 'nc', 'ncat', 'nmap', 'tcpdump', 'iperf3', 'ip', 'ss', 'iptables', 'jq', 'vim', 'mtr', 'socat', 'openssl', 'httpie', 'http'] } });
image('docker.io/bprashanth/nginxhttps', ['1.0'], { base: 'debian-stretch-slim', size: 107_000_000, own: 4, config: server('nginx', 'debian', [], ['/home/auto-reload-nginx.sh'], '1.11.1', [80, 443]) });
image('docker.io/microsoft/iis', ['latest', 'windowsservercore-1709'], { base: 'none', size: 5_100_000_000, own: 3, windowsOnly: true, config: server('server', 'distroless', [], ['C:\\ServiceMonitor.exe', 'w3svc'], '10', [80]) });
image('docker.io/microsoft/windowsservercore', ['1709', 'latest'], { base: 'none', size: 5_600_000_000, own: 2, windowsOnly: true, config: { entrypoint: [], cmd: ['c:\\windows\\system32\\cmd.exe'], program: 'shell', flavor: 'distroless' } });
image('mcr.microsoft.com/windows/servercore', ['ltsc2019', 'ltsc2022'], { base: 'none', size: 4_900_000_000, own: 2, windowsOnly: true, config: { entrypoint: [], cmd: ['c:\\windows\\system32\\cmd.exe'], program: 'shell', flavor: 'distroless' } });

// ---- registry.k8s.io (k8s.gcr.io is the old name of the same images) ----

for (const [tag, size] of [['3.10', 736_000], ['3.9', 744_000], ['3.8', 711_000], ['3.7', 711_000], ['3.6', 683_000], ['3.5', 683_000], ['3.2', 683_000], ['3.1', 742_000]] as const) {
  image('registry.k8s.io/pause', tag === '3.10' ? [tag, 'latest'] : [tag], { base: 'none', size, own: 1, ratio: 0.43, config: { entrypoint: ['/pause'], cmd: [], program: 'pause', flavor: 'distroless' } });
}
image('registry.k8s.io/busybox', ['1.27.2'], { base: 'none', size: 1_129_289, own: 1, ratio: 0.64, config: sh('busybox', '1.27.2') });
image('registry.k8s.io/busybox', ['latest', '1.24'], { base: 'none', size: 2_433_303, own: 3, ratio: 0.5, config: sh('busybox', '1.24.0') });
image('registry.k8s.io/hpa-example', ['latest'], { base: 'debian-jessie', size: 481_000_000, own: 12, config: server('php-apache', 'debian', ['docker-php-entrypoint'], ['apache2-foreground'], '5.6.x', [80]) });
for (const tag of ['2.53', '2.52', '2.47', '2.45', '2.43', '2.40', '2.39', '2.33']) {
  image('registry.k8s.io/e2e-test-images/agnhost', [tag], { base: 'alpine-3.18', size: 128_000_000 + Number(tag.slice(2)) * 100_000, own: 4, config: server('agnhost', 'alpine', ['/agnhost'], ['pause'], tag, [8080]) });
}
image('registry.k8s.io/e2e-test-images/jessie-dnsutils', ['1.3', '1.7'], { base: 'debian-jessie', size: 254_000_000, own: 3, config: sh('debian', undefined, ['nslookup', 'dig', 'host', 'ping', 'curl', 'wget', 'nc', 'ps', 'ip', 'ss']) });
image('registry.k8s.io/echoserver', ['1.10', '1.4'], { base: 'debian-stretch-slim', size: 95_400_000, own: 6, config: server('echoserver', 'debian', [], ['/usr/local/bin/run.sh'], '1.10', [8080]) });
image('registry.k8s.io/serve_hostname', ['latest', 'v1.4'], { base: 'none', size: 4_630_000, own: 1, config: server('serve-hostname', 'distroless', ['/serve_hostname'], [], '1.4', [9376]) });
image('registry.k8s.io/nginx-slim', ['0.24', '0.27'], { base: 'debian-buster-slim', size: 120_000_000, own: 4, config: server('nginx', 'debian', [], NGINX_CMD, '1.23.1', [80]) });
image('registry.k8s.io/nginx-slim', ['0.21', '0.8'], { base: 'debian-stretch-slim', size: 95_000_000, own: 4, config: server('nginx', 'debian', [], NGINX_CMD, '1.15.0', [80]) });
image('registry.k8s.io/nginx', ['latest', '1.7.9'], { base: 'debian-jessie', size: 133_000_000, own: 4, config: server('nginx', 'debian', [], NGINX_CMD, '1.7.9', [80]) });
image('registry.k8s.io/redis', ['e2e', 'latest'], {
  base: 'debian-stretch-slim',
  size: 79_700_000,
  own: 4,
  digests: ['sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee'],
  config: server('redis', 'debian', [], ['redis-server'], '3.2.9', [6379]),
});
image('registry.k8s.io/kubernetes-zookeeper', ['1.0-3.4.10'], { base: 'ubuntu-22.04', size: 301_000_000, own: 6, config: { ...server('server', 'ubuntu', [], ['start-zookeeper'], '3.4.10', [2181, 2888, 3888]), extraBinaries: ['start-zookeeper', 'zookeeper-ready', 'zkServer.sh', 'zkCli.sh', 'zkOk.sh', 'java'] } });
image('registry.k8s.io/goproxy', ['0.1'], { base: 'none', size: 5_010_000, own: 1, config: server('server', 'distroless', ['/goproxy'], [], '0.1', [8080]) });
// The control plane and addons kubeadm v1.31 installs (`kubeadm config images list`); kind's node image ships them.
for (const [component, size] of [['kube-apiserver', 94_200_000], ['kube-controller-manager', 89_400_000], ['kube-scheduler', 68_400_000], ['kube-proxy', 92_800_000]] as const) {
  image(`registry.k8s.io/${component}`, ['v1.31.4'], { base: 'distroless-static', size, own: 3, config: server(component, 'distroless', [], [component === 'kube-proxy' ? '/usr/local/bin/kube-proxy' : component], '1.31.4', []) });
}
image('registry.k8s.io/coredns/coredns', ['v1.11.3', 'v1.11.1'], { base: 'distroless-static', size: 61_800_000, own: 2, config: server('coredns', 'distroless', ['/coredns'], [], '1.11.3', [53, 8080, 8181, 9153]) });
image('registry.k8s.io/etcd', ['3.5.16-0'], { base: 'distroless-static', size: 57_700_000, own: 3, config: server('etcd', 'distroless', [], ['/usr/local/bin/etcd'], '3.5.16', [2379, 2380]) });
image('registry.k8s.io/etcd', ['3.5.15-0'], { base: 'distroless-static', size: 56_900_000, own: 3, config: server('etcd', 'distroless', [], ['/usr/local/bin/etcd'], '3.5.15', [2379, 2380]) });
image('registry.k8s.io/etcd', ['3.5.1-0'], { base: 'distroless-static', size: 98_900_000, own: 3, config: server('etcd', 'distroless', [], ['/usr/local/bin/etcd'], '3.5.1', [2379, 2380]) });
image('registry.k8s.io/fluentd-gcp', ['2.0.2', '1.30'], { base: 'debian-stretch-slim', size: 137_000_000, own: 5, config: server('server', 'debian', [], ['/run.sh'], '2.0.2', []) });
image('registry.k8s.io/event-exporter', ['v0.2.3'], { base: 'distroless-static', size: 46_000_000, own: 2, config: server('server', 'distroless', ['/event-exporter'], [], '0.2.3', [80]) });
image('registry.k8s.io/node-problem-detector', ['v0.1'], { base: 'debian-jessie', size: 180_000_000, own: 3, config: server('server', 'debian', ['/node-problem-detector'], [], '0.1', [20256]) });
image('registry.k8s.io/cpa/cluster-proportional-autoscaler', ['1.8.4', 'v1.9.0'], { base: 'distroless-static', size: 39_400_000, own: 2, config: server('server', 'distroless', ['/cluster-proportional-autoscaler'], [], '1.8.4', []) });
image('registry.k8s.io/kas-network-proxy/proxy-server', ['v0.0.37'], { base: 'distroless-static', size: 22_000_000, own: 2, config: server('server', 'distroless', ['/proxy-server'], [], '0.0.37', [8090, 8091]) });
image('registry.k8s.io/kas-network-proxy/proxy-agent', ['v0.0.37'], { base: 'distroless-static', size: 20_000_000, own: 2, config: server('server', 'distroless', ['/proxy-agent'], [], '0.0.37', [8093]) });
image('registry.k8s.io/cloud-controller-manager', ['v1.8.0'], { base: 'distroless-static', size: 120_000_000, own: 2, config: server('server', 'distroless', ['/usr/local/bin/cloud-controller-manager'], [], '1.8.0', []) });
image('registry.k8s.io/dra-example-driver/dra-example-driver', ['v0.2.0'], { base: 'distroless-static', size: 64_000_000, own: 2, config: server('server', 'distroless', ['/usr/bin/dra-example-kubeletplugin'], [], '0.2.0', []) });
image('quay.io/fluentd_elasticsearch/fluentd', ['v5.0.1', 'v4.7.2', 'v2.5.2'], { base: 'debian-bookworm-slim', size: 320_000_000, own: 6, config: server('server', 'debian', ['/entrypoint.sh'], [], '1.16.2', [24231]) });

// ---- Google's sample images (gcr.io/google-samples and its Artifact Registry successor) ----

for (const repo of ['gcr.io/google-samples', 'us-docker.pkg.dev/google-samples/containers/gke']) {
  image(`${repo}/hello-app`, ['1.0'], { base: 'alpine-3.18', size: 10_300_000, own: 2, config: server('hello-app', 'alpine', ['/hello-app'], [], '1.0.0', [8080]) });
  image(`${repo}/hello-app`, ['2.0'], { base: 'alpine-3.18', size: 10_300_100, own: 2, config: server('hello-app', 'alpine', ['/hello-app'], [], '2.0.0', [8080]) });
  image(`${repo}/gb-frontend`, ['v5'], { base: 'debian-bookworm-slim', size: 375_000_000, own: 8, config: server('php-apache', 'debian', [], ['apache2-foreground'], '5.6', [80]) });
  image(`${repo}/gb-redis-follower`, ['v2'], { base: 'debian-buster-slim', size: 104_000_000, own: 4, config: server('redis', 'debian', [], ['/run.sh'], '6.0.5', [6379]) });
}
// Kubernetes: Up and Running's demo app, published one repository per CPU architecture as plain
// single-platform images: on a node of another architecture they pull fine and fail to start.
image('gcr.io/kuar-demo/kuard-amd64', ['blue', '1'], { base: 'none', size: 19_970_000, own: 2, architecture: 'amd64', config: server('server', 'distroless', ['/kuard'], [], '0.10.0-blue', [8080]) });
image('gcr.io/kuar-demo/kuard-amd64', ['green', '2'], { base: 'none', size: 19_970_100, own: 2, architecture: 'amd64', config: server('server', 'distroless', ['/kuard'], [], '0.10.0-green', [8080]) });
image('gcr.io/kuar-demo/kuard-arm64', ['blue', '1'], { base: 'none', size: 18_760_000, own: 2, architecture: 'arm64', config: server('server', 'distroless', ['/kuard'], [], '0.10.0-blue', [8080]) });
image('gcr.io/kuar-demo/kuard-arm64', ['green', '2'], { base: 'none', size: 18_760_100, own: 2, architecture: 'arm64', config: server('server', 'distroless', ['/kuard'], [], '0.10.0-green', [8080]) });
image('gcr.io/google-samples/kubernetes-bootcamp', ['v1'], { base: 'debian-jessie', size: 211_000_000, own: 6, config: server('bootcamp', 'debian', [], ['/bin/sh', '-c', 'node server.js'], 'v1', [8080]) });
image('gcr.io/google-samples/kubernetes-bootcamp', ['v2'], { base: 'debian-jessie', size: 211_000_100, own: 6, config: server('bootcamp', 'debian', [], ['/bin/sh', '-c', 'node server.js'], 'v2', [8080]) });
image('gcr.io/google-samples/hello-go-gke', ['1.0'], { base: 'alpine-3.18', size: 11_000_000, own: 2, config: server('hello-app', 'alpine', ['/hello'], [], '1.0', [80]) });
image('gcr.io/google-samples/hello-frontend', ['1.0'], { base: 'debian-stretch-slim', size: 108_000_000, own: 3, config: server('nginx', 'debian', [], NGINX_CMD, '1.15.0', [80]) });
image('gcr.io/google-samples/cassandra', ['v13', 'v14'], { base: 'debian-stretch-slim', size: 290_000_000, own: 6, config: { ...server('server', 'debian', [], ['/run.sh'], '3.11.2', [7000, 7001, 7199, 9042]), extraBinaries: ['ready-probe.sh', 'cassandra', 'nodetool', 'cqlsh', 'java'] } });
image('gcr.io/google-samples/xtrabackup', ['1.0'], { base: 'debian-jessie', size: 265_000_000, own: 3, config: { entrypoint: [], cmd: ['bash'], program: 'shell', flavor: 'debian' } });

/** Registry hosts that exist (any other host fails to resolve, as a typo'd registry does). */
const KNOWN_HOSTS = new Set([
  'docker.io',
  'registry.k8s.io',
  'k8s.gcr.io',
  'gcr.io',
  'us.gcr.io',
  'eu.gcr.io',
  'asia.gcr.io',
  'us-docker.pkg.dev',
  'europe-docker.pkg.dev',
  'quay.io',
  'ghcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
  'registry.gitlab.com',
  'docker.elastic.co',
]);

/** k8s.gcr.io was frozen in 2023 and redirects to registry.k8s.io (us.gcr.io/k8s-artifacts-prod is its backing store). */
function aliasName(name: string): string {
  if (name.startsWith('k8s.gcr.io/')) return `registry.k8s.io/${name.slice('k8s.gcr.io/'.length)}`;
  if (name.startsWith('us.gcr.io/k8s-artifacts-prod/')) return `registry.k8s.io/${name.slice('us.gcr.io/k8s-artifacts-prod/'.length)}`;
  return name;
}

/**
 * Resolves a reference as containerd does before it pulls: registry host, repository, then the tag or
 * digest. The reasons are the tails of containerd's real error messages.
 */
export function resolveImage(ref: ImageReference): ResolveResult {
  const name = aliasName(ref.name);
  const shown = ref.canonical;
  if (!KNOWN_HOSTS.has(ref.registry)) {
    const path = `https://${ref.registry}/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag ?? 'latest'}`;
    return {
      ok: false,
      code: 'Unknown',
      reason: `failed to resolve reference "${shown}": failed to do request: Head "${path}": dial tcp: lookup ${ref.registry.replace(/:\d+$/, '')} on 127.0.0.11:53: no such host`,
    };
  }
  const list = catalogue.get(name);
  if (!list) {
    if (ref.registry === 'docker.io') {
      return {
        ok: false,
        code: 'Unknown',
        reason: `failed to resolve reference "${shown}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      };
    }
    return { ok: false, code: 'NotFound', reason: `failed to resolve reference "${shown}": ${shown}: not found` };
  }
  const manifest = ref.digest ? byDigest.get(`${name}@${ref.digest}`) : list.find((m) => m.tags.includes(ref.tag ?? 'latest'));
  if (!manifest) return { ok: false, code: 'NotFound', reason: `failed to resolve reference "${shown}": ${shown}: not found` };
  if (manifest.windowsOnly) return { ok: false, code: 'NotFound', reason: 'no match for platform in manifest: not found' };
  return { ok: true, manifest };
}

/** Every manifest in the catalogue (for the UI's image picker and tests). */
export function catalogueImages(): ImageManifest[] {
  return [...catalogue.values()].flat();
}
