import { describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, recordUpdate, serverSideApply, type JsonObject, type ManagedFieldsEntry } from 'kubepatch';
import { deepFreeze } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

const now = new Date('2026-12-07T10:00:00Z');
const later = new Date('2026-12-07T10:05:00Z');

function deployment(spec: JsonObject, labels: JsonObject = { app: 'web' }): JsonObject {
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec }, ...{} },
  });
}

const container = (name: string, image: string, extra: JsonObject = {}) => ({ name, image, ...extra });

/** The owned paths of one entry, as the server prints them. */
function owned(entries: readonly ManagedFieldsEntry[], manager: string): string[] {
  const entry = entries.find((e) => e.manager === manager);
  return entry === undefined ? [] : [...FieldSet.fromFieldsV1(entry.fieldsV1).paths()].map(formatFieldPath);
}

/** A live object as the server returns it: with uid and resourceVersion. */
function stored(object: JsonObject): JsonObject {
  const metadata = object.metadata as JsonObject;
  return deepFreeze({ ...object, metadata: { ...metadata, uid: 'u-1', resourceVersion: '1' } });
}

describe('serverSideApply', () => {
  it('creates an object owned by its applier alone, with the server defaults of the kind', () => {
    const config = deployment({ containers: [container('app', 'nginx:1.27')] });
    const { object, managedFields } = serverSideApply(null, config, { manager: 'deployer', now });
    expect(managedFields).toHaveLength(1);
    expect(managedFields[0]).toMatchObject({ manager: 'deployer', operation: 'Apply', apiVersion: 'apps/v1', time: '2026-12-07T10:00:00Z', fieldsType: 'FieldsV1' });
    expect(owned(managedFields, 'deployer')).toContain('.spec.template.spec.containers[name="app"].image');
    expect(owned(managedFields, 'deployer')).not.toContain('.spec.replicas');
    const spec = object.spec as JsonObject;
    expect(spec.replicas).toBe(1);
    expect((spec.template as JsonObject).spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' });
    expect((object.metadata as JsonObject).managedFields).toEqual(managedFields);
  });

  it('removes what the applier applied before and no longer applies, unless someone else owns it', () => {
    const first = serverSideApply(null, deployment({ containers: [container('app', 'a'), container('side', 'b')] }, { app: 'web', tier: 'x' }), { manager: 'one', now });
    const shared = serverSideApply(stored(first.object), deployment({ containers: [container('side', 'b')] }), { manager: 'two', now });
    const second = serverSideApply(stored(shared.object), deployment({ containers: [container('app', 'a')] }), { manager: 'one', now: later });
    const containers = ((second.object.spec as JsonObject).template as JsonObject).spec as JsonObject;
    // `side` stays: `two` applied it too. The `tier` label goes: only `one` had it.
    expect((containers.containers as JsonObject[]).map((c) => c.name)).toEqual(['app', 'side']);
    expect((second.object.metadata as JsonObject).labels).toEqual({ app: 'web' });
    expect(owned(second.managedFields, 'one')).not.toContain('.spec.template.spec.containers[name="side"]');
    expect(owned(second.managedFields, 'two')).toContain('.spec.template.spec.containers[name="side"]');
  });

  it('reports conflicts with the server message, and takes the fields with force', () => {
    const created = serverSideApply(null, deployment({ containers: [container('app', 'a')] }), { manager: 'one', now });
    const scaled = recordUpdate(stored(created.object), { ...created.object, spec: { ...(created.object.spec as JsonObject), replicas: 4 } }, { manager: 'scaler', now });
    const other = serverSideApply(stored(scaled.object), deployment({ containers: [container('app', 'a')] }, { app: 'web', team: 'x' }), { manager: 'labeler', now });
    const config = deployment({ containers: [container('app', 'b')] }, { app: 'web', team: 'y' });
    const conflictsConfig = { ...config, spec: { ...(config.spec as JsonObject), replicas: 2 } };
    const error = thrownKubepatchError('APPLY_CONFLICT', () => serverSideApply(stored(other.object), conflictsConfig, { manager: 'one', now }));
    expect(error.message).toBe(
      'Apply failed with 3 conflicts: conflicts with "labeler":\n- .metadata.labels.team\n- .spec.template.spec.containers[name="app"].image\nconflicts with "scaler" using apps/v1:\n- .spec.replicas',
    );
    expect(error.conflicts.map((c) => [c.manager, c.operation, c.apiVersion, c.serverPath])).toEqual([
      ['labeler', 'Apply', undefined, '.metadata.labels.team'],
      ['labeler', 'Apply', undefined, '.spec.template.spec.containers[name="app"].image'],
      ['scaler', 'Update', 'apps/v1', '.spec.replicas'],
    ]);
    const forced = serverSideApply(stored(other.object), conflictsConfig, { manager: 'one', force: true, now });
    expect(owned(forced.managedFields, 'scaler')).toEqual([]);
    expect(forced.managedFields.map((e) => e.manager)).not.toContain('scaler');
    expect(owned(forced.managedFields, 'labeler')).not.toContain('.metadata.labels.team');
    expect((forced.object.spec as JsonObject).replicas).toBe(2);
  });

  it('words a single conflict as the server does', () => {
    const created = serverSideApply(null, deployment({ containers: [container('app', 'a')] }), { manager: 'one', now });
    const error = thrownKubepatchError('APPLY_CONFLICT', () => serverSideApply(stored(created.object), deployment({ containers: [container('app', 'b')] }), { manager: 'two', now }));
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "one": .spec.template.spec.containers[name="app"].image');
  });

  it('gives the fields of an object without managedFields to before-first-apply', () => {
    const created = serverSideApply(null, deployment({ containers: [container('app', 'a')] }), { manager: 'one', now });
    const metadata = { ...(created.object.metadata as JsonObject) };
    delete metadata.managedFields;
    const untracked = stored({ ...created.object, metadata });
    const applied = serverSideApply(untracked, deployment({ containers: [container('app', 'a')] }), { manager: 'two', now: later });
    expect(applied.managedFields.map((e) => [e.manager, e.operation])).toEqual([
      ['two', 'Apply'],
      ['before-first-apply', 'Update'],
    ]);
    expect(owned(applied.managedFields, 'before-first-apply')).toContain('.spec.replicas');
  });

  it('keeps the creation timestamp and, for an apply that changes nothing, the old times', () => {
    const created = serverSideApply(null, deployment({ containers: [container('app', 'a')] }), { manager: 'one', now });
    const live = deepFreeze({ ...stored(created.object), metadata: { ...(stored(created.object).metadata as JsonObject), creationTimestamp: '2026-12-07T09:00:00Z' } });
    const config = deployment({ containers: [container('app', 'a')] });
    const again = serverSideApply(live, { ...config, metadata: { ...(config.metadata as JsonObject), creationTimestamp: null } }, { manager: 'one', now: later });
    expect((again.object.metadata as JsonObject).creationTimestamp).toBe('2026-12-07T09:00:00Z');
    expect(again.managedFields).toEqual(created.managedFields);
    const changed = serverSideApply(live, deployment({ containers: [container('app', 'b')] }), { manager: 'one', now: later });
    expect(changed.managedFields[0]!.time).toBe('2026-12-07T10:05:00Z');
  });

  it('changes nothing in its inputs, and refuses what the server refuses', () => {
    const config = deployment({ containers: [container('app', 'a'), container('app', 'b')] });
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => serverSideApply(null, config, { manager: 'one' })).message).toContain('duplicate entries for key [name="app"]');
    const unknown = deepFreeze({ ...deployment({ containers: [] }), spec: { replicaz: 1 } });
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => serverSideApply(null, unknown, { manager: 'one' }))).toMatchObject({ path: '/spec/replicaz' });
    const withManaged = deepFreeze({ ...deployment({ containers: [] }), metadata: { name: 'web', managedFields: [] } });
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => serverSideApply(null, withManaged, { manager: 'one' })).message).toBe('metadata.managedFields must be nil');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => serverSideApply(null, deployment({ containers: [] }), { manager: '' })).input).toBe('options');
    expect(thrownKubepatchError('INVALID_SCHEMA', () => serverSideApply(null, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, { manager: 'one' })).input).toBe('crds');
  });
});

