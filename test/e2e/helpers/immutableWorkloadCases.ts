
import type { Mutation, UpdateCase } from './immutableRunner.js';

/** Every template carries these labels, so each selector below stays valid (it must match them). */
const TEMPLATE_LABELS = { app: 'web', tier: 'front', track: 'stable' };

function template(): object {
  return { metadata: { labels: { ...TEMPLATE_LABELS } }, spec: { containers: [{ name: 'app', image: 'registry.example/web:1' }] } };
}

/** Edits of `spec.selector` that keep it matching the template: real changes and equal rewrites. */
const selectorMutations: Mutation[] = [
  { name: 'selector +tier', apply: (o) => void (o.spec.selector.matchLabels = { ...o.spec.selector.matchLabels, tier: 'front' }) },
  { name: 'selector -tier', apply: (o) => void delete o.spec.selector.matchLabels?.tier },
  {
    name: 'selector matchLabels reordered (equal)',
    apply: (o) => void (o.spec.selector.matchLabels = Object.fromEntries(Object.entries(o.spec.selector.matchLabels ?? {}).reverse())),
  },
  { name: 'selector +matchExpressions track In', apply: (o) => void (o.spec.selector.matchExpressions = [{ key: 'track', operator: 'In', values: ['stable'] }]) },
  { name: 'selector matchExpressions [] (equal to none)', apply: (o) => void (o.spec.selector.matchExpressions = []) },
  { name: 'selector matchExpressions removed', apply: (o) => void delete o.spec.selector.matchExpressions },
];

/** Edits every workload may make. */
const templateMutations: Mutation[] = [
  { name: 'image', apply: (o, r) => void (o.spec.template.spec.containers[0].image = `registry.example/web:${r.int(5)}`) },
  { name: 'template annotation', apply: (o, r) => void (o.spec.template.metadata.annotations = { note: String(r.int(3)) }) },
  { name: 'template label +extra', apply: (o) => void (o.spec.template.metadata.labels.extra = 'yes') },
  { name: 'minReadySeconds', apply: (o, r) => void (o.spec.minReadySeconds = r.pick([0, 5, undefined])) },
  { name: 'object label', apply: (o, r) => void (o.metadata.labels = { owner: r.pick(['a', 'b']) }) },
];

const replicas: Mutation = { name: 'replicas', apply: (o, r) => void (o.spec.replicas = r.pick([0, 1, 3, undefined])) };

function workload(kind: string, plural: string, extraMutations: Mutation[]): UpdateCase {
  return {
    title: `${kind} (apps/v1): spec.selector`,
    collection: (namespace) => `/apis/apps/v1/namespaces/${namespace}/${plural}`,
    create: (name, random) => ({
      apiVersion: 'apps/v1',
      kind,
      metadata: { name },
      spec: { selector: { matchLabels: random.chance(0.5) ? { app: 'web' } : { app: 'web', tier: 'front' } }, template: template() },
    }),
    mutations: [...selectorMutations, ...templateMutations, ...extraMutations],
  };
}

export const deploymentCase = workload('Deployment', 'deployments', [replicas]);
export const replicaSetCase = workload('ReplicaSet', 'replicasets', [replicas]);
export const daemonSetCase = workload('DaemonSet', 'daemonsets', []);

const claimTemplate = (storage: string) => ({
  metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
});

export const statefulSetCase: UpdateCase = {
  title: 'StatefulSet (apps/v1): the spec but its updatable fields',
  collection: (namespace) => `/apis/apps/v1/namespaces/${namespace}/statefulsets`,
  create: (name, random) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: template(),
      ...(random.chance(0.5) ? { serviceName: 'web' } : {}),
      ...(random.chance(0.5) ? { volumeClaimTemplates: [claimTemplate('1Gi')] } : {}),
    },
  }),
  mutations: [
    ...selectorMutations,
    ...templateMutations,
    replicas,
    { name: 'serviceName', apply: (o, r) => void (o.spec.serviceName = r.pick(['web', 'web2', '', undefined])) },
    { name: 'podManagementPolicy', apply: (o, r) => void (o.spec.podManagementPolicy = r.pick(['OrderedReady', 'Parallel', undefined])) },
    { name: 'volumeClaimTemplates storage 1024Mi (equal to 1Gi)', apply: (o) => o.spec.volumeClaimTemplates?.forEach((t: any) => (t.spec.resources.requests.storage = '1024Mi')) }, // eslint-disable-line @typescript-eslint/no-explicit-any
    { name: 'volumeClaimTemplates storage 2Gi', apply: (o) => o.spec.volumeClaimTemplates?.forEach((t: any) => (t.spec.resources.requests.storage = '2Gi')) }, // eslint-disable-line @typescript-eslint/no-explicit-any
    { name: 'volumeClaimTemplates added', apply: (o) => void (o.spec.volumeClaimTemplates ??= [claimTemplate('1Gi')]) },
    { name: 'revisionHistoryLimit', apply: (o, r) => void (o.spec.revisionHistoryLimit = r.pick([3, 10, undefined])) },
    { name: 'updateStrategy OnDelete', apply: (o) => void (o.spec.updateStrategy = { type: 'OnDelete' }) },
    { name: 'ordinals', apply: (o, r) => void (o.spec.ordinals = r.pick([{ start: 2 }, undefined])) },
    {
      name: 'persistentVolumeClaimRetentionPolicy',
      apply: (o, r) => void (o.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: r.pick(['Retain', 'Delete']), whenScaled: 'Retain' }),
    },
  ],
};
