/**
 * Server-side apply in the benchmark (`--only=ssa`): `serverSideApply`, `recordUpdate` and the
 * FieldsV1 codec (`FieldSet`) on a typical Deployment, then on long lists and maps to see how the
 * time per element grows. Every output is checked once before it is timed, like the tasks' outputs.
 *
 * - The Deployment (three containers with env, ports, mounts, probes; volumes; labels): created by
 *   an apply; applied again by the same manager with a new image and one label fewer (the removal
 *   path); applied by a second manager that changes fields the first owns (the conflict path:
 *   `ApplyConflictError`, caught); scaled by an `Update` (`recordUpdate`). Then the FieldsV1 of its
 *   `Apply` entry: decoded from the object and from its text, encoded to both.
 * - Lists and maps of 1,000 to 10,000 elements: a Deployment whose container has n env variables
 *   (an associative list keyed by `name`) and a ConfigMap with n data keys (a granular map), already
 *   applied by the manager; the timed apply changes 10% of the elements and drops 5%, which the
 *   apply removes. The manager's resulting entry is then decoded and encoded by `FieldSet`.
 */
import { ApplyConflictError, FieldSet, recordUpdate, serverSideApply, type JsonObject, type ManagedFieldsEntry, type WriteResult } from '../src/index.js';
import equal from 'fast-deep-equal';
import { batchSize, median, sample } from './measure.js';
import { seededRandom } from './random.js';
import type { Outcome } from './results.js';

/** List lengths of the list and map cases. */
export const ssaSizes = [1_000, 2_000, 5_000, 10_000] as const;

export type SsaSeries = 'env' | 'configmap';

/** One timed call of the Deployment group. */
export interface SsaDeploymentResult {
  readonly id: string;
  readonly title: string;
  outcome: Outcome;
  /** What is wrong with the output, when the check found something. */
  wrong?: string;
}

/** One list length of one series: the apply and the FieldSet codec on its result. */
export interface SsaListResult {
  readonly series: SsaSeries;
  readonly size: number;
  /** Paths in the manager's entry after the apply (`FieldSet.size`). */
  readonly paths: number;
  apply: Outcome;
  decode: Outcome;
  encode: Outcome;
  wrong?: string;
}

export interface SsaResults {
  readonly deployment: readonly SsaDeploymentResult[];
  readonly lists: readonly SsaListResult[];
  /** Paths in the Deployment's `Apply` entry, for the codec rows. */
  readonly deploymentPaths: number;
}

export interface SsaBudget {
  readonly rounds: number;
  readonly roundBudgetMs: number;
  /** A call slower than this (in its checked call) is timed once instead of sampled. */
  readonly slowCallMs: number;
}

const manager = 'deployer';
const now = new Date('2026-01-01T00:00:00Z');
const seed = 20_261_124;

/** One case: `prepare` builds what the call needs (untimed), `check` looks at one output. */
interface SsaCase {
  readonly run: () => unknown;
  readonly check: (output: unknown) => string | undefined;
}

export function measureServerSideApply(budget: SsaBudget, log: (line: string) => void = () => {}): SsaResults {
  const deployment = measureDeployment(budget);
  log(`ssa deployment: done`);
  const lists: SsaListResult[] = [];
  for (const series of ['env', 'configmap'] as const) {
    for (const size of ssaSizes) {
      lists.push(measureList(series, size, budget));
      log(`ssa ${series}-${size}: done`);
    }
  }
  return { ...deployment, lists };
}

// ---------------------------------------------------------------------------------------------
// The Deployment

