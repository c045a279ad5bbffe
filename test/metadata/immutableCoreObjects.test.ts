import { describe, expect, it } from 'vitest';
import type { JsonObject } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { findImmutableFieldChanges, InvalidDocumentError } from 'kubepatch';

type Obj = JsonObject;
const messages = (oldObj: object, newObj: object) => findImmutableFieldChanges(deepFreeze(oldObj), deepFreeze(newObj)).map((c) => c.message);
const withSpec = (object: Obj, spec: Obj): Obj => ({ ...object, spec: { ...(object.spec as Obj), ...spec } });
const paths = (oldObj: object, newObj: object) => findImmutableFieldChanges(deepFreeze(oldObj), deepFreeze(newObj)).map((c) => c.path);
const withMeta = (object: Obj, metadata: Obj): Obj => ({ ...object, metadata: { ...(object.metadata as Obj), ...metadata } });

describe('ObjectMeta, for every kind', () => {
  const configMap: Obj = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg', namespace: 'prod', uid: 'u1', creationTimestamp: '2025-01-01T00:00:00Z', labels: { a: 'b' } },
    data: { a: '1' },
  };

  it('refuses a new name, namespace or uid', () => {
    expect(findImmutableFieldChanges(deepFreeze(configMap), deepFreeze(withMeta(configMap, { name: 'cfg2' })))).toEqual([
      { path: '/metadata/name', field: 'metadata.name', old: 'cfg', new: 'cfg2', message: 'metadata.name: Invalid value: "cfg2": field is immutable' },
    ]);
    expect(messages(configMap, withMeta(configMap, { namespace: 'dev', uid: 'u2' }))).toEqual([
      'metadata.namespace: Invalid value: "dev": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
  });

  it('fills in what the API server fills in: an absent namespace or uid, and puts back creationTimestamp', () => {
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { a: 'c' } }, data: { a: '2' } };
    expect(messages(configMap, manifest)).toEqual([]);
    expect(messages(configMap, withMeta(configMap, { creationTimestamp: '2020-01-01T00:00:00Z' }))).toEqual([]);
    // With no creationTimestamp before, a new one is a change.
    expect(messages(manifest, withMeta(manifest, { creationTimestamp: '2020-01-01T00:00:00+02:00' }))).toEqual([
      'metadata.creationTimestamp: Invalid value: "2019-12-31T22:00:00Z": field is immutable',
    ]);
  });

  it('keeps deletionTimestamp and deletionGracePeriodSeconds once set', () => {
    const deleting = withMeta(configMap, { deletionTimestamp: '2025-02-01T00:00:00Z', deletionGracePeriodSeconds: 30 });
    expect(messages(deleting, withMeta(configMap, { deletionTimestamp: '2025-03-01T00:00:00Z' }))).toEqual([]);
    expect(messages(deleting, withMeta(deleting, { deletionGracePeriodSeconds: 10 }))).toEqual([
      'metadata.deletionGracePeriodSeconds: Invalid value: 10: field is immutable',
    ]);
    expect(messages(configMap, withMeta(configMap, { deletionTimestamp: '2025-03-01T00:00:00Z' }))).toEqual([
      'metadata.deletionTimestamp: Invalid value: "2025-03-01T00:00:00Z": field is immutable',
    ]);
  });

  it('applies to custom resources and unknown kinds, which have no other rules', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } };
    expect(messages(widget, { ...widget, spec: { size: 2 } })).toEqual([]);
    expect(messages(widget, withMeta(widget, { name: 'w2' }))).toEqual(['metadata.name: Invalid value: "w2": field is immutable']);
  });

  it('reports objects of different kinds, and applies only the metadata rules to them', () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { a: 'b' } } } };
    const changes = findImmutableFieldChanges(deepFreeze(deployment), deepFreeze({ ...deployment, kind: 'StatefulSet', metadata: { name: 'db' }, spec: {} }));
    expect(changes.map((c) => [c.path, c.old, c.new])).toEqual([
      ['/kind', 'Deployment', 'StatefulSet'],
      ['/metadata/name', 'web', 'db'],
    ]);
    expect(changes[0]?.message).toBe('kind: the object changes from Deployment.apps to StatefulSet.apps: the API server takes it for another object');
    expect(findImmutableFieldChanges(deepFreeze(deployment), deepFreeze({ ...deployment, apiVersion: 'extensions/v1beta1' })).map((c) => c.path)).toEqual([
      '/apiVersion',
    ]);
  });

  it('rejects arguments that are not objects', () => {
    expect(() => findImmutableFieldChanges([], {})).toThrow(InvalidDocumentError);
    expect(() => findImmutableFieldChanges({}, 'x')).toThrow(/newObj: must be a Kubernetes object/);
  });
});

