import { describe, expect, it } from 'vitest';
import { objectChanges, type ObjectChanges } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

/** A Deployment as the server sends it. */
const live = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: '5f1c7a52-0000-4000-8000-000000000001',
    resourceVersion: '812',
    generation: 4,
    creationTimestamp: '2026-11-22T10:00:00Z',
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '3' },
    managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
  },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
  status: { observedGeneration: 4, replicas: 2, readyReplicas: 1 },
});

type Live = typeof live;
const edit = (change: (copy: any) => void): Live => { // eslint-disable-line @typescript-eslint/no-explicit-any -- reaching into a copy
  const copy = structuredClone(live) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  change(copy);
  return deepFreeze(copy as Live);
};
const nothing: Omit<ObjectChanges, 'kind' | 'fields'> = {
  generation: false,
  spec: false,
  labels: false,
  annotations: false,
  finalizers: false,
  ownerReferences: false,
  otherMetadata: false,
  status: false,
  resourceVersion: false,
  managedFields: false,
};

describe('objectChanges: one kind of change at a time', () => {
  it('the same object (a resync): kind none, nothing set', () => {
    expect(objectChanges(live, live)).toEqual({ kind: 'none', ...nothing, fields: [] });
    expect(objectChanges(live, structuredClone(live))).toEqual({ kind: 'none', ...nothing, fields: [] });
  });

  it('a spec change the server counted: generation and spec', () => {
    const after = edit((d) => {
      d.spec.replicas = 3;
      d.metadata.generation = 5;
      d.metadata.resourceVersion = '813';
    });
    expect(objectChanges(live, after)).toEqual({
      kind: 'spec',
      ...nothing,
      generation: true,
      spec: true,
      resourceVersion: true,
      fields: ['metadata.generation', 'metadata.resourceVersion', 'spec'],
    });
  });

  it('a status written through /status: kind status, generation not set', () => {
    const after = edit((d) => {
      d.status.readyReplicas = 2;
      d.metadata.resourceVersion = '813';
      d.metadata.managedFields.push({ manager: 'deployment-controller', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' });
    });
    expect(objectChanges(live, after)).toEqual({
      kind: 'status',
      ...nothing,
      status: true,
      resourceVersion: true,
      managedFields: true,
      fields: ['metadata.managedFields', 'metadata.resourceVersion', 'status'],
    });
  });

  it('labels, annotations, finalizers and owner references are metadata, each with its flag', () => {
    const cases: Array<[keyof ObjectChanges, (d: any) => void]> = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['labels', (d) => (d.metadata.labels.tier = 'front')],
      ['annotations', (d) => delete d.metadata.annotations],
      ['finalizers', (d) => (d.metadata.finalizers = ['example.com/cleanup'])],
      ['ownerReferences', (d) => (d.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u' }])],
    ];
    for (const [flag, change] of cases) {
      const changes = objectChanges(live, edit(change));
      expect(changes, flag).toEqual({ kind: 'metadata', ...nothing, [flag]: true, fields: [`metadata.${flag}`] });
    }
  });

  it('finalizers in another order are a change: the stored list differs', () => {
    const before = edit((d) => (d.metadata.finalizers = ['a', 'b']));
    expect(objectChanges(before, edit((d) => (d.metadata.finalizers = ['b', 'a']))).finalizers).toBe(true);
  });

  it('a deletionTimestamp (the object is being deleted) and a new uid are other metadata', () => {
    const deleting = objectChanges(live, edit((d) => (d.metadata.deletionTimestamp = '2026-11-22T11:00:00Z')));
    expect(deleting).toMatchObject({ kind: 'metadata', otherMetadata: true, fields: ['metadata.deletionTimestamp'] });
    expect(objectChanges(live, edit((d) => (d.metadata.uid = 'another'))).fields).toEqual(['metadata.uid']);
  });

  it('only the resourceVersion, or only managedFields: resourceVersionOnly', () => {
    expect(objectChanges(live, edit((d) => (d.metadata.resourceVersion = '900')))).toEqual({
      kind: 'resourceVersionOnly',
      ...nothing,
      resourceVersion: true,
      fields: ['metadata.resourceVersion'],
    });
    expect(objectChanges(live, edit((d) => (d.metadata.managedFields = [])))).toMatchObject({ kind: 'resourceVersionOnly', managedFields: true, resourceVersion: false });
  });

  it('a Deployment\'s annotation change, for which the server bumps the generation: kind metadata, generation set', () => {
    const after = edit((d) => {
      d.metadata.annotations.note = 'x';
      d.metadata.generation = 5;
    });
    expect(objectChanges(live, after)).toMatchObject({ kind: 'metadata', annotations: true, generation: true, spec: false });
  });

  it('the most significant part wins: spec over metadata over status', () => {
    const all = edit((d) => {
      d.spec.paused = true;
      d.metadata.labels.x = 'y';
      d.status.replicas = 0;
    });
    expect(objectChanges(live, all).kind).toBe('spec');
    expect(objectChanges(live, edit((d) => ((d.metadata.labels.x = 'y'), (d.status.replicas = 0)))).kind).toBe('metadata');
  });
});

describe('objectChanges: kinds without a generation, and what does not count', () => {
  const configMap = (data: object, extra: object = {}) =>
    deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', resourceVersion: '5', ...extra }, data });

  it('a ConfigMap\'s data is its spec; generation then says the same as spec', () => {
    expect(objectChanges(configMap({ mode: 'fast' }), configMap({ mode: 'slow' }))).toEqual({
      kind: 'spec',
      ...nothing,
      generation: true,
      spec: true,
      fields: ['data'],
    });
  });

  it('a generation on one side only: absent counts as 0', () => {
    expect(objectChanges(configMap({}), configMap({}, { generation: 0 }))).toEqual({ kind: 'none', ...nothing, fields: [] });
    expect(objectChanges(configMap({}), configMap({}, { generation: 1 }))).toMatchObject({ kind: 'metadata', generation: true, fields: ['metadata.generation'] });
  });

  it('absent, null and empty are one value; apiVersion and kind (missing on list items) are not compared', () => {
    const item = deepFreeze({ metadata: { name: 'settings', resourceVersion: '5', labels: {} }, data: { mode: 'fast' }, status: null });
    expect(objectChanges(configMap({ mode: 'fast' }), item)).toEqual({ kind: 'none', ...nothing, fields: [] });
    expect(objectChanges(deepFreeze({ metadata: null, spec: {} }), deepFreeze({ finalizers: [], extra: [] }))).toMatchObject({ kind: 'none' });
  });

  it('strict JSON below the top level: 1 is not "1", and null is not absent', () => {
    expect(objectChanges(deepFreeze({ spec: { a: 1 } }), deepFreeze({ spec: { a: '1' } })).spec).toBe(true);
    expect(objectChanges(deepFreeze({ spec: { a: null } }), deepFreeze({ spec: { b: 1, a: null } })).spec).toBe(true);
    expect(objectChanges(deepFreeze({ spec: { a: null } }), deepFreeze({ spec: {} })).spec).toBe(true);
  });
});

describe('objectChanges refuses what is not a Kubernetes object', () => {
  it('null, arrays and scalars, naming the argument', () => {
    for (const bad of [null, [live], 'web', 1]) {
      expect(thrownKubepatchError('INVALID_DOCUMENT', () => objectChanges(bad as never, live)).input).toBe('oldObject');
      expect(thrownKubepatchError('INVALID_DOCUMENT', () => objectChanges(live, bad as never)).input).toBe('newObject');
    }
  });

  it('a Date, as client-node models carry: convert first', () => {
    const model = { ...live, metadata: { ...live.metadata, creationTimestamp: new Date('2026-11-22T10:00:00Z') } };
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => objectChanges(live, model));
    expect(error.path).toBe('/metadata/creationTimestamp');
    expect(error.message).toContain('is a Date');
  });

  it('metadata fields of the wrong type, as the predicates refuse them', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => objectChanges(live, edit((d) => (d.metadata.generation = '5')))).path).toBe('/metadata/generation');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => objectChanges(edit((d) => (d.metadata.labels = ['a'])), live)).path).toBe('/metadata/labels');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => objectChanges(live, edit((d) => (d.metadata = 'x')))).path).toBe('/metadata');
  });
});