function measureDeployment(budget: SsaBudget): { deployment: SsaDeploymentResult[]; deploymentPaths: number } {
  const config = typicalDeployment();
  const created = serverSideApply(null, config, { manager, now });
  const entry = entryOf(created, manager);
  const fieldsV1 = entry.fieldsV1!;
  const text = JSON.stringify(fieldsV1);
  const set = FieldSet.fromFieldsV1(fieldsV1);

  const release = structuredClone(config) as unknown as DeploymentShape;
  release.spec.template.spec.containers[0]!.image = 'registry.example.com/shop/checkout:1.5.0';
  delete release.metadata.labels['app.kubernetes.io/version'];

  const rival = structuredClone(config) as unknown as DeploymentShape;
  rival.spec.replicas = 1;
  rival.spec.template.spec.containers[0]!.image = 'registry.example.com/shop/checkout:hotfix';
  const rivalConfig = { apiVersion: config.apiVersion, kind: config.kind, metadata: { name: release.metadata.name, namespace: release.metadata.namespace }, spec: rival.spec } as unknown as JsonObject;

  const scaled = structuredClone(created.object) as unknown as DeploymentShape;
  scaled.spec.replicas = 6;

  const cases: Array<{ id: string; title: string; case: SsaCase }> = [
    {
      id: 'create',
      title: 'create by apply (`live` null)',
      case: { run: () => serverSideApply(null, config, { manager, now }), check: (out) => (entryOf(out as WriteResult, manager).operation === 'Apply' ? undefined : 'no Apply entry') },
    },
    {
      id: 'reapply',
      title: 'apply again, same manager: new image, one label dropped',
      case: {
        run: () => serverSideApply(created.object, release as unknown as JsonObject, { manager, now }),
        check: (out) => {
          const object = (out as WriteResult).object as unknown as DeploymentShape;
          if ('app.kubernetes.io/version' in object.metadata.labels) return 'the dropped label is still there';
          return object.spec.template.spec.containers[0]!.image.endsWith(':1.5.0') ? undefined : 'the image did not change';
        },
      },
    },
    {
      id: 'conflict',
      title: 'apply by a second manager, 2 conflicts (`ApplyConflictError` caught)',
      case: {
        run: () => {
          try {
            return serverSideApply(created.object, rivalConfig, { manager: 'hotfixer', now });
          } catch (error) {
            if (error instanceof ApplyConflictError) return error;
            throw error;
          }
        },
        check: (out) => (out instanceof ApplyConflictError && out.conflicts.length === 2 ? undefined : `expected ApplyConflictError with 2 conflicts, got ${describe(out)}`),
      },
    },
    {
      id: 'update',
      title: '`recordUpdate`: replicas scaled by another manager',
      case: {
        run: () => recordUpdate(created.object, scaled as unknown as JsonObject, { manager: 'kubectl-scale', now }),
        check: (out) => {
          const result = out as WriteResult;
          const scaler = FieldSet.fromFieldsV1(entryOf(result, 'kubectl-scale').fieldsV1);
          const applier = FieldSet.fromFieldsV1(entryOf(result, manager).fieldsV1);
          const replicas = [
            { kind: 'field', name: 'spec' },
            { kind: 'field', name: 'replicas' },
          ] as const;
          return scaler.has(replicas) && !applier.has(replicas) ? undefined : '.spec.replicas did not move to the scaler';
        },
      },
    },
    {
      id: 'decode',
      title: '`FieldSet.fromFieldsV1` (decode)',
      case: { run: () => FieldSet.fromFieldsV1(fieldsV1), check: (out) => ((out as FieldSet).equals(set) ? undefined : 'decodes to another set') },
    },
    {
      id: 'parse',
      title: '`FieldSet.parse` (decode from text)',
      case: { run: () => FieldSet.parse(text), check: (out) => ((out as FieldSet).equals(set) ? undefined : 'parses to another set') },
    },
    {
      id: 'to-fields-v1',
      title: '`toFieldsV1` (encode)',
      case: { run: () => set.toFieldsV1(), check: (out) => (equal(out, fieldsV1) ? undefined : 'encodes to another object') },
    },
    {
      id: 'serialize',
      title: '`serialize` (encode to text)',
      case: { run: () => set.serialize(), check: (out) => (out === text ? undefined : 'serializes to other bytes') },
    },
  ];
  const results = cases.map(({ id, title }): SsaDeploymentResult => ({ id, title, outcome: { kind: 'not-run', reason: '' } }));
  timeGroup(
    cases.map((c, index) => ({ case: c.case, record: (outcome, wrong) => Object.assign(results[index]!, { outcome }, wrong === undefined ? {} : { wrong }) })),
    budget,
  );
  return { deployment: results, deploymentPaths: set.size };
}

interface DeploymentShape {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { replicas: number; template: { spec: { containers: Array<{ name: string; image: string; env: Array<{ name: string; value: string }> }> } } };
}

