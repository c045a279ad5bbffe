
import { uniqueName } from './envtest.js';
import type { Random } from './seededRandom.js';
import type { UpdateCase } from './immutableRunner.js';
import { serverOk } from './serverRequest.js';

const core = (plural: string) => (namespace: string) => `/api/v1/namespaces/${namespace}/${plural}`;
const port = { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' };

/**
 * Services of each type. The run's server allocates cluster IPs from 10.0.0.0/16 (IPv4 only) and
 * hands out 10.0.0.0-10.0.0.255 only when the rest is used up, so the IPs below are free; an IPv6
 * family is refused as unsupported, not immutable, so families only change within IPv4 (or are
 * dropped).
 */
export const serviceCase: UpdateCase = {
  title: 'Service (v1): clusterIP(s), ipFamilies, loadBalancerClass, healthCheckNodePort',
  collection: core('services'),
  create: (name, random) => {
    const type = random.pick(['ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer', 'Headless', 'ExternalName']);
    if (type === 'ExternalName') return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type, externalName: 'db.example.com' } };
    if (type === 'Headless') return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { clusterIP: 'None', ports: [port], selector: { app: 'web' } } };
    const lb = type === 'LoadBalancer' ? { externalTrafficPolicy: random.pick(['Local', 'Cluster']), ...(random.chance(0.5) ? { loadBalancerClass: 'example.com/lb' } : {}) } : {};
    return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type, ports: [port], selector: { app: 'web' }, ...lb } };
  },
  mutations: [
    { name: 'clusterIP 10.0.0.200', apply: (o) => void ((o.spec.clusterIP = '10.0.0.200'), (o.spec.clusterIPs = ['10.0.0.200'])) },
    { name: 'clusterIP 10.0.0.201, clusterIPs left out', apply: (o) => void ((o.spec.clusterIP = '10.0.0.201'), delete o.spec.clusterIPs) },
    { name: 'clusterIP and clusterIPs left out', apply: (o) => void (delete o.spec.clusterIP, delete o.spec.clusterIPs) },
    // Only a ClusterIP Service may be headless.
    { name: 'clusterIP None', apply: (o) => (o.spec.type ?? 'ClusterIP') === 'ClusterIP' && void ((o.spec.clusterIP = 'None'), (o.spec.clusterIPs = ['None'])) },
    { name: 'ipFamilies left out', apply: (o) => void delete o.spec.ipFamilies },
    { name: 'selector', apply: (o, r) => void (o.spec.selector = { app: r.pick(['web', 'api']) }) },
    { name: 'port', apply: (o, r) => void (o.spec.ports = [{ ...port, port: r.pick([80, 81]) }]) },
    {
      name: 'type ExternalName',
      apply: (o) => {
        o.spec = { type: 'ExternalName', externalName: 'db.example.com' };
      },
    },
    {
      name: 'type ClusterIP',
      apply: (o) => {
        if (o.spec.type === 'ExternalName') o.spec = { type: 'ClusterIP', ports: [port], selector: { app: 'web' } };
        else if (o.spec.type !== 'ClusterIP') o.spec = withoutLoadBalancing({ ...o.spec, type: 'ClusterIP' });
      },
    },
    {
      name: 'type LoadBalancer Local',
      apply: (o) => {
        if (o.spec.type === 'ExternalName' || o.spec.clusterIP === 'None') return;
        o.spec.type = 'LoadBalancer';
        o.spec.externalTrafficPolicy = 'Local';
      },
    },
    { name: 'loadBalancerClass', apply: (o, r) => o.spec.type === 'LoadBalancer' && void (o.spec.loadBalancerClass = r.pick(['example.com/lb', 'example.com/other', undefined])) },
    { name: 'healthCheckNodePort', apply: (o) => o.spec.healthCheckNodePort && void (o.spec.healthCheckNodePort = o.spec.healthCheckNodePort === 32000 ? 32001 : 32000) },
    { name: 'healthCheckNodePort left out', apply: (o) => void delete o.spec.healthCheckNodePort },
    { name: 'externalTrafficPolicy Cluster', apply: (o) => (o.spec.type === 'LoadBalancer' || o.spec.type === 'NodePort') && void ((o.spec.externalTrafficPolicy = 'Cluster'), delete o.spec.healthCheckNodePort) },
  ],
};