describe('recordUpdate', () => {
  it('gives changed fields to the updater, leaves the time of a no-op update alone, and caps Update entries at ten', () => {
    const created = serverSideApply(null, deployment({ containers: [container('app', 'a')] }), { manager: 'one', now });
    const same = recordUpdate(stored(created.object), created.object, { manager: 'noop', now: later });
    expect(same.managedFields.map((e) => e.manager)).toEqual(['one']);
    let live = stored(created.object);
    for (let i = 0; i < 12; i++) {
      const labels = { ...((live.metadata as JsonObject).labels as JsonObject), [`k${i}`]: 'v' };
      const next = { ...live, metadata: { ...(live.metadata as JsonObject), labels } };
      live = stored(recordUpdate(live, next, { manager: `writer-${i}`, now: new Date(now.getTime() + i * 1000) }).object);
    }
    const entries = (live.metadata as JsonObject).managedFields as unknown as ManagedFieldsEntry[];
    expect(entries.filter((e) => e.operation === 'Update')).toHaveLength(10);
    expect(entries.map((e) => e.manager)).toContain('ancient-changes');
    expect(owned(entries, 'ancient-changes')).toEqual(['.metadata.labels.k0', '.metadata.labels.k1', '.metadata.labels.k2']);
  });

  it('resets managedFields given as [], and then tracks nothing on an existing object', () => {
    const created = serverSideApply(null, deployment({ containers: [container('app', 'a')] }), { manager: 'one', now });
    const reset = { ...created.object, metadata: { ...(created.object.metadata as JsonObject), managedFields: [] } };
    expect(recordUpdate(stored(created.object), reset, { manager: 'cleaner', now }).managedFields).toEqual([]);
  });
});