/** A Deployment as a team would write it: an application, a proxy sidecar and a log shipper. */
export function typicalDeployment(): JsonObject {
  const next = seededRandom(seed);
  const labels = { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/part-of': 'shop', 'app.kubernetes.io/version': '1.4.2', team: 'payments' };
  const env = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ name: `${prefix}_${i}`, value: `v${Math.floor(next() * 1e6)}` }));
  const probe = (path: string) => ({ httpGet: { path, port: 'http' }, periodSeconds: 10, failureThreshold: 3 });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'checkout', namespace: 'shop', labels, annotations: { 'kubernetes.io/change-cause': 'release 1.4.2' } },
    spec: {
      replicas: 3,
      revisionHistoryLimit: 5,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      selector: { matchLabels: { 'app.kubernetes.io/name': 'checkout' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/part-of': 'shop' }, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: {
          serviceAccountName: 'checkout',
          containers: [
            {
              name: 'checkout',
              image: 'registry.example.com/shop/checkout:1.4.2',
              ports: [
                { name: 'http', containerPort: 8080, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
              ],
              env: env('SETTING', 12),
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              readinessProbe: probe('/ready'),
              livenessProbe: probe('/health'),
              volumeMounts: [
                { name: 'config', mountPath: '/etc/checkout' },
                { name: 'logs', mountPath: '/var/log/checkout' },
              ],
            },
            {
              name: 'envoy',
              image: 'envoyproxy/envoy:v1.31.2',
              args: ['--config-path', '/etc/envoy/envoy.yaml'],
              ports: [{ name: 'proxy', containerPort: 10000, protocol: 'TCP' }],
              env: env('ENVOY', 3),
              volumeMounts: [{ name: 'envoy', mountPath: '/etc/envoy' }],
            },
            {
              name: 'log-shipper',
              image: 'fluent/fluent-bit:3.1.9',
              env: env('FLUENT', 4),
              resources: { requests: { cpu: '50m', memory: '64Mi' } },
              volumeMounts: [{ name: 'logs', mountPath: '/var/log/checkout', readOnly: true }],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: 'checkout-config' } },
            { name: 'envoy', configMap: { name: 'checkout-envoy' } },
            { name: 'logs', emptyDir: {} },
          ],
        },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Lists and maps

function measureList(series: SsaSeries, size: number, budget: SsaBudget): SsaListResult {
  const { initial, changed, fates } = series === 'env' ? envConfigs(size) : configMapConfigs(size);
  const live = serverSideApply(null, initial, { manager, now }).object;
  const applied = serverSideApply(live, changed, { manager, now });
  const fieldsV1 = entryOf(applied, manager).fieldsV1!;
  const text = JSON.stringify(fieldsV1);
  const set = FieldSet.fromFieldsV1(fieldsV1);
  const result: SsaListResult = { series, size, paths: set.size, apply: notRun, decode: notRun, encode: notRun };
  const wrong = (what: string | undefined) => {
    if (what !== undefined && result.wrong === undefined) result.wrong = what;
  };
  const elementsOf = (object: JsonObject): ReadonlyMap<string, string> =>
    series === 'env'
      ? new Map((object as unknown as DeploymentShape).spec.template.spec.containers[0]!.env.map((e) => [e.name, e.value]))
      : new Map(Object.entries((object as { data: Record<string, string> }).data));
  timeGroup(
    [
      {
        case: {
          run: () => serverSideApply(live, changed, { manager, now }),
          check: (out) => checkElements(elementsOf((out as WriteResult).object), fates, size),
        },
        record: (outcome, what) => ((result.apply = outcome), wrong(what)),
      },
      {
        case: { run: () => FieldSet.fromFieldsV1(fieldsV1), check: (out) => ((out as FieldSet).equals(set) ? undefined : 'FieldSet decodes to another set') },
        record: (outcome, what) => ((result.decode = outcome), wrong(what)),
      },
      {
        case: { run: () => set.serialize(), check: (out) => (out === text ? undefined : 'FieldSet serializes to other bytes') },
        record: (outcome, what) => ((result.encode = outcome), wrong(what)),
      },
    ],
    budget,
  );
  return result;
}

const notRun: Outcome = { kind: 'not-run', reason: '' };

type Fate = 'kept' | 'changed' | 'removed';

/** 10% of the elements changed and 5% removed, at seeded random places. */
function fatesOf(count: number, fateSeed: number): Fate[] {
  const next = seededRandom(fateSeed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const changed = Math.round(count * 0.1);
  const removed = Math.round(count * 0.05);
  const fates = new Array<Fate>(count).fill('kept');
  order.slice(0, changed).forEach((i) => (fates[i] = 'changed'));
  order.slice(changed, changed + removed).forEach((i) => (fates[i] = 'removed'));
  return fates;
}

const elementName = (i: number) => `VAR_${String(i).padStart(5, '0')}`;
const initialValue = (i: number) => `value-${i}`;
const changedValue = (i: number) => `changed-${i}`;

function changedElements(size: number, fates: readonly Fate[]): Array<[string, string]> {
  return Array.from({ length: size }, (_, i): [string, string] => [elementName(i), fates[i] === 'changed' ? changedValue(i) : initialValue(i)]).filter((_, i) => fates[i] !== 'removed');
}

function checkElements(elements: ReadonlyMap<string, string>, fates: readonly Fate[], size: number): string | undefined {
  const removed = fates.filter((fate) => fate === 'removed').length;
  if (elements.size !== size - removed) return `${elements.size} elements after the apply, expected ${size - removed}`;
  for (let i = 0; i < size; i++) {
    const expected = fates[i] === 'removed' ? undefined : fates[i] === 'changed' ? changedValue(i) : initialValue(i);
    if (elements.get(elementName(i)) !== expected) return `element ${elementName(i)} is ${elements.get(elementName(i))}, expected ${expected}`;
  }
  return undefined;
}

function envConfigs(size: number): { initial: JsonObject; changed: JsonObject; fates: Fate[] } {
  const fates = fatesOf(size, seed + size);
  const deployment = (env: Array<[string, string]>): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'env', namespace: 'bench', labels: { app: 'env' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'env' } },
      template: {
        metadata: { labels: { app: 'env' } },
        spec: { containers: [{ name: 'app', image: 'registry.example.com/team/app:1.0.0', env: env.map(([name, value]) => ({ name, value })) }] },
      },
    },
  });
  return { initial: deployment(Array.from({ length: size }, (_, i) => [elementName(i), initialValue(i)])), changed: deployment(changedElements(size, fates)), fates };
}