/** A spec leaving LoadBalancer or NodePort: the fields only those types may have go with it. */
function withoutLoadBalancing(spec: any): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { externalTrafficPolicy, healthCheckNodePort, loadBalancerClass, allocateLoadBalancerNodePorts, ...rest } = spec;
  void [externalTrafficPolicy, healthCheckNodePort, loadBalancerClass, allocateLoadBalancerNodePorts];
  return { ...rest, ports: rest.ports?.map(({ nodePort, ...p }: { nodePort?: number }) => (void nodePort, p)) };
}

/**
 * Claims: pending, or `Bound` through the status subresource (no volume controller runs here)
 * with a capacity, since a bound claim may change its requests and volumeAttributesClassName.
 */
/**
 * A StorageClass that allows expansion: the PersistentVolumeClaimResize admission refuses (403)
 * a bigger request on a bound claim of any other class, before validation. Cluster-scoped, so
 * named uniquely.
 */
const EXPANDABLE = uniqueName('expandable');
let expandableCreated: Promise<unknown> | undefined;
const ensureExpandableClass = () =>
  (expandableCreated ??= serverOk('POST', '/apis/storage.k8s.io/v1/storageclasses', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: EXPANDABLE },
    provisioner: 'example.com/none',
    allowVolumeExpansion: true,
  }));

export const persistentVolumeClaimCase: UpdateCase = {
  title: 'PersistentVolumeClaim (v1): the spec but requests of a bound claim, volumeMode',
  collection: core('persistentvolumeclaims'),
  create: (name, random) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '2Gi' } },
      storageClassName: random.pick([EXPANDABLE, EXPANDABLE, '', undefined]),
      ...(random.chance(0.3) ? { volumeMode: 'Filesystem' } : {}),
    },
  }),
  prepare: async (stored, url, random) => {
    await ensureExpandableClass();
    if (!random.chance(0.5)) return stored;
    const bound = { ...stored, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } } };
    return serverOk('PUT', `${url}/status`, bound);
  },
  mutations: [
    { name: 'storage 2048Mi (equal)', apply: (o) => void (o.spec.resources.requests.storage = '2048Mi') },
    { name: 'storage', apply: (o, r) => void (o.spec.resources.requests.storage = r.pick(['1Gi', '2Gi', '3Gi'])) },
    { name: 'accessModes', apply: (o, r) => void (o.spec.accessModes = [r.pick(['ReadWriteOnce', 'ReadWriteMany'])]) },
    { name: 'storageClassName', apply: (o, r) => void (o.spec.storageClassName = r.pick([EXPANDABLE, 'slow', '', undefined])) },
    { name: 'volumeMode', apply: (o, r) => void (o.spec.volumeMode = r.pick(['Filesystem', 'Block', undefined])) },
    { name: 'volumeName', apply: (o, r) => void (o.spec.volumeName = r.pick(['pv-1', 'pv-2', undefined])) },
    { name: 'labels', apply: (o, r) => void (o.metadata.labels = { owner: r.pick(['a', 'b']) }) },
  ],
};

const dataMutations = (encode: (text: string) => string) => [
  { name: 'data', apply: (o: any, r: Random) => void (o.data = { key: encode(r.pick(['a', 'b'])) }) }, // eslint-disable-line @typescript-eslint/no-explicit-any
  { name: 'data {} (equal to none?)', apply: (o: any) => void (o.data = o.data && Object.keys(o.data).length ? o.data : {}) }, // eslint-disable-line @typescript-eslint/no-explicit-any
  { name: 'immutable', apply: (o: any, r: Random) => void (o.immutable = r.pick([true, false, undefined])) }, // eslint-disable-line @typescript-eslint/no-explicit-any
  { name: 'labels', apply: (o: any, r: Random) => void (o.metadata.labels = { owner: r.pick(['a', 'b']) }) }, // eslint-disable-line @typescript-eslint/no-explicit-any
];

export const configMapCase: UpdateCase = {
  title: 'ConfigMap (v1): immutable, data, binaryData',
  collection: core('configmaps'),
  create: (name, random) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { key: 'a' }, ...(random.chance(0.5) ? { immutable: true } : {}) }),
  mutations: [...dataMutations((text) => text), { name: 'binaryData', apply: (o, r) => void (o.binaryData = r.pick([{ bin: 'AAE=' }, undefined])) }],
};

const base64 = (text: string) => Buffer.from(text).toString('base64');

