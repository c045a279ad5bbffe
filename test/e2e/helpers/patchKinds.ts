// The kinds of the patch differential suites: where they live on the API server, a random object
// to create, and random valid edits of the stored object (see patchPodTemplate.ts for the rules an
// edit follows: the server must accept the result and must have nothing to default in it).
import { rolloutSchema, schemaFor, type PatchSchema } from 'kubepatch';
import { editPodTemplate, newPodSpec, newTemplateLabels, type Obj } from './patchPodTemplate.js';
import type { Random } from './seededRandom.js';

export interface PatchKind {
  readonly kind: string;
  readonly apiVersion: string;
  /** The collection's path in `namespace`. */
  collection(namespace: string): string;
  /** Whether the server takes a strategic merge patch (not for custom resources: 415). */
  readonly strategic: boolean;
  readonly schema: PatchSchema;
  /** A random object to create (the server adds its defaults). */
  create(random: Random, name: string): Obj;
  /** A random valid edit of the stored `object`, as a new object. */
  edit(random: Random, object: Obj): Obj;
}

const LABEL_KEYS = ['team', 'tier', 'example.com/owner', 'track'];
const LABEL_VALUES = ['web', 'front', 'shop', 'v2'];
const ANNOTATION_KEYS = ['note', 'example.com/rev', 'example.com/json'];
const ANNOTATION_VALUES = ['1', 'hello world', '<b>&amp;', '{"a":[1,2]}'];
const FINALIZERS = ['example.com/cleanup', 'example.com/backup', 'example.com/audit'];

/** A map key added, changed or removed; the map itself is removed when it ends up empty. */
export function editMap(random: Random, parent: Obj, field: string, keys: readonly string[], values: readonly string[]): void {
  const map: Obj = { ...(parent[field] ?? {}) };
  const key = random.pick(keys);
  if (key in map && random.chance(0.4)) delete map[key];
  else map[key] = random.pick(values);
  if (Object.keys(map).length > 0) parent[field] = map;
  else delete parent[field];
}

/** Metadata edits every kind has: labels, annotations, finalizers (added, removed, reordered). */
function editMetadata(random: Random, metadata: Obj): void {
  const edits = [
    () => editMap(random, metadata, 'labels', LABEL_KEYS, LABEL_VALUES),
    () => editMap(random, metadata, 'annotations', ANNOTATION_KEYS, ANNOTATION_VALUES),
    () => {
      const kept = random.shuffle(random.subset(metadata.finalizers ?? [], 0.7));
      const added = random.subset(FINALIZERS.filter((f) => !kept.includes(f)), 0.3);
      const all = random.shuffle([...kept, ...added]);
      if (all.length > 0) metadata.finalizers = all;
      else delete metadata.finalizers;
    },
  ];
  random.pick(edits)();
}

function newMetadata(random: Random, name: string): Obj {
  const metadata: Obj = { name };
  if (random.chance(0.7)) metadata.labels = { team: random.pick(LABEL_VALUES) };
  if (random.chance(0.5)) metadata.annotations = { note: random.pick(ANNOTATION_VALUES) };
  if (random.chance(0.4)) metadata.finalizers = random.subset(FINALIZERS, 0.5);
  if (metadata.finalizers?.length === 0) delete metadata.finalizers;
  return metadata;
}

/** An edit of the object: metadata (weight 1) or `editSpec` (weight `specWeight`). */
function editObject(random: Random, object: Obj, editSpec: (spec: Obj) => void, specWeight = 3): Obj {
  const copy = structuredClone(object);
  const count = 1 + random.int(2);
  for (let i = 0; i < count; i++) {
    if (random.int(specWeight + 1) === 0) editMetadata(random, copy.metadata);
    else editSpec(copy.spec ?? copy);
  }
  return copy;
}

const selector = { matchLabels: { app: 'web' } };
const pick = <T>(random: Random, values: readonly T[], not?: T) => random.pick(values.filter((v) => v !== not));

const workload = (random: Random, name: string, apiVersion: string, kind: string, spec: Obj): Obj => ({
  apiVersion,
  kind,
  metadata: newMetadata(random, name),
  spec: { selector, template: { metadata: { labels: newTemplateLabels(random) }, spec: newPodSpec(random) }, ...spec },
});

const rollingUpdate = (random: Random) => ({ maxSurge: random.pick([1, '25%', '50%']), maxUnavailable: random.pick([0, 1, '25%']) });