function configMapConfigs(size: number): { initial: JsonObject; changed: JsonObject; fates: Fate[] } {
  const fates = fatesOf(size, seed + size + 1);
  const configMap = (data: Array<[string, string]>): JsonObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'bench' }, data: Object.fromEntries(data) });
  return { initial: configMap(Array.from({ length: size }, (_, i) => [elementName(i), initialValue(i)])), changed: configMap(changedElements(size, fates)), fates };
}

// ---------------------------------------------------------------------------------------------
// Timing

/**
 * Checks each case's output once, then times the cases side by side in rounds (as run.ts times a
 * task's contenders), so that drift hits them alike. A call slower than `slowCallMs` is timed once.
 */
function timeGroup(cases: ReadonlyArray<{ case: SsaCase; record: (outcome: Outcome, wrong: string | undefined) => void }>, budget: SsaBudget): void {
  const timed: Array<{ run: () => unknown; calls: number; samples: number[]; record: (outcome: Outcome, wrong: string | undefined) => void; wrong: string | undefined }> = [];
  for (const { case: c, record } of cases) {
    let wrong: string | undefined;
    let checkedMs: number;
    try {
      const started = performance.now();
      const output = c.run();
      checkedMs = performance.now() - started;
      wrong = c.check(output);
    } catch (error) {
      record({ kind: 'failed', reason: `threw ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}` }, undefined);
      continue;
    }
    if (checkedMs > budget.slowCallMs) {
      const started = performance.now();
      c.run();
      record({ kind: 'single-run', ms: performance.now() - started }, wrong);
      continue;
    }
    timed.push({ run: c.run, calls: batchSize(c.run), samples: [], record, wrong });
  }
  for (let round = 0; round < budget.rounds; round++) {
    for (const entry of timed) sample(entry.run, entry.calls, budget.roundBudgetMs, entry.samples, { minimum: 1 });
  }
  for (const entry of timed) entry.record({ kind: 'timed', ms: median(entry.samples) }, entry.wrong);
}

function entryOf(result: WriteResult, name: string): ManagedFieldsEntry {
  const entry = result.managedFields.find((candidate) => candidate.manager === name);
  if (entry === undefined) throw new Error(`no managedFields entry of ${name}`);
  return entry;
}

function describe(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : typeof value;
}
