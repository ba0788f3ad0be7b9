/**
 * A Dockerfile-like recipe and what building it makes: one layer per filesystem-changing step, stacked on
 * the base image's own layers. A layer's digest follows from its parent and its step's content, as the
 * build cache keys it: change the app's code and only the `COPY . /app` layer (and any after it) is new;
 * the base, runtime and dependency layers come from the cache and keep their digests. `CMD` changes the
 * image's config, not its filesystem, so it adds no layer (as in Docker).
 */
import { parseImageReference } from '../../runtime/imageReference';
import { resolveImage, type ImageFlavor, type ImageManifest, type Layer, type ProgramName } from '../../runtime/registry';
import { sha256Of } from '../../runtime/digest';

export const BASES = ['alpine', 'debian-slim', 'ubuntu'] as const;
export type BaseChoice = (typeof BASES)[number];
/** The public image each base choice names (`FROM` line and layers). */
export const BASE_IMAGE: Record<BaseChoice, string> = { alpine: 'alpine:3.20', 'debian-slim': 'debian:12-slim', ubuntu: 'ubuntu:24.04' };
export const RUNTIMES = ['python', 'node', 'none'] as const;
export type RuntimeChoice = (typeof RUNTIMES)[number];

/** Where the image is pushed: a registry on the developer's machine, as the docs' tutorials run one. */
export const IMAGE_NAME = 'localhost:5000/shop';

const MB = 1_000_000;
/** gzip on binaries and libraries: about 38% (the public catalogue's ratio). */
const COMPRESSION = 0.38;

export interface RecipeInput {
  base: BaseChoice;
  runtime: RuntimeChoice;
  dependenciesMb: number;
  appMb: number;
  /** Bumped when the student edits the app's code. */
  codeRevision: number;
}

export interface RecipeStep {
  /** `from`, `runtime`, `requirements`, `dependencies`, `app`, `cmd`. */
  id: string;
  /** The Dockerfile line, verbatim. */
  instruction: string;
  /** Bytes the step adds as a layer (`undefined`: no layer, config only; `FROM` brings the base's). */
  adds?: number;
  /** What the step's result depends on besides its parent (the files it copies, the packages it installs). */
  contentKey: string;
}

const RUNTIME_SIZE: Record<BaseChoice, Record<Exclude<RuntimeChoice, 'none'>, number>> = {
  alpine: { python: 44.6 * MB, node: 61.2 * MB },
  'debian-slim': { python: 49.7 * MB, node: 94.5 * MB },
  ubuntu: { python: 52.1 * MB, node: 98.3 * MB },
};

/** Short enough to read on the canvas (the real lines add `--no-cache`, `-y`, the pip/npm packages). */
function installLine(base: BaseChoice, runtime: Exclude<RuntimeChoice, 'none'>): string {
  const pkg = runtime === 'python' ? 'python3' : 'nodejs';
  return base === 'alpine' ? `RUN apk add ${pkg}` : `RUN apt install ${pkg}`;
}

export function recipeSteps(input: RecipeInput): RecipeStep[] {
  const steps: RecipeStep[] = [{ id: 'from', instruction: `FROM ${BASE_IMAGE[input.base]}`, contentKey: BASE_IMAGE[input.base] }];
  if (input.runtime !== 'none') {
    steps.push({ id: 'runtime', instruction: installLine(input.base, input.runtime), adds: RUNTIME_SIZE[input.base][input.runtime], contentKey: input.runtime });
    const manifestFile = input.runtime === 'python' ? 'deps.txt' : 'package.json';
    steps.push({ id: 'requirements', instruction: `COPY ${manifestFile} .`, adds: 1_200, contentKey: `${manifestFile}:${input.dependenciesMb}` });
    steps.push({
      id: 'dependencies',
      instruction: input.runtime === 'python' ? 'RUN pip install -r deps.txt' : 'RUN npm ci',
      adds: input.dependenciesMb * MB,
      contentKey: `deps:${input.dependenciesMb}`,
    });
  }
  steps.push({ id: 'app', instruction: 'COPY . /app', adds: input.appMb * MB, contentKey: `app:${input.appMb}:r${input.codeRevision}` });
  const cmd = input.runtime === 'python' ? '["python3", "main.py"]' : input.runtime === 'node' ? '["node", "server.js"]' : '["/app/shop"]';
  steps.push({ id: 'cmd', instruction: `CMD ${cmd}`, contentKey: cmd });
  return steps;
}

/** The base image's layers, from the public catalogue (the same digests every image on that base has). */
export function baseLayers(base: BaseChoice): Layer[] {
  const resolved = resolveImage(parseImageReference(BASE_IMAGE[base]));
  if (!resolved.ok) throw new Error(`base image ${BASE_IMAGE[base]} is not in the catalogue: ${resolved.reason}`);
  return resolved.manifest.layers;
}

export interface BuiltStep {
  step: RecipeStep;
  /** The layers this step contributes (the base's for `FROM`, one for a filesystem step, none for `CMD`). */
  layers: Layer[];
}

/** Layers of every step, each digest chained on its parent's. */
export function layersOf(input: RecipeInput): BuiltStep[] {
  let parent = '';
  return recipeSteps(input).map((step): BuiltStep => {
    if (step.id === 'from') {
      const layers = baseLayers(input.base);
      parent = layers[layers.length - 1]?.digest ?? '';
      return { step, layers };
    }
    if (step.adds === undefined) return { step, layers: [] };
    const digest = sha256Of(`layer:${parent}|${step.instruction}|${step.contentKey}`);
    parent = digest;
    return { step, layers: [{ digest, size: Math.round(step.adds), compressed: Math.round(step.adds * COMPRESSION) }] };
  });
}

const FLAVOR: Record<BaseChoice, ImageFlavor> = { alpine: 'alpine', 'debian-slim': 'debian', ubuntu: 'ubuntu' };
const PROGRAM: Record<RuntimeChoice, ProgramName> = { python: 'python', node: 'node', none: 'server' };

export function manifestOf(input: RecipeInput, built: BuiltStep[], tag: string): ImageManifest {
  const layers = built.flatMap((b) => b.layers);
  const cmd = built.find((b) => b.step.id === 'cmd')?.step.contentKey ?? '[]';
  return {
    name: parseImageReference(IMAGE_NAME).name,
    tags: [tag],
    digest: sha256Of(`manifest:${layers.map((l) => l.digest).join(',')}|${cmd}`),
    layers,
    size: layers.reduce((s, l) => s + l.size, 0),
    config: { entrypoint: [], cmd: JSON.parse(cmd) as string[], program: PROGRAM[input.runtime], flavor: FLAVOR[input.base], ports: [8080] },
  };
}