export const DEPLOYMENT: PatchKind = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  collection: (ns) => `/apis/apps/v1/namespaces/${ns}/deployments`,
  strategic: true,
  schema: schemaFor('apps/v1', 'Deployment')!,
  create: (random, name) =>
    workload(random, name, 'apps/v1', 'Deployment', {
      replicas: random.int(4),
      ...(random.chance(0.4) ? { strategy: { type: 'Recreate' } } : {}),
    }),
  edit: (random, object) =>
    editObject(random, object, (spec) =>
      random.pick([
        () => editPodTemplate(random, spec.template),
        () => editPodTemplate(random, spec.template),
        () => (spec.replicas = pick(random, [0, 1, 2, 5], spec.replicas)),
        () => (spec.minReadySeconds ? delete spec.minReadySeconds : (spec.minReadySeconds = random.pick([5, 10]))),
        () => (spec.paused ? delete spec.paused : (spec.paused = true)),
        // `strategy` is retainKeys: a switch to Recreate must clear rollingUpdate.
        () => (spec.strategy = spec.strategy.type === 'Recreate' ? { type: 'RollingUpdate', rollingUpdate: rollingUpdate(random) } : { type: 'Recreate' }),
        () => spec.strategy.type === 'RollingUpdate' && (spec.strategy.rollingUpdate = rollingUpdate(random)),
      ])(),
    ),
};

export const STATEFUL_SET: PatchKind = {
  kind: 'StatefulSet',
  apiVersion: 'apps/v1',
  collection: (ns) => `/apis/apps/v1/namespaces/${ns}/statefulsets`,
  strategic: true,
  schema: schemaFor('apps/v1', 'StatefulSet')!,
  create: (random, name) => workload(random, name, 'apps/v1', 'StatefulSet', { serviceName: 'db', replicas: 1 + random.int(3) }),
  // Only replicas, template, updateStrategy, minReadySeconds and the PVC retention policy may change.
  edit: (random, object) =>
    editObject(random, object, (spec) =>
      random.pick([
        () => editPodTemplate(random, spec.template),
        () => editPodTemplate(random, spec.template),
        () => (spec.replicas = pick(random, [0, 1, 2, 5], spec.replicas)),
        () => (spec.minReadySeconds ? delete spec.minReadySeconds : (spec.minReadySeconds = random.pick([5, 10]))),
        () => (spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: random.int(3) } }),
        () => (spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: random.pick(['Retain', 'Delete']), whenScaled: random.pick(['Retain', 'Delete']) }),
      ])(),
    ),
};

export const DAEMON_SET: PatchKind = {
  kind: 'DaemonSet',
  apiVersion: 'apps/v1',
  collection: (ns) => `/apis/apps/v1/namespaces/${ns}/daemonsets`,
  strategic: true,
  schema: schemaFor('apps/v1', 'DaemonSet')!,
  create: (random, name) => workload(random, name, 'apps/v1', 'DaemonSet', {}),
  edit: (random, object) =>
    editObject(random, object, (spec) =>
      random.pick([
        () => editPodTemplate(random, spec.template),
        () => editPodTemplate(random, spec.template),
        () => (spec.minReadySeconds ? delete spec.minReadySeconds : (spec.minReadySeconds = random.pick([5, 10]))),
        () => (spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: random.pick([1, 2, '10%']), maxSurge: 0 } }),
        () => (spec.revisionHistoryLimit = random.pick([3, 10])),
      ])(),
    ),
};

const DATA_KEYS = ['mode', 'config.yaml', 'LOG_LEVEL', 'a.b-c_d'];
const DATA_VALUES = ['fast', 'a: 1\nb: [2, 3]\n', 'debug', ' spaced ', 'ünïcode'];

export const CONFIG_MAP: PatchKind = {
  kind: 'ConfigMap',
  apiVersion: 'v1',
  collection: (ns) => `/api/v1/namespaces/${ns}/configmaps`,
  strategic: true,
  schema: schemaFor('v1', 'ConfigMap')!,
  create: (random, name) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: newMetadata(random, name), data: { mode: random.pick(DATA_VALUES) } }),
  edit: (random, object) => editObject(random, object, (configMap) => editMap(random, configMap, 'data', DATA_KEYS, DATA_VALUES)),
};

const SERVICE_PORTS = [80, 443, 8080, 53];
const servicePort = (random: Random, port: number) => ({ name: `p${port}`, protocol: 'TCP', port, targetPort: random.pick([port, 9090, 'http']) });

