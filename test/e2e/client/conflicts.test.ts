import { beforeAll, describe, expect, it } from 'vitest';
import { buildFallbackPatch, isKubepatchError, labelKeys } from 'kubepatch';
import { applyObject, ApplyConflictError, ConflictError, getObject, replaceObject, sendPatch } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverOk } from '../helpers/serverRequest.js';
import {
  clientNamespace,
  CONFIG_MAPS,
  configMapManifest,
  createRaw,
  objectPath,
  readStored,
  REPLICA_SETS,
  replicaSetManifest,
  ROLLOUTS,
  rolloutManifest,
} from '../helpers/clientObjects.js';

/** 409 Conflict from the real API server: a stale resourceVersion, and fields another manager owns. */

const modified = (resource: string, name: string) =>
  `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`;

describe.skipIf(skipReason)('409 Conflict from the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('conflicts');
  });

  it('getObject reads the object as sent; replaceObject writes it, and a second replace from the same copy is a ConflictError', async () => {
    await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'rw'));
    const live = await getObject(adminKubeConfig(), { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace, name: 'rw' });
    expect(live).toEqual(await readStored({ ...REPLICA_SETS, namespace, name: 'rw' }));
    expect(typeof (live.metadata as { creationTimestamp: unknown }).creationTimestamp).toBe('string');

    const desired = { ...live, spec: { ...(live.spec as object), replicas: 7 } };
    const stored = await replaceObject(adminKubeConfig(), desired, { fieldManager: 'scaler' });
    expect(stored).toEqual(await readStored({ ...REPLICA_SETS, namespace, name: 'rw' }));
    expect(stored.spec).toMatchObject({ replicas: 7 });

    const stale = { ...live, spec: { ...(live.spec as object), replicas: 1 } };
    const error = await replaceObject(adminKubeConfig(), stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(isKubepatchError(error, 'API_CONFLICT')).toBe(true);
    expect((error as ConflictError).status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: modified('replicasets.apps', 'rw'),
      reason: 'Conflict',
      details: { name: 'rw', group: 'apps', kind: 'replicasets' },
      code: 409,
    });
    expect((error as Error).message).toBe(`PUT ${objectPath({ ...REPLICA_SETS, namespace, name: 'rw' })}: 409 Conflict: ${modified('replicasets.apps', 'rw')}`);
    expect((await readStored({ ...REPLICA_SETS, namespace, name: 'rw' })).spec.replicas).toBe(7);
  });

  it('a JSON merge patch carrying metadata.resourceVersion is conditional: a stale one is a ConflictError, a current one lands', async () => {
    const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'guarded'));
    await serverOk('PATCH', objectPath({ ...CONFIG_MAPS, namespace, name: 'guarded' }), { data: { other: 'writer' } }, 'application/merge-patch+json');
    const stale = { type: 'merge' as const, patch: { metadata: { resourceVersion: live.metadata.resourceVersion }, data: { mode: 'slow' } } };
    const error = await sendPatch(adminKubeConfig(), live, stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).status?.message).toBe(modified('configmaps', 'guarded'));
    expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'guarded' })).data.mode).toBe('fast');

    const current = await readStored({ ...CONFIG_MAPS, namespace, name: 'guarded' });
    const guarded = buildFallbackPatch({ ...current, metadata: { ...current.metadata, labels: { tier: 'front' } } }, current, {
      labels: labelKeys(['tier']),
      resourceVersion: true,
    });
    expect(guarded.patch).toEqual({ metadata: { labels: { tier: 'front' }, resourceVersion: current.metadata.resourceVersion } });
    await sendPatch(adminKubeConfig(), current, guarded);
    expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'guarded' })).metadata.labels).toEqual({ tier: 'front' });
  });

  it('a JSON Patch test on metadata.resourceVersion is not a 409: the server answers 422 (ApiError)', async () => {
    const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'tested'));
    const patch = [
      { op: 'test', path: '/metadata/resourceVersion', value: '1' },
      { op: 'replace', path: '/data/mode', value: 'slow' },
    ];
    const error = await sendPatch(adminKubeConfig(), live, { type: 'json', patch }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'API_ERROR', statusCode: 422 });
    expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'tested' })).data.mode).toBe('fast');
  });

  it('applyObject with keepResourceVersion is conditional on it', async () => {
    const live = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'conditional'));
    await serverOk('PATCH', objectPath({ ...ROLLOUTS, namespace, name: 'conditional' }), { spec: { replicas: 4 } }, 'application/merge-patch+json');
    const annotate = { apiVersion: live.apiVersion, kind: live.kind, metadata: { name: 'conditional', namespace, annotations: { team: 'checkout' } } };
    const config = { ...annotate, metadata: { ...annotate.metadata, resourceVersion: live.metadata.resourceVersion } };
    const error = await applyObject(adminKubeConfig(), config, { fieldManager: 'team-annotator', keepResourceVersion: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).status?.message).toBe(modified('rollouts.argoproj.io', 'conditional'));
    // Without it, the resourceVersion (and the managedFields the server refuses) of a read-back copy are taken out, and the apply lands.
    const readBack = { ...live, metadata: { ...live.metadata, annotations: { team: 'checkout' } } };
    expect(readBack.metadata.managedFields).toBeDefined();
    const stored = await applyObject(adminKubeConfig(), readBack, { fieldManager: 'team-annotator', force: true });
    expect(stored.metadata).toMatchObject({ annotations: { team: 'checkout' } });
  });

  it('applyObject without force is an ApplyConflictError when another manager owns the field; force takes it over', async () => {
    await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'owned'));
    const config = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'owned', namespace }, spec: { replicas: 9 } };
    const error = await applyObject(adminKubeConfig(), config, { fieldManager: 'scaler' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyConflictError);
    expect((error as ApplyConflictError).message).toMatch(/^Apply failed with 1 conflict: conflict with ".+" using argoproj.io\/v1alpha1: \.spec\.replicas$/);
    expect((error as ApplyConflictError).conflicts).toMatchObject([{ operation: 'Update', apiVersion: 'argoproj.io/v1alpha1', serverPath: '.spec.replicas' }]);
    expect((await readStored({ ...ROLLOUTS, namespace, name: 'owned' })).spec.replicas).toBe(3);

    await applyObject(adminKubeConfig(), config, { fieldManager: 'scaler', force: true });
    const stored = await readStored({ ...ROLLOUTS, namespace, name: 'owned' });
    expect(stored.spec.replicas).toBe(9);
    const owners = stored.metadata.managedFields.filter((m: { fieldsV1: { 'f:spec'?: { 'f:replicas'?: unknown } } }) => m.fieldsV1['f:spec']?.['f:replicas']);
    expect(owners.map((m: { manager: string }) => m.manager)).toEqual(['scaler']);
  });
});
