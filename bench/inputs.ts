/**
 * The documents every task is measured on, generated from fixed seeds so that every run and every
 * child process builds the same bytes. Each input is a pair (`before`, `after`) of one object and
 * the schema of its kind.
 */
import { schemaFor, type JsonObject, type JsonValue, type PatchSchema } from '../src/index.js';
import { mergeItemBuilders } from './mergeItemInputs.js';
import { elementFates, seededRandom } from './random.js';
import type { TaskId } from './tasks.js';

/**
 * The Go type whose struct tags give Go's apimachinery the patch metadata of a document, when the
 * bench times Go on it (bench/apimachinery.ts, go/cmd/apimachinery-bench); `MergeItem` is
 * apimachinery's own test type (bench/mergeItemInputs.ts).
 */
export type GoType = 'apps/v1.Deployment' | 'apps/v1.StatefulSet' | 'core/v1.Pod' | 'core/v1.ConfigMap' | 'MergeItem';

export interface BenchInput {
  readonly id: string;
  readonly title: string;
  /** Inputs of one series differ only in list length; the chart plots the `env` series. */
  readonly series?: 'env' | 'containers' | 'mergeitem';
  /** What changes: a whole manifest, one long list, or one large map. */
  readonly shape: 'manifest' | 'list' | 'map';
  /** Elements in the list or map that changes, for time per element; `undefined` for manifests. */
  readonly size?: number;
  /** A size every controller meets on every reconcile: the "typical sizes" of the goals. */
  readonly typical: boolean;
  /** Large enough that peak memory is worth measuring (in a child process per case). */
  readonly large: boolean;
  readonly before: JsonObject;
  readonly after: JsonObject;
  readonly schema: PatchSchema;
  /**
   * Go's type for the document, when Go's apimachinery is timed on it too. The Argo Rollout has
   * none: no Go type of it is in the module go/ (Argo Rollouts' own Go module is not a dependency),
   * and a custom resource gets a JSON merge patch from kubectl, not a strategic one.
   */
  readonly goType?: GoType;
  /** The tasks measured on this input; all when absent. */
  readonly tasks?: readonly TaskId[];
}

/** List lengths of the `env` series (the chart's x axis) and of the `containers` series. */
export const envSizes = [10, 30, 100, 300, 1_000, 3_000, 10_000] as const;
export const containerSizes = [10, 100, 1_000, 10_000] as const;

const seed = 20_261_123;

type Builder = () => BenchInput;

/** Every input by id, in the order the report lists them; built on demand. */
export const inputBuilders: ReadonlyMap<string, Builder> = new Map<string, Builder>([
  ['deployment', typicalDeployment],
  ['statefulset', typicalStatefulSet],
  ['pod', typicalPod],
  ['rollout', typicalRollout],
  ['pod-50-containers', podWith50Containers],
  ['configmap-10k', configMapWith10kKeys],
  ...envSizes.map((size): [string, Builder] => [`env-${size}`, () => envList(size)]),
  ...containerSizes.map((size): [string, Builder] => [`containers-${size}`, () => containerList(size)]),
  ['env-1000-reorder', envReorder],
  ...mergeItemBuilders,
]);

export function buildInput(id: string): BenchInput {
  const build = inputBuilders.get(id);
  if (build === undefined) throw new Error(`no benchmark input ${JSON.stringify(id)}`);
  return build();
}

function schemaOf(apiVersion: string, kind: string): PatchSchema {
  const schema = schemaFor(apiVersion, kind);
  if (schema === undefined) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return schema;
}

/** Applies the standard change (5% changed, 5% removed, 5% followed by a new element) to a list. */
function changeList<T>(list: readonly T[], listSeed: number, change: (item: T, index: number) => T, create: (index: number) => T): T[] {
  const fates = elementFates(list.length, listSeed);
  return list.flatMap((item, index) => {
    switch (fates[index]) {
      case 'changed':
        return [change(item, index)];
      case 'removed':
        return [];
      case 'followed-by-new':
        return [item, create(index)];
      default:
        return [item];
    }
  });
}

function pod(name: string, containers: JsonValue[]): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'bench', labels: { app: name } }, spec: { containers } };
}

function container(name: string, version: string, env: JsonValue[]): JsonObject {
  return {
    name,
    image: `registry.example.com/team/${name}:${version}`,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    env,
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  };
}

function envVar(name: string, value: string): JsonObject {
  return { name, value };
}

