import { beforeAll, describe, expect, it } from 'vitest';
import { annotationKeys } from 'kubepatch';
import { updateWithFallbackToPatch } from 'kubepatch/client';
import { clientNode } from '../../client/helpers/clientNode.js';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverOk } from '../helpers/serverRequest.js';
import {
  clientNamespace,
  createRaw,
  objectPath,
  readStored,
  REPLICA_SETS,
  replicaSetManifest,
  ROLLOUTS,
  rolloutManifest,
  type Stored,
  type StoredAt,
} from '../helpers/clientObjects.js';

/**
 * updateWithFallbackToPatch against the real API server: the PUT, the 409 the server answers to a
 * stale copy, and the fallback patch that lands on the latest version. Another writer is played
 * by a raw merge patch between the read and the update.
 */

const DEADLINE = '2026-11-23T10:00:00Z';
const fast = { retries: 5, initialDelayMs: 1, maxDelayMs: 5 };

function withDeadline(cached: Stored, deadline: string | undefined): Stored {
  const desired = structuredClone(cached);
  desired.metadata.annotations = { ...desired.metadata.annotations, 'scale-down-deadline': deadline };
  if (deadline === undefined) delete desired.metadata.annotations['scale-down-deadline'];
  return desired;
}

describe.skipIf(skipReason)('updateWithFallbackToPatch against the real API server', () => {
  let namespace: string;
  const rs = (name: string) => ({ ...REPLICA_SETS, namespace, name });
  const otherWriter = (name: string, patch: object, at: StoredAt = rs(name)) => serverOk('PATCH', objectPath(at), patch, 'application/merge-patch+json');

  beforeAll(async () => {
    namespace = await clientNamespace('fallback');
  });

  it('replaces the object when the copy is current, and resolves with what the server stored', async () => {
    const cached = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'current'));
    const stored = await updateWithFallbackToPatch(adminKubeConfig(), withDeadline(cached, DEADLINE), { retry: fast });
    expect(stored).toEqual(await readStored(rs('current')));
    expect((stored as Stored).metadata.annotations['scale-down-deadline']).toBe(DEADLINE);
  });

  it('after a 409, lands the caller\'s change on the latest version, keeping what the other writer wrote', async () => {
    const cached = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'stale'));
    await otherWriter('stale', { metadata: { annotations: { 'team.example.com/owner': 'checkout' } }, spec: { replicas: 5 } });
    await updateWithFallbackToPatch(adminKubeConfig(), withDeadline(cached, DEADLINE), { original: cached, retry: fast });
    const stored = await readStored(rs('stale'));
    expect(stored.metadata.annotations).toEqual({
      'rollout.argoproj.io/revision': '3',
      'team.example.com/owner': 'checkout',
      'scale-down-deadline': DEADLINE,
    });
    expect(stored.spec.replicas).toBe(5);
  });

  it('without original, every covered field is set from desired, as Argo Rollouts did: the stale replica count wins', async () => {
    const cached = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'argo-style'));
    await otherWriter('argo-style', { spec: { replicas: 5 } });
    await updateWithFallbackToPatch(adminKubeConfig(), withDeadline(cached, DEADLINE), { retry: fast });
    const stored = await readStored(rs('argo-style'));
    expect(stored.spec.replicas).toBe(3);
    expect(stored.metadata.annotations['scale-down-deadline']).toBe(DEADLINE);
  });

  it('deletes an owned annotation desired dropped, and keeps the other writer\'s change (strategic fallback too)', async () => {
    for (const type of ['merge', 'strategic'] as const) {
      const name = `drop-${type}`;
      const created = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, name));
      const withOne = (await updateWithFallbackToPatch(adminKubeConfig(), withDeadline(created, DEADLINE))) as Stored;
      await otherWriter(name, { metadata: { annotations: { 'rollout.argoproj.io/revision': '4' } } });
      await updateWithFallbackToPatch(adminKubeConfig(), withDeadline(withOne, undefined), { original: withOne, fallback: { type }, retry: fast });
      const stored = await readStored(rs(name));
      expect(stored.metadata.annotations).toEqual({ 'rollout.argoproj.io/revision': '4' });
    }
  });

  it('falls back on an Argo Rollout with the caller\'s own annotation keys', async () => {
    const at = { ...ROLLOUTS, namespace, name: 'web' };
    const cached = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'web'));
    await otherWriter('web', { metadata: { annotations: { 'other.example.com/x': '1' } } }, at);
    const desired = structuredClone(cached);
    desired.metadata.annotations['team.example.com/owner'] = 'checkout';
    await updateWithFallbackToPatch(adminKubeConfig(), desired, {
      original: cached,
      fallback: { annotations: annotationKeys({ prefixes: ['team.example.com/'] }) },
      retry: fast,
    });
    expect((await readStored(at)).metadata.annotations).toEqual({
      'rollout.argoproj.io/revision': '3',
      'other.example.com/x': '1',
      'team.example.com/owner': 'checkout',
    });
  });

  it('resolves with the live object, writing nothing, when the other writer already wrote the same value', async () => {
    const cached = await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'same'));
    const live = await otherWriter('same', { metadata: { annotations: { 'scale-down-deadline': DEADLINE } } });
    const stored = await updateWithFallbackToPatch(adminKubeConfig(), withDeadline(cached, DEADLINE), { original: cached, retry: fast });
    expect(stored).toEqual(live);
    expect((await readStored(rs('same'))).metadata.resourceVersion).toBe(live.metadata.resourceVersion);
  });

  it('takes a client-node model (Date timestamps) as the server accepts it', async () => {
    await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'model'));
    const apps = adminKubeConfig().makeApiClient(clientNode.AppsV1Api);
    const model = await apps.readNamespacedReplicaSet({ namespace, name: 'model' });
    expect(model.metadata?.creationTimestamp).toBeInstanceOf(Date);
    model.metadata!.annotations = { ...model.metadata!.annotations, 'scale-down-deadline': DEADLINE };
    await updateWithFallbackToPatch(adminKubeConfig(), model, { retry: fast });
    expect((await readStored(rs('model'))).metadata.annotations['scale-down-deadline']).toBe(DEADLINE);
  });
});
