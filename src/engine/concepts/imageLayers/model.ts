/**
 * Images and layers: build an image from a recipe (one layer per step), push it to a registry, pull it onto
 * nodes, run containers from it. The pulls are the engine's own: each node is a `ContainerRuntime` (the
 * kubelet's image puller, with its layer cache and download timing) resolving through a `PushableRegistry`,
 * so a node that has a layer skips it and the pull time shows it. Containers of one image share its
 * read-only layers; each has its own writable layer on top (copy-on-write), so one container's write is
 * invisible to the other. And the same image on a laptop, a test machine and production runs the same,
 * where installing by hand drifts.
 */
import { SeededRandom } from '../../clock/random';
import { VirtualClock } from '../../clock/virtualClock';
import { parseImageReference } from '../../runtime/imageReference';
import { ContainerRuntime } from '../../runtime/containerRuntime';
import { PushableRegistry } from '../../runtime/pushableRegistry';
import type { ImageManifest } from '../../runtime/registry';
import { ConceptLog } from '../conceptLog';
import { checkAction, mark, OK, Pulses, refuse } from '../modelKit';
import { checkKnob, defaultKnobs, type ActionSpec, type ConceptEdge, type ConceptMetric, type ConceptModel, type ConceptNode, type ConceptResult, type ConceptView, type KnobSpec, type KnobValue } from '../types';
import { ENVIRONMENTS, INSTALL_METHODS, runEverywhere, type EnvironmentRun, type InstallMethod } from './environments';
import { BASES, IMAGE_NAME, layersOf, manifestOf, RUNTIMES, type BaseChoice, type BuiltStep, type RecipeInput, type RuntimeChoice } from './recipe';

export const NODE_NAMES = ['node-1', 'node-2'] as const;
export const MAX_CONTAINERS_PER_NODE = 2;
/** A build step that runs (not cached) takes a fixed start plus its bytes at this rate. */
const BUILD_BYTES_PER_MS = 25_000;
const BUILD_STEP_MS = 600;
const CACHED_STEP_MS = 50;
/** Upload to the registry: a round trip per layer and the compressed bytes at ~20 MB/s. */
const UPLOAD_BYTES_PER_MS = 20_000;
const UPLOAD_LAYER_MS = 120;
/** The file each container reads and may write: it lives in the app layer. */
export const SETTINGS_FILE = '/app/settings.conf';
const SETTINGS_IN_IMAGE = 'mode=production';

const KNOBS: readonly KnobSpec[] = [
  { id: 'base', kind: 'choice', options: BASES, default: 'debian-slim' },
  { id: 'runtime', kind: 'choice', options: RUNTIMES, default: 'python' },
  { id: 'dependenciesMb', kind: 'number', min: 0, max: 400, step: 10, default: 60, unit: 'MB' },
  { id: 'appMb', kind: 'number', min: 1, max: 100, step: 1, default: 4, unit: 'MB' },
  { id: 'installMethod', kind: 'choice', options: INSTALL_METHODS, default: 'image' },
  /** The node that "Pull", "Run" and "Write" act on. */
  { id: 'node', kind: 'choice', options: NODE_NAMES, default: 'node-1' },
];

const ACTIONS: readonly ActionSpec[] = [
  { id: 'build' },
  { id: 'editCode' },
  { id: 'push' },
  { id: 'pull' },
  { id: 'run' },
  { id: 'write' },
  { id: 'deploy' },
];

interface BuiltImage {
  tag: string;
  manifest: ImageManifest;
  steps: Array<BuiltStep & { cached: boolean }>;
  buildMs: number;
}

interface NodeState {
  name: string;
  runtime: ContainerRuntime;
  /** The pull under way: layers that travel vs were already there. */
  pulling?: { tag: string; travelling: string[]; cached: string[] };
  lastPull?: { tag: string; ms: number; downloadedBytes: number; cachedLayers: number; travelledLayers: number };
  /** Images on the node's disk, by tag. */
  images: Map<string, ImageManifest>;
}

