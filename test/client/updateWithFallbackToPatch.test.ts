import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationKeys, isKubepatchError, PATCH_CONTENT_TYPES, type JsonObject } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { replicaSet, rollout } from './helpers/objects.js';
import { kubeConfigFor } from './helpers/clientNode.js';
import { FakeKubeApiServer } from './helpers/fakeKubeApiServer.js';
import { useFakeKubeApiServer } from './helpers/serverFixture.js';
import { client } from './helpers/subject.js';

const { updateWithFallbackToPatch, ConflictError, ImmutableFieldError } = client;

type ReplicaSet = ReturnType<typeof replicaSet> & { metadata: { resourceVersion: string } };

const fixture = useFakeKubeApiServer();

const fast = { retries: 5, initialDelayMs: 1, maxDelayMs: 5 };
const rsKey = (name: string) => `replicasets.apps/shop/${name}`;
const annotations = (object: JsonObject) => (object.metadata as { annotations: Record<string, string> }).annotations;
const requestsSince = (index: number) => fixture.server.requests.slice(index).map((r) => `${r.method} ${r.status}`);

/** A desired ReplicaSet: the cached copy with the rollout controller's changes. */
function withDeadline(cached: ReplicaSet, deadline: string | undefined): ReplicaSet {
  const desired = structuredClone(cached);
  const next: Record<string, string> = { ...desired.metadata.annotations };
  if (deadline === undefined) delete next['scale-down-deadline'];
  else next['scale-down-deadline'] = deadline;
  desired.metadata.annotations = next as ReplicaSet['metadata']['annotations'];
  return desired;
}