function envList(size: number): BenchInput {
  const env = Array.from({ length: size }, (_, i) => envVar(`VAR_${i}`, `value-${i}`));
  const changed = changeList(env, seed + size, (item, i) => ({ ...item, value: `changed-${i}` }), (i) => envVar(`NEW_${i}`, 'new'));
  return {
    id: `env-${size}`,
    title: `env list of ${size.toLocaleString('en')}`,
    series: 'env',
    shape: 'list',
    size,
    typical: size <= 100,
    large: size >= 1_000,
    before: pod('env', [container('app', '1.0.0', env)]),
    after: pod('env', [container('app', '1.0.0', changed)]),
    schema: schemaOf('v1', 'Pod'),
    goType: 'core/v1.Pod',
  };
}

function containerList(size: number): BenchInput {
  const env = (i: number) => [envVar('INDEX', String(i)), envVar('LOG_LEVEL', 'info')];
  const containers = Array.from({ length: size }, (_, i) => container(`c-${i}`, '1.0.0', env(i)));
  const changed = changeList(
    containers,
    seed + size + 1,
    (item) => ({ ...item, image: String(item.image).replace(':1.0.0', ':1.0.1') }),
    (i) => container(`new-${i}`, '1.0.0', env(i)),
  );
  return {
    id: `containers-${size}`,
    title: `containers list of ${size.toLocaleString('en')}`,
    series: 'containers',
    shape: 'list',
    size,
    typical: false,
    large: size >= 1_000,
    before: pod('containers', containers),
    after: pod('containers', changed),
    schema: schemaOf('v1', 'Pod'),
    goType: 'core/v1.Pod',
  };
}

/** 5% of a 1,000-element env list moved to other places; nothing else changes. */
function envReorder(): BenchInput {
  const size = 1_000;
  const env = Array.from({ length: size }, (_, i) => envVar(`VAR_${i}`, `value-${i}`));
  const next = seededRandom(seed + 7);
  const reordered = [...env];
  for (let moved = 0; moved < size * 0.05; moved++) {
    const [item] = reordered.splice(Math.floor(next() * reordered.length), 1);
    reordered.splice(Math.floor(next() * reordered.length), 0, item!);
  }
  return {
    id: 'env-1000-reorder',
    title: 'env list of 1,000, 5% moved',
    shape: 'list',
    size,
    typical: false,
    large: true,
    before: pod('env', [container('app', '1.0.0', env)]),
    after: pod('env', [container('app', '1.0.0', reordered)]),
    schema: schemaOf('v1', 'Pod'),
    goType: 'core/v1.Pod',
  };
}

/** 50 containers with 10 variables each; 5% of the containers changed, 5% removed, 5% added. */
function podWith50Containers(): BenchInput {
  const env = (i: number) => Array.from({ length: 10 }, (_, k) => envVar(`VAR_${k}`, `c${i}-${k}`));
  const containers = Array.from({ length: 50 }, (_, i) => container(`c-${i}`, '1.0.0', env(i)));
  const changed = changeList(
    containers,
    seed + 50,
    (item) => ({ ...item, image: String(item.image).replace(':1.0.0', ':1.1.0') }),
    (i) => container(`new-${i}`, '1.0.0', env(i)),
  );
  return {
    id: 'pod-50-containers',
    title: 'Pod with 50 containers',
    shape: 'list',
    size: 50,
    typical: true,
    large: false,
    before: pod('big', containers),
    after: pod('big', changed),
    schema: schemaOf('v1', 'Pod'),
    goType: 'core/v1.Pod',
  };
}

function configMapWith10kKeys(): BenchInput {
  const next = seededRandom(seed + 10_000);
  const entries = Array.from({ length: 10_000 }, (_, i): [string, string] => [`key-${String(i).padStart(5, '0')}`, `value-${Math.floor(next() * 1e9)}`]);
  const changed = changeList(entries, seed + 10_001, ([key]): [string, string] => [key, 'changed'], (i): [string, string] => [`new-${i}`, 'new']);
  const configMap = (data: Array<[string, string]>): JsonObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'bench' },
    data: Object.fromEntries(data),
  });
  return {
    id: 'configmap-10k',
    title: 'ConfigMap with 10,000 keys',
    shape: 'map',
    size: 10_000,
    typical: false,
    large: true,
    before: configMap(entries),
    after: configMap(changed),
    schema: schemaOf('v1', 'ConfigMap'),
    goType: 'core/v1.ConfigMap',
  };
}

/** A Deployment as a team would write it; the change is a release: image, one variable, replicas. */
function typicalDeployment(): BenchInput {
  const before = workload('apps/v1', 'Deployment', 'checkout', { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } });
  const after = release(before, { replicas: 5 });
  return { id: 'deployment', title: 'Deployment (release)', shape: 'manifest', typical: true, large: false, before, after, schema: schemaOf('apps/v1', 'Deployment'), goType: 'apps/v1.Deployment' };
}