export const SERVICE: PatchKind = {
  kind: 'Service',
  apiVersion: 'v1',
  collection: (ns) => `/api/v1/namespaces/${ns}/services`,
  strategic: true,
  schema: schemaFor('v1', 'Service')!,
  create: (random, name) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: newMetadata(random, name),
    spec: { selector: { app: 'web' }, ports: random.shuffle(SERVICE_PORTS).slice(0, 1 + random.int(3)).map((p) => servicePort(random, p)) },
  }),
  edit: (random, object) =>
    editObject(random, object, (spec) => {
      const ports: Obj[] = spec.ports;
      random.pick([
        () => {
          const unused = SERVICE_PORTS.filter((p) => !ports.some((e) => e.port === p));
          if (unused.length > 0) ports.splice(random.int(ports.length + 1), 0, servicePort(random, random.pick(unused)));
        },
        () => ports.length > 1 && ports.splice(random.int(ports.length), 1),
        () => ports.splice(0, ports.length, ...random.shuffle(ports)),
        () => (random.pick(ports).targetPort = random.pick([9090, 'http', 'metrics'])),
        () => editMap(random, spec, 'selector', ['app', 'tier'], ['web', 'front']),
        () => (spec.publishNotReadyAddresses ? delete spec.publishNotReadyAddresses : (spec.publishNotReadyAddresses = true)),
      ])();
    }),
};

/** Pods: the spec is immutable but for images and a shrinking activeDeadlineSeconds. */
export const POD: PatchKind = {
  kind: 'Pod',
  apiVersion: 'v1',
  collection: (ns) => `/api/v1/namespaces/${ns}/pods`,
  strategic: true,
  schema: schemaFor('v1', 'Pod')!,
  create: (random, name) => ({ apiVersion: 'v1', kind: 'Pod', metadata: newMetadata(random, name), spec: newPodSpec(random) }),
  edit: (random, object) =>
    editObject(
      random,
      object,
      (spec) =>
        random.pick([
          () => (random.pick(spec.containers as Obj[]).image = random.pick(['nginx:1.27', 'nginx:1.29', 'busybox:1.37'])),
          () => (spec.activeDeadlineSeconds = Math.max(1, (spec.activeDeadlineSeconds ?? 7200) - 1 - random.int(600))),
        ])(),
      1,
    ),
};

/** Jobs: the template is immutable; parallelism, suspend and activeDeadlineSeconds are not. */
export const JOB: PatchKind = {
  kind: 'Job',
  apiVersion: 'batch/v1',
  collection: (ns) => `/apis/batch/v1/namespaces/${ns}/jobs`,
  strategic: true,
  schema: schemaFor('batch/v1', 'Job')!,
  create: (random, name) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    // A Job whose labels are emptied gets its template's labels again (defaulting): one label stays.
    metadata: { ...newMetadata(random, name), labels: { 'e2e-kept': 'yes' } },
    spec: { suspend: true, template: { spec: newPodSpec(random, 'Never') } },
  }),
  edit: (random, object) =>
    editObject(random, object, (spec) =>
      random.pick([
        () => (spec.parallelism = pick(random, [1, 2, 3], spec.parallelism)),
        () => (spec.activeDeadlineSeconds = random.pick([600, 3600])),
        () => (spec.suspend = !spec.suspend),
      ])(),
    ),
};

const canarySteps = (random: Random) =>
  random.shuffle([{ setWeight: random.pick([10, 20, 50]) }, { pause: random.chance(0.5) ? {} : { duration: random.pick(['30s', '5m']) } }, { setWeight: 80 }]).slice(0, 1 + random.int(3));

/** The Argo Rollout (a custom resource: merge patch and JSON Patch only). */
export const ROLLOUT: PatchKind = {
  kind: 'Rollout',
  apiVersion: 'argoproj.io/v1alpha1',
  collection: (ns) => `/apis/argoproj.io/v1alpha1/namespaces/${ns}/rollouts`,
  strategic: false,
  schema: rolloutSchema(),
  create: (random, name) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: newMetadata(random, name),
    spec: {
      replicas: 1 + random.int(3),
      selector,
      template: { metadata: { labels: newTemplateLabels(random) }, spec: newPodSpec(random) },
      strategy: { canary: { steps: canarySteps(random) } },
    },
  }),
  edit: (random, object) =>
    editObject(random, object, (spec) =>
      random.pick([
        () => editPodTemplate(random, spec.template),
        () => editPodTemplate(random, spec.template),
        () => (spec.replicas = pick(random, [0, 1, 2, 5], spec.replicas)),
        () => (spec.strategy.canary.steps = canarySteps(random)),
        () => (spec.strategy.canary.maxSurge = random.pick([1, '25%'])),
        () => (spec.paused ? delete spec.paused : (spec.paused = true)),
      ])(),
    ),
};

export const BUILTIN_KINDS: readonly PatchKind[] = [DEPLOYMENT, STATEFUL_SET, DAEMON_SET, CONFIG_MAP, SERVICE, POD, JOB];
export const ALL_KINDS: readonly PatchKind[] = [...BUILTIN_KINDS, ROLLOUT];