describe('Service', () => {
  const service: Obj = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80 }] },
  };

  it('keeps the allocated clusterIP when an update leaves it out, as kubectl apply of a manifest does', () => {
    expect(messages(service, { ...service, spec: { ports: [{ port: 8080 }], selector: { app: 'web' } } })).toEqual([]);
  });

  it('refuses a new clusterIP or clusterIPs, printing the new list', () => {
    expect(findImmutableFieldChanges(deepFreeze(service), deepFreeze(withSpec(service, { clusterIP: '10.0.0.9', clusterIPs: null })))).toEqual([
      {
        path: '/spec/clusterIPs/0',
        field: 'spec.clusterIPs[0]',
        old: '10.0.0.1',
        new: '10.0.0.9',
        message: 'spec.clusterIPs[0]: Invalid value: ["10.0.0.9"]: may not change once set',
      },
    ]);
    // Turning a Service headless is a change of clusterIP too.
    expect(messages(service, withSpec(service, { clusterIP: 'None', clusterIPs: ['None'] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set',
    ]);
  });

  it('allows a dual-stack upgrade, and a downgrade with ipFamilyPolicy SingleStack only', () => {
    const dual = withSpec(service, { clusterIPs: ['10.0.0.1', 'fd00::1'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' });
    expect(messages(service, dual)).toEqual([]);
    expect(messages(dual, withSpec(dual, { clusterIPs: ['10.0.0.1'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }))).toEqual([]);
    expect(messages(dual, withSpec(dual, { clusterIPs: ['10.0.0.1'], ipFamilies: ['IPv4'] }))).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "PreferDualStack": must be set to \'SingleStack\' when releasing the secondary clusterIP',
      'spec.ipFamilyPolicy: Invalid value: "PreferDualStack": must be set to \'SingleStack\' when releasing the secondary ipFamily',
    ]);
    expect(messages(dual, withSpec(dual, { clusterIPs: ['fd00::1', '10.0.0.1'], ipFamilies: ['IPv6', 'IPv4'] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["fd00::1","10.0.0.1"]: may not change once set',
      'spec.clusterIPs[1]: Invalid value: ["fd00::1","10.0.0.1"]: may not change once set',
      'spec.ipFamilies[0]: Invalid value: ["IPv6","IPv4"]: may not change once set',
      'spec.ipFamilies[0]: Invalid value: ["IPv6","IPv4"]: may not change once set',
    ]);
  });

  it('exempts changes to, from and of ExternalName Services', () => {
    expect(messages(service, { ...service, spec: { type: 'ExternalName', externalName: 'example.com' } })).toEqual([]);
    const external = { ...service, spec: { type: 'ExternalName', externalName: 'example.com' } };
    expect(messages(external, withSpec(service, { clusterIP: '10.0.0.5', clusterIPs: ['10.0.0.5'] }))).toEqual([]);
  });

  it('refuses a new loadBalancerClass or healthCheckNodePort while the Service needs them', () => {
    const lb = withSpec(service, { type: 'LoadBalancer', loadBalancerClass: 'a', externalTrafficPolicy: 'Local', healthCheckNodePort: 30001 });
    expect(messages(lb, withSpec(lb, { loadBalancerClass: 'b', healthCheckNodePort: 30002 }))).toEqual([
      'spec.loadBalancerClass: Invalid value: "b": may not change once set',
      'spec.healthCheckNodePort: Forbidden: field is immutable',
    ]);
    expect(messages(lb, withSpec(lb, { loadBalancerClass: null, healthCheckNodePort: null }))).toEqual([
      'spec.loadBalancerClass: Invalid value: "null": may not change once set',
    ]);
    expect(messages(lb, withSpec(lb, { externalTrafficPolicy: 'Cluster', healthCheckNodePort: 30002 }))).toEqual([]);
  });
});

describe('PersistentVolumeClaim', () => {
  const SPEC = 'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';
  const claim: Obj = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } },
  };
  const bound: Obj = { ...withSpec(claim, { volumeName: 'pv-1', volumeAttributesClassName: 'gold' }), status: { phase: 'Bound', capacity: { storage: '10Gi' } } };
  const withStorage = (object: Obj, storage: string) => withSpec(object, { resources: { requests: { storage } } });

  it('lets a bound claim grow, or shrink back above its capacity, but not below it', () => {
    expect(messages(bound, withStorage(bound, '20Gi'))).toEqual([]);
    expect(messages(bound, withStorage(bound, '10240Mi'))).toEqual([]);
    const failedExpansion = { ...withStorage(bound, '100Gi'), status: { phase: 'Bound', capacity: { storage: '10Gi' } } };
    expect(messages(failedExpansion, withStorage(failedExpansion, '20Gi'))).toEqual([]);
    expect(messages(bound, withStorage(bound, '5Gi'))).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity']);
  });

  it('refuses any other spec change, one change per field, and storage changes of an unbound claim', () => {
    expect(findImmutableFieldChanges(deepFreeze(claim), deepFreeze(withStorage(claim, '20Gi'))).map((c) => [c.path, c.message])).toEqual([['/spec/resources', SPEC]]);
    // storageClassName is a pointer: "" (no class) is not absent (the default class).
    expect(messages(claim, withSpec(claim, { storageClassName: 'slow', accessModes: ['ReadWriteMany'] }))).toEqual([SPEC, SPEC]);
    const defaultClass = { ...claim, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } };
    expect(paths(defaultClass, withSpec(defaultClass, { storageClassName: '' }))).toEqual(['/spec/storageClassName']);
  });

  it('lets volumeName be set once, and storageClassName follow the old beta annotation', () => {
    expect(messages(claim, withSpec(claim, { volumeName: 'pv-9' }))).toEqual([]);
    expect(messages(bound, withSpec(bound, { volumeName: 'pv-9' }))).toEqual([SPEC]);
    const annotated = {
      ...claim,
      metadata: { name: 'data', annotations: { 'volume.beta.kubernetes.io/storage-class': 'fast' } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    };
    expect(messages(annotated, withSpec(annotated, { storageClassName: 'fast' }))).toEqual([]);
    expect(messages(annotated, withSpec(annotated, { storageClassName: 'slow' }))).toEqual([SPEC]);
  });

  it('lets a claim with no class and no beta annotation be given one (retroactive default class), but not ""', () => {
    const classless = { ...claim, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } };
    expect(messages(classless, withSpec(classless, { storageClassName: 'slow' }))).toEqual([]);
    expect(messages(classless, withSpec(classless, { storageClassName: '' }))).toEqual([SPEC]);
    expect(messages(claim, withSpec(claim, { storageClassName: 'slow' }))).toEqual([SPEC]);
    const annotated = { ...classless, metadata: { name: 'data', annotations: { 'volume.beta.kubernetes.io/storage-class': 'fast' } } };
    expect(messages(annotated, withSpec(annotated, { storageClassName: 'slow' }))).toEqual([SPEC]);
  });

  it('refuses a new volumeMode twice, as the server does, and a cleared volumeAttributesClassName', () => {
    expect(messages(claim, withSpec(claim, { volumeMode: 'Filesystem' }))).toEqual([]);
    expect(messages(claim, withSpec(claim, { volumeMode: 'Block' }))).toEqual([SPEC, 'volumeMode: Invalid value: "Block": field is immutable']);
    expect(messages(bound, withSpec(bound, { volumeAttributesClassName: 'silver' }))).toEqual([]);
    // A nil class is not put back from the old claim, so the spec differs too (Go reports both).
    expect(messages(bound, withSpec(bound, { volumeAttributesClassName: null }))).toEqual([
      SPEC,
      'spec.volumeAttributesClassName: Forbidden: update from non-nil value to nil is forbidden',
    ]);
    expect(messages(bound, withSpec(bound, { volumeAttributesClassName: '' }))).toEqual([
      'spec.volumeAttributesClassName: Forbidden: update from non-nil value to an empty string is forbidden',
    ]);
  });
});

