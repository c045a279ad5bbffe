// The objects the sequences write: where they live, the skeleton their creator always applies
// (the required and immutable fields, never edited), and the edits managers make to the rest.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Obj } from '../../helpers/patchPodTemplate.js';
import type { Random } from '../../helpers/seededRandom.js';
import { ROLLOUT_CRD_V191 } from '../../helpers/crds.js';
import { at, mapEntry, METADATA_EDITS, prune, scalar, type Edit } from './edits.js';
import { appContainer, POD_TEMPLATE_EDITS } from './podTemplate.js';

export interface Target {
  /** `Deployment`, or `Deployment+status` (writes to /status too). */
  readonly name: string;
  readonly apiVersion: string;
  readonly kind: string;
  collection(namespace: string): string;
  /** The CRDs the engine needs (the Rollout's), else none. */
  readonly crds?: readonly object[];
  /** Whether the sequence also applies and updates through the status subresource. */
  readonly status: boolean;
  /** The creator's configuration: the skeleton, and maybe a few optional fields. */
  skeleton(random: Random, name: string): Obj;
  /** The edits of the main resource (configs and live objects). */
  readonly edits: readonly Edit[];
}

/** The Argo Rollouts v1.9.1 Rollout CRD, as the engine's `crds` option takes it. */
export const ROLLOUT_CRD: object = parse(readFileSync(ROLLOUT_CRD_V191, 'utf8')) as object;

const head = (apiVersion: string, kind: string, name: string, random: Random): Obj => {
  const metadata: Obj = { name };
  if (random.chance(0.5)) metadata.labels = { team: random.pick(['web', 'shop']) };
  if (random.chance(0.2)) metadata.finalizers = ['example.com/cleanup'];
  return { apiVersion, kind, metadata };
};

/** A workload's skeleton: selector, the template's `app` label and the `app` container. */
const workload = (apiVersion: string, kind: string, spec: (random: Random) => Obj) => (random: Random, name: string): Obj => ({
  ...head(apiVersion, kind, name, random),
  spec: {
    ...spec(random),
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [appContainer(random)] } },
  },
});

const replicas = scalar(['spec', 'replicas'], [0, 1, 2, 3, 5]);
const minReadySeconds = scalar(['spec', 'minReadySeconds'], [5, 10]);
const revisionHistoryLimit = scalar(['spec', 'revisionHistoryLimit'], [3, 5]);
const WORKLOAD_EDITS = [...METADATA_EDITS, ...POD_TEMPLATE_EDITS, ...POD_TEMPLATE_EDITS, minReadySeconds, revisionHistoryLimit];

const apps = (ns: string, plural: string) => `/apis/apps/v1/namespaces/${ns}/${plural}`;