interface Container {
  id: string;
  node: string;
  tag: string;
  manifest: ImageManifest;
  /** The writable layer: files this container changed (copied up from the image, then written). */
  writes: Map<string, string>;
}

type Busy = { what: 'build' | 'push'; untilMs: number } | undefined;

function mb(bytes: number): number {
  return Math.round(bytes / 100_000) / 10;
}

function shortDigest(digest: string): string {
  return digest.replace('sha256:', '').slice(0, 12);
}

export class ImageLayersModel implements ConceptModel {
  readonly id = 'image-layers' as const;
  readonly knobs = KNOBS;
  readonly actions = ACTIONS;
  private readonly clock = new VirtualClock();
  private readonly startMs = this.clock.now();
  private readonly random: SeededRandom;
  private readonly registry = new PushableRegistry();
  private readonly log = new ConceptLog();
  private readonly values = defaultKnobs(KNOBS);
  private codeRevision = 1;
  /** The build cache: layer digest → it was built before (a rebuild of the same step reuses it). */
  private readonly buildCache = new Set<string>();
  private images: BuiltImage[] = [];
  private pushedTags = new Set<string>();
  private lastPush?: { tag: string; uploadedBytes: number; uploaded: number; mounted: number; existing: number; ms: number };
  private busy: Busy;
  /** Layers the current build or push has reached, for the animation. */
  private progress = 0;
  private readonly nodes: NodeState[];
  private readonly containers: Container[] = [];
  private environments: EnvironmentRun[] | undefined;
  private readonly pulses = new Pulses(() => this.now());

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
    const resolve = this.registry.resolve.bind(this.registry);
    this.nodes = NODE_NAMES.map((name) => ({ name, runtime: new ContainerRuntime(this.clock, resolve), images: new Map() }));
  }

  private now(): number {
    return this.clock.now() - this.startMs;
  }

  private recipe(): RecipeInput {
    return {
      base: this.values.base as BaseChoice,
      runtime: this.values.runtime as RuntimeChoice,
      dependenciesMb: this.values.dependenciesMb as number,
      appMb: this.values.appMb as number,
      codeRevision: this.codeRevision,
    };
  }

  private get latest(): BuiltImage | undefined {
    return this.images[this.images.length - 1];
  }

  setKnob(id: string, value: KnobValue): ConceptResult {
    const checked = checkKnob(KNOBS, id, value);
    if (!checked.ok) return checked;
    this.values[id] = value;
    return OK;
  }

  act(action: string): ConceptResult {
    const checked = checkAction(ACTIONS, action);
    if (!checked.ok) return checked;
    const node = this.values.node as string;
    switch (action) {
      case 'build':
        return this.build();
      case 'editCode':
        this.codeRevision++;
        this.log.add(this.now(), 'imageLayers.codeEdited', { revision: this.codeRevision });
        return OK;
      case 'push':
        return this.push();
      case 'pull':
        return this.pull(node);
      case 'run':
        return this.run(node);
      case 'write':
        return this.write(`${node}/c1`);
      case 'deploy':
        return this.deploy();
    }
    return refuse('action.unknown', { action });
  }

  private build(): ConceptResult {
    if (this.busy) return refuse(this.busy.what === 'build' ? 'imageLayers.busyBuilding' : 'imageLayers.busyPushing');
    const input = this.recipe();
    const built = layersOf(input);
    let ms = 0;
    const steps = built.map((b) => {
      const cached = b.step.id === 'from' || b.layers.every((l) => this.buildCache.has(l.digest));
      ms += cached ? CACHED_STEP_MS : BUILD_STEP_MS + Math.ceil(b.layers.reduce((s, l) => s + l.size, 0) / BUILD_BYTES_PER_MS);
      return { ...b, cached };
    });
    const previous = this.latest;
    const draft = manifestOf(input, built, 'draft');
    // Same recipe, same layers: the build makes the same image and the tag stays.
    const same = previous && previous.manifest.digest === draft.digest;
    const tag = same ? previous.tag : `1.${this.images.length}`;
    const manifest = same ? previous.manifest : manifestOf(input, built, tag);
    this.busy = { what: 'build', untilMs: this.now() + ms };
    this.progress = 0;
    this.log.add(this.now(), 'imageLayers.buildStarted', { tag, steps: steps.length });
    let at = 0;
    steps.forEach((s, i) => {
      at += s.cached ? CACHED_STEP_MS : BUILD_STEP_MS + Math.ceil(s.layers.reduce((sum, l) => sum + l.size, 0) / BUILD_BYTES_PER_MS);
      this.clock.setTimeout(() => {
        this.progress = i + 1;
        for (const l of s.layers) this.buildCache.add(l.digest);
        this.pulses.set(`step:${s.step.id}`, s.cached ? 'cached' : 'built');
        this.log.add(this.now(), s.cached ? 'imageLayers.stepCached' : 'imageLayers.stepBuilt', { step: s.step.instruction, sizeMb: mb(s.layers.reduce((sum, l) => sum + l.size, 0)) });
      }, at);
    });
    this.clock.setTimeout(() => {
      this.busy = undefined;
      if (!same) this.images.push({ tag, manifest, steps, buildMs: ms });
      else previous.steps = steps;
      this.log.add(this.now(), 'imageLayers.built', { image: `${IMAGE_NAME}:${tag}`, digest: shortDigest(manifest.digest), sizeMb: mb(manifest.size), layers: manifest.layers.length, seconds: Math.round(ms / 100) / 10 });
    }, ms);
    return OK;
  }

  private push(): ConceptResult {
    if (this.busy) return refuse(this.busy.what === 'build' ? 'imageLayers.busyBuilding' : 'imageLayers.busyPushing');
    const image = this.latest;
    if (!image) return refuse('imageLayers.notBuilt');
    const plan = this.registry.plan(image.manifest);
    const uploaded = plan.layers.filter((l) => l.outcome === 'uploaded');
    const ms = 200 + uploaded.length * UPLOAD_LAYER_MS + Math.ceil(plan.uploadedBytes / UPLOAD_BYTES_PER_MS);
    this.busy = { what: 'push', untilMs: this.now() + ms };
    this.log.add(this.now(), 'imageLayers.pushStarted', { image: `${IMAGE_NAME}:${image.tag}` });
    this.clock.setTimeout(() => {
      this.busy = undefined;
      const report = this.registry.push(image.manifest, image.tag);
      this.pushedTags.add(image.tag);
      this.pulses.set('registry', 'pushed');
      const count = (o: string) => report.layers.filter((l) => l.outcome === o).length;
      this.lastPush = { tag: image.tag, uploadedBytes: report.uploadedBytes, uploaded: count('uploaded'), mounted: count('mounted'), existing: count('exists'), ms };
      this.log.add(this.now(), 'imageLayers.pushed', { image: `${IMAGE_NAME}:${image.tag}`, uploaded: count('uploaded'), mounted: count('mounted'), existing: count('exists'), uploadedMb: mb(report.uploadedBytes) });
    }, ms);
    return OK;
  }

  private node(name: string): NodeState {
    return this.nodes.find((n) => n.name === name)!;
  }

  private pull(nodeName: string): ConceptResult {
    const image = this.latest;
    if (!image) return refuse('imageLayers.notBuilt');
    if (!this.pushedTags.has(image.tag)) return refuse('imageLayers.notPushed', { tag: image.tag });
    const node = this.node(nodeName);
    if (node.pulling) return refuse('imageLayers.pulling', { node: nodeName });
    const ref = parseImageReference(`${IMAGE_NAME}:${image.tag}`);
    const cached = image.manifest.layers.filter((l) => node.runtime.hasLayer(l.digest));
    const travelling = image.manifest.layers.filter((l) => !node.runtime.hasLayer(l.digest));
    node.pulling = { tag: image.tag, travelling: travelling.map((l) => l.digest), cached: cached.map((l) => l.digest) };
    this.log.add(this.now(), 'imageLayers.pullStarted', { node: nodeName, image: `${IMAGE_NAME}:${image.tag}`, travelling: travelling.length, cached: cached.length }, nodeName);
    node.runtime.pull(ref, (result) => {
      node.pulling = undefined;
      if (!result.ok) {
        this.log.add(this.now(), 'imageLayers.pullFailed', { node: nodeName, message: result.message }, nodeName);
        return;
      }
      node.images.set(image.tag, result.manifest);
      const downloadedBytes = travelling.reduce((s, l) => s + l.compressed, 0);
      node.lastPull = { tag: image.tag, ms: result.pullMs, downloadedBytes, cachedLayers: cached.length, travelledLayers: travelling.length };
      this.pulses.set(`machine:${nodeName}`, 'pulled');
      this.log.add(this.now(), 'imageLayers.pulled', { node: nodeName, image: `${IMAGE_NAME}:${image.tag}`, ms: result.pullMs, downloadedMb: mb(downloadedBytes), cached: cached.length }, nodeName);
    });
    return OK;
  }

  private run(nodeName: string): ConceptResult {
    const node = this.node(nodeName);
    const image = this.latest;
    const tag = image && node.images.has(image.tag) ? image.tag : [...node.images.keys()].pop();
    if (!tag) return refuse('imageLayers.notPulled', { node: nodeName });
    const mine = this.containers.filter((c) => c.node === nodeName);
    if (mine.length >= MAX_CONTAINERS_PER_NODE) return refuse('imageLayers.tooManyContainers', { node: nodeName, max: MAX_CONTAINERS_PER_NODE });
    const id = `${nodeName}/c${mine.length + 1}`;
    this.containers.push({ id, node: nodeName, tag, manifest: node.images.get(tag)!, writes: new Map() });
    this.pulses.set(`container:${id}`, 'started');
    this.log.add(this.now(), 'imageLayers.containerStarted', { container: id, image: `${IMAGE_NAME}:${tag}` }, nodeName);
    return OK;
  }

  private write(containerId: string): ConceptResult {
    const c = this.containers.find((x) => x.id === containerId);
    if (!c) return refuse('imageLayers.noContainer', { node: containerId.split('/')[0]! });
    const copiedUp = !c.writes.has(SETTINGS_FILE);
    c.writes.set(SETTINGS_FILE, `mode=debug-${c.id.split('/')[1]}`);
    this.pulses.set(`container:${c.id}`, 'written');
    this.log.add(this.now(), copiedUp ? 'imageLayers.copyUp' : 'imageLayers.rewrite', { container: c.id, file: SETTINGS_FILE }, c.node);
    return OK;
  }

  private deploy(): ConceptResult {
    const method = this.values.installMethod as InstallMethod;
    const image = this.latest;
    if (method === 'image' && !image) return refuse('imageLayers.notBuilt');
    this.environments = runEverywhere(method, this.values.runtime as RuntimeChoice, image?.manifest.digest, this.random);
    for (const run of this.environments) {
      this.log.add(this.now(), `imageLayers.${run.works ? 'envWorks' : 'envFails'}.${run.env}`, { runtime: run.runtime, library: run.library }, 'environments');
    }
    return OK;
  }

  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /** What a container reads at `path`: its own copy if it wrote one, else the image's (shared) file. */
  readFile(containerId: string, path: string): string | undefined {
    const c = this.containers.find((x) => x.id === containerId);
    if (!c) return undefined;
    return c.writes.get(path) ?? (path === SETTINGS_FILE ? SETTINGS_IN_IMAGE : undefined);
  }

  view(): ConceptView {
    const nodes: ConceptNode[] = [];
    const edges: ConceptEdge[] = [];
    const metrics: ConceptMetric[] = [];
    const image = this.latest;
    const building = this.busy?.what === 'build';

    // Build: the recipe's steps and the layers they make.
    nodes.push({ id: 'lane:build', kind: 'lane', label: 'label:build' });
    const steps = building || !image ? layersOf(this.recipe()).map((b) => ({ ...b, cached: false })) : image.steps;
    steps.forEach((s, i) => {
      const bytes = s.layers.reduce((sum, l) => sum + l.size, 0);
      const done = !building ? image !== undefined : i < this.progress;
      nodes.push({
        id: `step:${s.step.id}`,
        kind: 'step',
        parent: 'lane:build',
        label: s.step.instruction,
        // No badge before a build: the recipe is only text until it runs.
        ...(building && i === this.progress ? { health: 'busy' as const } : done ? { health: 'ok' as const } : {}),
        facts: { sizeMb: mb(bytes), ...(done && image ? { cached: mark(s.cached) } : {}) },
        ...this.pulses.of(`step:${s.step.id}`),
      });
    });

    // The registry and what it holds.
    nodes.push({ id: 'lane:registry', kind: 'lane', label: 'label:registry' });
    nodes.push({
      id: 'registry',
      kind: 'registry',
      parent: 'lane:registry',
      label: IMAGE_NAME.split('/')[0]!,
      health: this.busy?.what === 'push' ? 'busy' : 'ok',
      facts: { tags: [...this.pushedTags].map((t) => `shop:${t}`).join(', ') || '-', ...(this.lastPush ? { uploadedMb: mb(this.lastPush.uploadedBytes), mountedLayers: this.lastPush.mounted } : {}) },
      ...this.pulses.of('registry'),
    });
    if (image) {
      image.manifest.layers.forEach((l) => {
        const inRegistry = this.registry.hasBlob(l.digest) && this.pushedTags.size > 0;
        nodes.push({ id: `reglayer:${l.digest}`, kind: 'image-layer', parent: 'registry', label: shortDigest(l.digest), health: inRegistry ? 'ok' : 'pending', facts: { sizeMb: mb(l.size) } });
      });
      edges.push({ id: 'edge:push', from: 'lane:build', to: 'registry', kind: 'push', active: this.busy?.what === 'push' });
      metrics.push({ id: 'imageSizeMb', value: mb(image.manifest.size), unit: 'MB' });
      metrics.push({ id: 'layerCount', value: image.manifest.layers.length });
      metrics.push({ id: 'buildSeconds', value: Math.round(image.buildMs / 100) / 10, unit: 's' });
      metrics.push({ id: 'imageTag', value: `shop:${image.tag}` });
    }
    if (this.lastPush) metrics.push({ id: 'pushedMb', value: mb(this.lastPush.uploadedBytes), unit: 'MB', tone: this.lastPush.uploaded <= 1 ? 'good' : 'neutral' });

    // Nodes: the layers on each one's disk, and containers with their writable layers.
    nodes.push({ id: 'lane:nodes', kind: 'lane', label: 'label:nodes' });
    for (const n of this.nodes) {
      const onDisk = new Map<string, { size: number }>();
      for (const m of n.images.values()) for (const l of m.layers) onDisk.set(l.digest, { size: l.size });
      nodes.push({
        id: `machine:${n.name}`,
        kind: 'machine',
        parent: 'lane:nodes',
        label: n.name,
        health: n.pulling ? 'busy' : n.images.size > 0 ? 'ok' : 'idle',
        facts: { images: [...n.images.keys()].map((t) => `shop:${t}`).join(', ') || '-', diskMb: mb([...onDisk.values()].reduce((s, l) => s + l.size, 0)) },
        ...this.pulses.of(`machine:${n.name}`),
      });
      edges.push({ id: `edge:pull:${n.name}`, from: 'registry', to: `machine:${n.name}`, kind: 'pull', active: n.pulling !== undefined, ...(n.pulling ? { label: `${n.pulling.travelling.length}/${n.pulling.travelling.length + n.pulling.cached.length}` } : {}) });
      const shown = new Set<string>();
      const layerList = image ? image.manifest.layers : [];
      for (const l of [...layerList, ...[...n.images.values()].flatMap((m) => m.layers)]) {
        if (shown.has(l.digest)) continue;
        shown.add(l.digest);
        const travelling = n.pulling?.travelling.includes(l.digest);
        const present = onDisk.has(l.digest);
        if (!present && !travelling && !n.pulling?.cached.includes(l.digest)) continue;
        nodes.push({
          id: `nodelayer:${n.name}:${l.digest}`,
          kind: 'image-layer',
          parent: `machine:${n.name}`,
          label: shortDigest(l.digest),
          health: travelling ? 'busy' : 'ok',
          facts: { sizeMb: mb(l.size) },
          ...(travelling ? { pulse: 'pulling' } : {}),
        });
      }
      if (n.lastPull) {
        metrics.push({ id: 'pullMs', lane: n.name, value: n.lastPull.ms, unit: 'ms', tone: n.lastPull.cachedLayers > 0 ? 'good' : 'neutral' });
        metrics.push({ id: 'downloadedMb', lane: n.name, value: mb(n.lastPull.downloadedBytes), unit: 'MB' });
        metrics.push({ id: 'cachedLayers', lane: n.name, value: n.lastPull.cachedLayers });
      }
    }
    for (const c of this.containers) {
      const settings = this.readFile(c.id, SETTINGS_FILE) ?? '';
      const writableBytes = [...c.writes.values()].reduce((s, v) => s + v.length, 0);
      nodes.push({
        id: `container:${c.id}`,
        kind: 'container',
        parent: `machine:${c.node}`,
        label: c.id.split('/')[1]!,
        health: 'ok',
        facts: { image: `shop:${c.tag}`, settings },
        ...this.pulses.of(`container:${c.id}`),
      });
      nodes.push({
        id: `writable:${c.id}`,
        kind: 'image-layer',
        parent: `container:${c.id}`,
        label: 'label:writableLayer',
        health: c.writes.size > 0 ? 'ok' : 'idle',
        facts: { files: c.writes.size, bytes: writableBytes },
      });
    }
    metrics.push({ id: 'containers', value: this.containers.length });

    // The same app on three machines.
    nodes.push({ id: 'lane:environments', kind: 'lane', label: 'label:environments' });
    for (const env of ENVIRONMENTS) {
      const run = this.environments?.find((r) => r.env === env);
      nodes.push({
        id: `env:${env}`,
        kind: 'machine',
        parent: 'lane:environments',
        label: `label:env.${env}`,
        health: !run ? 'idle' : run.works ? 'ok' : 'failed',
        facts: run ? { runtime: run.runtime, library: run.library, ...(run.image ? { image: shortDigest(run.image) } : {}), works: mark(run.works) } : {},
      });
    }
    if (this.environments) {
      const distinct = new Set(this.environments.map((r) => `${r.runtime}|${r.library}`)).size;
      const working = this.environments.filter((r) => r.works).length;
      metrics.push({ id: 'distinctSetups', lane: 'environments', value: distinct, tone: distinct === 1 ? 'good' : 'bad' });
      metrics.push({ id: 'environmentsWorking', lane: 'environments', value: `${working}/${this.environments.length}`, tone: working === this.environments.length ? 'good' : 'bad' });
    }

    return { id: this.id, nowMs: this.now(), knobs: { ...this.values }, nodes, edges, metrics, log: this.log.snapshot() };
  }
}

export function createImageLayersModel(options: { seed: number }): ConceptModel {
  return new ImageLayersModel(options.seed);
}