describe('ConfigMap and Secret', () => {
  const IMMUTABLE = 'Forbidden: field is immutable when `immutable` is set';
  const configMap: Obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' }, binaryData: { b: 'AA==' } };
  const secret: Obj = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { a: 'MQ==' } };

  it('lets a mutable ConfigMap or Secret change', () => {
    expect(messages(configMap, { ...configMap, data: { a: '2' }, immutable: true })).toEqual([]);
    expect(messages(secret, { ...secret, data: { a: 'Mg==' } })).toEqual([]);
  });

  it('refuses changes to immutable, data and binaryData once immutable is true', () => {
    const frozen = { ...configMap, immutable: true };
    expect(findImmutableFieldChanges(deepFreeze(frozen), deepFreeze({ ...frozen, immutable: false, data: { a: '2' }, binaryData: {} }))).toEqual([
      { path: '/immutable', field: 'immutable', old: true, new: false, message: `immutable: ${IMMUTABLE}` },
      { path: '/data', field: 'data', old: { a: '1' }, new: { a: '2' }, message: `data: ${IMMUTABLE}` },
      { path: '/binaryData', field: 'binaryData', old: { b: 'AA==' }, new: {}, message: `binaryData: ${IMMUTABLE}` },
    ]);
    expect(messages(frozen, { ...frozen, metadata: { name: 'cfg', labels: { a: 'b' } } })).toEqual([]);
  });

  it('never lets a Secret type change (absent is Opaque), and merges stringData into data', () => {
    expect(messages(secret, { ...secret, type: 'kubernetes.io/tls' })).toEqual(['type: Invalid value: "kubernetes.io/tls": field is immutable']);
    expect(messages(secret, { ...secret, type: undefined })).toEqual([]);
    const frozen = { ...secret, immutable: true };
    expect(messages(frozen, { ...frozen, data: {}, stringData: { a: '1' } })).toEqual([]);
    expect(messages(frozen, { ...frozen, stringData: { a: '2' } })).toEqual([`data: ${IMMUTABLE}`]);
    expect(messages(frozen, { ...frozen, immutable: undefined })).toEqual([`immutable: ${IMMUTABLE}`]);
  });
});