/** The same workload as a StatefulSet, with the same release. */
function typicalStatefulSet(): BenchInput {
  const before = workload('apps/v1', 'StatefulSet', 'ledger', { replicas: 3, serviceName: 'ledger', podManagementPolicy: 'Parallel' });
  const after = release(before, { replicas: 5 });
  return { id: 'statefulset', title: 'StatefulSet (release)', shape: 'manifest', typical: true, large: false, before, after, schema: schemaOf('apps/v1', 'StatefulSet'), goType: 'apps/v1.StatefulSet' };
}

/** The Deployment's pod template as a Pod of its own, with the release's container changes. */
function typicalPod(): BenchInput {
  const asPod = (manifest: JsonObject): JsonObject => {
    const { metadata, spec } = manifest as unknown as { metadata: JsonObject; spec: { template: { spec: JsonObject } } };
    return { apiVersion: 'v1', kind: 'Pod', metadata, spec: spec.template.spec };
  };
  const deployment = typicalDeployment();
  return { id: 'pod', title: 'Pod (release)', shape: 'manifest', typical: true, large: false, before: asPod(deployment.before), after: asPod(deployment.after), schema: schemaOf('v1', 'Pod'), goType: 'core/v1.Pod' };
}

/** An Argo Rollout with eight canary steps; the change is a release and one step's weight. */
function typicalRollout(): BenchInput {
  const steps: JsonObject[] = [{ setWeight: 10 }, { pause: { duration: '5m' } }, { setWeight: 25 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: { duration: '10m' } }, { setWeight: 75 }, { pause: {} }];
  const canary: JsonObject = { canaryService: 'storefront-canary', stableService: 'storefront-stable', maxSurge: '25%', maxUnavailable: 0, steps };
  const before = workload('argoproj.io/v1alpha1', 'Rollout', 'storefront', { replicas: 4, strategy: { canary } });
  const after = release(before, { strategy: { canary: { ...canary, steps: steps.map((step, i) => (i === 2 ? { setWeight: 30 } : step)) } } });
  return { id: 'rollout', title: 'Rollout (release, one step)', shape: 'manifest', typical: true, large: false, before, after, schema: schemaOf('argoproj.io/v1alpha1', 'Rollout') };
}

/** A workload with an application container (twelve variables, probes) and a proxy sidecar. */
function workload(apiVersion: string, kind: string, name: string, spec: JsonObject): JsonObject {
  const next = seededRandom(seed + name.length);
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'shop' };
  const env = Array.from({ length: 12 }, (_, i) => envVar(`SETTING_${i}`, `v${Math.floor(next() * 1e6)}`));
  const probe = (path: string) => ({ httpGet: { path, port: 'http' }, periodSeconds: 10, failureThreshold: 3 });
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'shop', labels, annotations: { team: 'payments', 'kubernetes.io/change-cause': 'release 1.4.2' } },
    spec: {
      ...spec,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: {
        metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' } },
        spec: {
          serviceAccountName: name,
          containers: [
            {
              ...container(name, '1.4.2', env),
              ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
              readinessProbe: probe('/ready'),
              livenessProbe: probe('/health'),
              volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
            },
            { name: 'envoy', image: 'envoyproxy/envoy:v1.31.2', args: ['--config-path', '/etc/envoy/envoy.yaml'], ports: [{ name: 'proxy', containerPort: 10000, protocol: 'TCP' }] },
          ],
          volumes: [{ name: 'config', configMap: { name: `${name}-config` } }],
        },
      },
    },
  };
}

/** The parts of {@link workload}'s output that a release changes. */
interface ReleasedParts {
  metadata: { annotations: Record<string, string> };
  spec: JsonObject & { template: { spec: { containers: Array<{ image: string; env: JsonObject[] }> } } };
}

/** The next release of a workload: new image, one variable changed, one added, change-cause. */
function release(manifest: JsonObject, specChanges: JsonObject): JsonObject {
  const next = structuredClone(manifest) as unknown as ReleasedParts;
  Object.assign(next.spec, specChanges);
  next.metadata.annotations['kubernetes.io/change-cause'] = 'release 1.5.0';
  const app = next.spec.template.spec.containers[0]!;
  app.image = app.image.replace(':1.4.2', ':1.5.0');
  app.env[3]!.value = 'changed';
  app.env.push(envVar('FEATURE_NEW_CART', 'true'));
  return next as unknown as JsonObject;
}