const deployment: Omit<Target, 'name' | 'status'> = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  collection: (ns) => apps(ns, 'deployments'),
  skeleton: workload('apps/v1', 'Deployment', (random) => (random.chance(0.5) ? { replicas: random.pick([1, 2]) } : {})),
  edits: [
    ...WORKLOAD_EDITS,
    replicas,
    replicas,
    replicas,
    // `paused: false` is the omitempty zero value: owned, but never stored.
    scalar(['spec', 'paused'], [true, true, true, false]),
    scalar(['spec', 'progressDeadlineSeconds'], [300, 900]),
    // Never both zero (maxSurge never is).
    scalar(['spec', 'strategy', 'rollingUpdate', 'maxSurge'], [1, '50%']),
    scalar(['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], [0, 1, '10%']),
  ],
};

export const TARGETS: readonly Target[] = [
  { ...deployment, name: 'Deployment', status: false },
  { ...deployment, name: 'Deployment+status', status: true },
  {
    name: 'StatefulSet',
    status: false,
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    collection: (ns) => apps(ns, 'statefulsets'),
    // serviceName and podManagementPolicy are immutable: the skeleton's, for good.
    skeleton: workload('apps/v1', 'StatefulSet', (random) => ({
      serviceName: 'db',
      ...(random.chance(0.3) ? { podManagementPolicy: 'Parallel' } : {}),
      // Immutable too; the server defaults apiVersion, kind, volumeMode and a status in each claim.
      ...(random.chance(0.3) ? { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } : {}),
    })),
    edits: [
      ...WORKLOAD_EDITS,
      replicas,
      replicas,
      scalar(['spec', 'updateStrategy', 'rollingUpdate', 'partition'], [0, 1, 2]),
      scalar(['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted'], ['Retain', 'Delete']),
      scalar(['spec', 'persistentVolumeClaimRetentionPolicy', 'whenScaled'], ['Retain', 'Delete']),
    ],
  },
  {
    name: 'DaemonSet',
    status: false,
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    collection: (ns) => apps(ns, 'daemonsets'),
    skeleton: workload('apps/v1', 'DaemonSet', () => ({})),
    // maxSurge stays 0 (defaulted), so maxUnavailable never is.
    edits: [...WORKLOAD_EDITS, scalar(['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], [1, 2, '10%'])],
  },
  {
    name: 'Rollout',
    status: false,
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    collection: (ns) => `/apis/argoproj.io/v1alpha1/namespaces/${ns}/rollouts`,
    crds: [ROLLOUT_CRD],
    skeleton: workload('argoproj.io/v1alpha1', 'Rollout', (random) => ({
      strategy: { canary: { steps: [{ setWeight: random.pick([10, 20]) }, { pause: {} }] } },
    })),
    edits: [
      ...WORKLOAD_EDITS,
      replicas,
      replicas,
      scalar(['spec', 'paused'], [true, true, false]),
      // steps: an atomic list (no list type in the CRD).
      scalar(['spec', 'strategy', 'canary', 'steps'], [[{ setWeight: 50 }], [{ setWeight: 20 }, { pause: { duration: '30s' } }], [{ pause: {} }]], false),
      scalar(['spec', 'strategy', 'canary', 'maxSurge'], [1, '25%']),
    ],
  },
  {
    name: 'Job',
    status: false,
    apiVersion: 'batch/v1',
    kind: 'Job',
    collection: (ns) => `/apis/batch/v1/namespaces/${ns}/jobs`,
    // The template is immutable; a manual selector, as the generated one holds the Job's uid.
    skeleton: (random, name) => ({
      ...head('batch/v1', 'Job', name, random),
      spec: {
        manualSelector: true,
        suspend: true,
        selector: { matchLabels: { job: name } },
        template: { metadata: { labels: { job: name } }, spec: { restartPolicy: 'Never', containers: [appContainer(random)] } },
      },
    }),
    edits: [
      ...METADATA_EDITS,
      // Never dropped: a Job without parallelism gets completions defaulted, and completions is immutable.
      scalar(['spec', 'parallelism'], [1, 2, 3], false),
      scalar(['spec', 'activeDeadlineSeconds'], [600, 3600]),
      scalar(['spec', 'ttlSecondsAfterFinished'], [100, 300]),
      scalar(['spec', 'suspend'], [true, false]),
    ],
  },
  {
    name: 'ConfigMap',
    status: false,
    apiVersion: 'v1',
    kind: 'ConfigMap',
    collection: (ns) => `/api/v1/namespaces/${ns}/configmaps`,
    skeleton: (random, name) => ({ ...head('v1', 'ConfigMap', name, random), ...(random.chance(0.7) ? { data: { mode: 'fast' } } : {}) }),
    edits: [...METADATA_EDITS, ...Array(4).fill(mapEntry(['data'], ['mode', 'config.yaml', 'LOG_LEVEL', 'a.b-c_d'], ['fast', 'a: 1\n', 'debug', ' spaced ', 'ünïcode', '']))],
  },
  {
    name: 'Secret',
    status: false,
    apiVersion: 'v1',
    kind: 'Secret',
    collection: (ns) => `/api/v1/namespaces/${ns}/secrets`,
    skeleton: (random, name) => ({ ...head('v1', 'Secret', name, random), ...(random.chance(0.5) ? { type: 'Opaque' } : {}), data: { token: 'c2VjcmV0' } }),
    edits: [
      ...METADATA_EDITS,
      ...Array(4).fill(mapEntry(['data'], ['token', 'user', 'tls.key'], ['c2VjcmV0', 'YWRtaW4=', 'PD4m', ''])),
      // Write-only: the server moves stringData into data (base64) and never stores it.
      mapEntry(['stringData'], ['token', 'extra'], ['plain', 'a b']),
    ],
  },
  {
    name: 'Service',
    status: false,
    apiVersion: 'v1',
    kind: 'Service',
    collection: (ns) => `/api/v1/namespaces/${ns}/services`,
    // A headless Service half the time; the other half the server allocates a cluster IP.
    skeleton: (random, name) => ({
      ...head('v1', 'Service', name, random),
      spec: {
        ...(random.chance(0.5) ? { clusterIP: 'None' } : {}),
        ...(random.chance(0.3) ? { type: 'ClusterIP' } : {}),
        selector: { app: 'web' },
        ports: [{ name: 'tcp-80', port: 80, ...(random.chance(0.5) ? { protocol: 'TCP' } : {}) }],
      },
    }),
    edits: [...METADATA_EDITS, servicePort, servicePort, servicePort, mapEntry(['spec', 'selector'], ['tier'], ['web', 'front']), scalar(['spec', 'publishNotReadyAddresses'], [true]),
      // ClientIP gets a defaulted sessionAffinityConfig, which the server drops again with None.
      scalar(['spec', 'sessionAffinity'], ['ClientIP', 'None'])],
  },
];

/** A Service port added, removed (not the skeleton's port 80) or its targetPort changed. Names follow from the key. */
function servicePort(object: Obj, { random, keepSkeleton, isLive, mayDrop }: Parameters<Edit>[1]): string | undefined {
  const spec = at(object, 'spec');
  const ports: Obj[] = spec.ports ?? (spec.ports = []);
  const port = random.pick([80, 443, 8080, 53]);
  const protocol = port === 53 && random.chance(0.5) ? 'UDP' : 'TCP';
  const found = ports.find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
  if (found !== undefined && random.chance(0.5)) {
    found.targetPort = random.pick([9090, 'http', 'metrics', port].filter((t) => t !== found.targetPort));
    return `port ${port}/${protocol} targetPort ${found.targetPort}`;
  }
  const skeletonPort = port === 80 && protocol === 'TCP';
  if (found !== undefined) {
    if ((keepSkeleton && skeletonPort) || (isLive && ports.length === 1)) return undefined;
    if (!isLive && !mayDrop(`.spec.ports[port=${port},protocol="${protocol}"]`, 'name')) return undefined;
    ports.splice(ports.indexOf(found), 1);
    prune(object, 'spec', 'ports');
    return `remove port ${port}/${protocol}`;
  }
  const added: Obj = { name: `${protocol.toLowerCase()}-${port}`, port };
  if (protocol === 'UDP' || random.chance(0.6)) added.protocol = protocol;
  if (random.chance(0.5)) added.targetPort = random.pick([9090, 'http']);
  ports.splice(random.int(ports.length + 1), 0, added);
  return `add port ${port}/${protocol}`;
}