describe('updateWithFallbackToPatch', () => {
  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('replaces (PUT) when the copy is current, and resolves with the stored object', async () => {
    const cached = fixture.server.create(replicaSet('current')) as ReplicaSet;
    const start = fixture.server.requests.length;
    const stored = await updateWithFallbackToPatch(fixture.kc, frozenCopy(withDeadline(cached, '2026-11-23T10:00:00Z')), { retry: fast });
    expect(requestsSince(start)).toEqual(['PUT 200']);
    expect(annotations(stored)['scale-down-deadline']).toBe('2026-11-23T10:00:00Z');
    expect(stored).toEqual(fixture.server.get('apps/v1', 'ReplicaSet', 'shop', 'current'));
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('on 409 re-reads and sends the fallback patch as a merge patch, keeping what others wrote', async () => {
    const cached = fixture.server.create(replicaSet('stale')) as ReplicaSet;
    fixture.server.touch(rsKey('stale'), (object) => {
      annotations(object)['team.example.com/owner'] = 'checkout';
      (object.spec as { replicas: number }).replicas = 5;
    });
    const start = fixture.server.requests.length;
    const desired = frozenCopy(withDeadline(cached, '2026-11-23T10:00:00Z'));
    const stored = await updateWithFallbackToPatch(fixture.kc, desired, { original: frozenCopy(cached), retry: fast });
    expect(requestsSince(start)).toEqual(['PUT 409', 'GET 200', 'PATCH 200']);
    const patch = fixture.server.requests.at(-1)!;
    expect(patch.contentType).toBe(PATCH_CONTENT_TYPES.merge);
    expect(JSON.parse(patch.body)).toEqual({ metadata: { annotations: { 'scale-down-deadline': '2026-11-23T10:00:00Z' } } });
    expect(annotations(stored)).toEqual({
      'rollout.argoproj.io/revision': '3',
      'rollout.argoproj.io/desired-replicas': '3',
      'team.example.com/owner': 'checkout',
      'scale-down-deadline': '2026-11-23T10:00:00Z',
    });
    expect(stored.spec).toMatchObject({ replicas: 5 });
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('without original, sets every covered field from desired, as Argo Rollouts did (a stale replica count wins)', async () => {
    const cached = fixture.server.create(replicaSet('argo-style')) as ReplicaSet;
    fixture.server.touch(rsKey('argo-style'), (object) => ((object.spec as { replicas: number }).replicas = 5));
    const stored = await updateWithFallbackToPatch(fixture.kc, withDeadline(cached, '2026-11-23T10:00:00Z'), { retry: fast });
    expect(JSON.parse(fixture.server.requests.at(-1)!.body)).toEqual({
      metadata: { annotations: { 'scale-down-deadline': '2026-11-23T10:00:00Z' } },
      spec: { replicas: 3 },
    });
    expect(stored.spec).toMatchObject({ replicas: 3 });
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('deletes an owned annotation desired dropped (null), and never writes an empty scale-down-deadline', async () => {
    const cached = withDeadline(fixture.server.create(replicaSet('drop')) as ReplicaSet, undefined);
    const withOne = (await updateWithFallbackToPatch(fixture.kc, withDeadline(cached, '2026-11-23T10:00:00Z'))) as ReplicaSet;
    fixture.server.touch(rsKey('drop'), (object) => (annotations(object)['rollout.argoproj.io/revision'] = '4'));
    const stored = await updateWithFallbackToPatch(fixture.kc, withDeadline(withOne, undefined), { original: withOne, retry: fast });
    expect(JSON.parse(fixture.server.requests.at(-1)!.body)).toEqual({ metadata: { annotations: { 'scale-down-deadline': null } } });
    expect(annotations(stored)).not.toHaveProperty('scale-down-deadline');
    expect(annotations(stored)['rollout.argoproj.io/revision']).toBe('4');
    expect(fixture.server.history.some((object) => annotations(object)?.['scale-down-deadline'] === '')).toBe(false);
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('sends a strategic merge patch when asked, for a built-in kind', async () => {
    const cached = fixture.server.create(replicaSet('strategic')) as ReplicaSet;
    fixture.server.touch(rsKey('strategic'), () => undefined);
    await updateWithFallbackToPatch(fixture.kc, withDeadline(cached, '2026-11-23T10:00:00Z'), {
      original: cached,
      fallback: { type: 'strategic' },
      retry: fast,
    });
    expect(fixture.server.requests.at(-1)).toMatchObject({ method: 'PATCH', contentType: PATCH_CONTENT_TYPES.strategic, status: 200 });
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('falls back with a merge patch for a custom resource (an Argo Rollout), with owned keys of the caller', async () => {
    const cached = fixture.server.create(rollout('cr'));
    fixture.server.touch('rollouts.argoproj.io/shop/cr', (object) => (annotations(object)['other.example.com/x'] = '1'));
    const desired = structuredClone(cached) as unknown as JsonObject;
    annotations(desired)['team.example.com/owner'] = 'checkout';
    const stored = await updateWithFallbackToPatch(fixture.kc, desired, {
      original: cached,
      fallback: { annotations: annotationKeys({ prefixes: ['team.example.com/'] }) },
      retry: fast,
    });
    expect(fixture.server.requests.at(-1)).toMatchObject({ method: 'PATCH', contentType: PATCH_CONTENT_TYPES.merge, status: 200 });
    expect(annotations(stored)).toMatchObject({ 'other.example.com/x': '1', 'team.example.com/owner': 'checkout' });
  });

  // Stays on the fake server: the retry and backoff logic needs a 409 on every fallback patch, which a real server does not give on demand.
  it('retries a conflicting fallback patch (resourceVersion precondition) with fresh reads, then gives up with ConflictError', async () => {
    const interfering = await FakeKubeApiServer.start({
      beforePatch: (fake, key) => fake.touch(key, (object) => (annotations(object)['churn'] = String(Math.random()))),
    });
    try {
      const kc2 = kubeConfigFor(interfering.url);
      const cached = interfering.create(replicaSet('busy')) as ReplicaSet;
      interfering.touch(rsKey('busy'), () => undefined);
      const error = await updateWithFallbackToPatch(kc2, withDeadline(cached, '2026-11-23T10:00:00Z'), {
        original: cached,
        fallback: { resourceVersion: true },
        retry: { retries: 3, initialDelayMs: 1, maxDelayMs: 2 },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(isKubepatchError(error, 'API_CONFLICT')).toBe(true);
      expect((error as Error).message).toMatch(/^gave up after 3 fallback patch attempts; last answer: PATCH .*: 409 Conflict/);
      expect(interfering.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
        'PUT 409',
        'GET 200',
        'PATCH 409',
        'GET 200',
        'PATCH 409',
        'GET 200',
        'PATCH 409',
      ]);
      const patches = interfering.requests.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.body).metadata.resourceVersion);
      expect(new Set(patches).size).toBe(3);
    } finally {
      await interfering.close();
    }
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('gives up at the first conflict with retries: 0', async () => {
    const cached = fixture.server.create(replicaSet('no-retry')) as ReplicaSet;
    fixture.server.touch(rsKey('no-retry'), () => undefined);
    const start = fixture.server.requests.length;
    await expect(updateWithFallbackToPatch(fixture.kc, withDeadline(cached, 'x'), { retry: { retries: 0 } })).rejects.toBeInstanceOf(ConflictError);
    expect(requestsSince(start)).toEqual(['PUT 409']);
  });

  // Stays on the fake server: it needs request capture (no retry after the 422); test/e2e/client/immutableFields.test.ts checks the real 422.
  it('answers a changed selector with ImmutableFieldError, without retrying', async () => {
    const cached = fixture.server.create(replicaSet('selector')) as ReplicaSet;
    const desired = structuredClone(cached);
    desired.spec.selector.matchLabels.app = 'other';
    const start = fixture.server.requests.length;
    const error = await updateWithFallbackToPatch(fixture.kc, desired, { retry: fast }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImmutableFieldError);
    expect((error as InstanceType<typeof ImmutableFieldError>).changes.map((c) => c.field)).toEqual(['spec.selector']);
    expect(requestsSince(start)).toEqual(['PUT 422']);
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('resolves with the live object when the fallback has nothing to write', async () => {
    const cached = fixture.server.create(replicaSet('nothing')) as ReplicaSet;
    fixture.server.touch(rsKey('nothing'), (object) => (annotations(object)['scale-down-deadline'] = '2026-11-23T10:00:00Z'));
    const start = fixture.server.requests.length;
    const stored = await updateWithFallbackToPatch(fixture.kc, withDeadline(cached, '2026-11-23T10:00:00Z'), { original: cached, retry: fast });
    expect(requestsSince(start)).toEqual(['PUT 409', 'GET 200']);
    expect(stored).toEqual(fixture.server.get('apps/v1', 'ReplicaSet', 'shop', 'nothing'));
  });

  // Stays on the fake server: it needs request capture (the requests and patch body sent); test/e2e/client/updateWithFallbackToPatch.test.ts checks the outcome on the real server.
  it('accepts client-node models (Date timestamps) and refuses a desired object without resourceVersion', async () => {
    const cached = fixture.server.create(replicaSet('model')) as ReplicaSet;
    const model = { ...withDeadline(cached, '2026-11-23T10:00:00Z'), metadata: { ...cached.metadata, creationTimestamp: new Date('2026-11-22T10:00:00Z') } };
    await expect(updateWithFallbackToPatch(fixture.kc, model, { retry: fast })).resolves.toMatchObject({ kind: 'ReplicaSet' });

    const { resourceVersion: _dropped, ...metadata } = cached.metadata;
    const sent = fixture.server.requests.length;
    await expect(updateWithFallbackToPatch(fixture.kc, { ...cached, metadata })).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
      path: '/metadata/resourceVersion',
    });
    await expect(updateWithFallbackToPatch(fixture.kc, cached, { retry: { retries: -1 } })).rejects.toBeInstanceOf(RangeError);
    expect(fixture.server.requests.length).toBe(sent);
  });
});