export const secretCase: UpdateCase = {
  title: 'Secret (v1): type, immutable, data',
  collection: core('secrets'),
  create: (name, random) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name },
    data: { key: base64('a') },
    ...(random.chance(0.5) ? { type: 'Opaque' } : {}),
    ...(random.chance(0.5) ? { immutable: true } : {}),
  }),
  mutations: [
    ...dataMutations(base64),
    { name: 'stringData (same value as data)', apply: (o) => void (o.stringData = { key: Buffer.from(o.data?.key ?? '', 'base64').toString() }) },
    { name: 'stringData new', apply: (o) => void (o.stringData = { other: 'x' }) },
    { name: 'type', apply: (o, r) => void (o.type = r.pick(['Opaque', 'example.com/custom', '', undefined])) },
  ],
};

/** Pods, as the run's server stores them (with the service account token volume the admission adds). */
export const podCase: UpdateCase = {
  title: 'Pod (v1): the spec but images, activeDeadlineSeconds and added tolerations',
  collection: core('pods'),
  create: (name, random) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'app', image: 'registry.example/app:1' }],
      ...(random.chance(0.5) ? { activeDeadlineSeconds: 300 } : {}),
      ...(random.chance(0.5) ? { tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] } : {}),
    },
  }),
  mutations: [
    { name: 'image', apply: (o, r) => void (o.spec.containers[0].image = `registry.example/app:${r.int(4)}`) },
    { name: 'activeDeadlineSeconds', apply: (o, r) => void (o.spec.activeDeadlineSeconds = r.pick([100, 300, 600, undefined])) },
    { name: 'toleration added', apply: (o) => void (o.spec.tolerations = [...(o.spec.tolerations ?? []), { key: 'ssd', operator: 'Exists', effect: 'NoSchedule' }]) },
    // tolerationSeconds is only valid with effect NoExecute.
    {
      name: 'tolerationSeconds',
      apply: (o, r) => o.spec.tolerations?.forEach((t: { effect?: string; tolerationSeconds?: number }) => t.effect === 'NoExecute' && (t.tolerationSeconds = r.pick([30, 60]))),
    },
    // Not one of the not-ready/unreachable tolerations the DefaultTolerationSeconds admission adds:
    // it adds them again on update, so changing one is taken (kubepatch sees no admission).
    { name: 'toleration key changed', apply: (o) => o.spec.tolerations?.forEach((t: { key?: string }) => t.key === 'gpu' && (t.key = 'tpu')) },
    { name: 'container added', apply: (o) => void o.spec.containers.push({ name: 'sidecar', image: 'registry.example/side:1' }) },
    { name: 'container env', apply: (o) => void (o.spec.containers[0].env = [{ name: 'MODE', value: 'x' }]) },
    { name: 'restartPolicy', apply: (o, r) => void (o.spec.restartPolicy = r.pick(['Always', 'OnFailure'])) },
    { name: 'terminationGracePeriodSeconds', apply: (o, r) => void (o.spec.terminationGracePeriodSeconds = r.pick([30, 10])) },
    { name: 'labels', apply: (o, r) => void (o.metadata.labels = { owner: r.pick(['a', 'b']) }) },
  ],
};

const someTime = '2020-01-02T03:04:05Z';

/** The metadata rules of every object, on ConfigMaps (which have no other rule while mutable). */
export const objectMetaCase: UpdateCase = {
  title: 'every object: metadata name, namespace, uid, creationTimestamp, deletion fields',
  collection: core('configmaps'),
  create: (name) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { key: 'a' } }),
  mutations: [
    { name: 'name', apply: (o) => void (o.metadata.name = `${o.metadata.name}-2`) },
    { name: 'namespace ""', apply: (o) => void (o.metadata.namespace = '') },
    { name: 'namespace left out', apply: (o) => void delete o.metadata.namespace },
    { name: 'uid', apply: (o) => void (o.metadata.uid = '00000000-0000-0000-0000-000000000001') },
    { name: 'uid left out', apply: (o) => void delete o.metadata.uid },
    { name: 'creationTimestamp', apply: (o) => void (o.metadata.creationTimestamp = someTime) },
    { name: 'creationTimestamp left out', apply: (o) => void delete o.metadata.creationTimestamp },
    { name: 'deletionTimestamp', apply: (o) => void (o.metadata.deletionTimestamp = someTime) },
    { name: 'deletionGracePeriodSeconds', apply: (o) => void (o.metadata.deletionGracePeriodSeconds = 30) },
    { name: 'generation', apply: (o, r) => void (o.metadata.generation = r.pick([1, 5])) },
    { name: 'labels', apply: (o, r) => void (o.metadata.labels = { owner: r.pick(['a', 'b']) }) },
    { name: 'data', apply: (o, r) => void (o.data = { key: r.pick(['a', 'b']) }) },
  ],
};

