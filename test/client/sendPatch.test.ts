import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatchFor, isKubepatchError, PATCH_CONTENT_TYPES } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { deployment, replicaSet, rollout } from './helpers/objects.js';
import { useFakeKubeApiServer } from './helpers/serverFixture.js';
import { client } from './helpers/subject.js';

const { sendPatch, getObject, replaceObject, ConflictError, UnsupportedMediaTypeError, ImmutableFieldError, ApiError } = client;

const fixture = useFakeKubeApiServer();

describe('sendPatch', () => {
  it('sends each patch format under its own Content-Type', async () => {
    const rs = fixture.server.create(replicaSet('formats'));
    await sendPatch(fixture.kc, rs, { type: 'merge', patch: { spec: { replicas: 4 } } });
    expect(fixture.lastRequest()).toMatchObject({ method: 'PATCH', contentType: PATCH_CONTENT_TYPES.merge, status: 200 });
    expect(fixture.lastRequest().url).toBe('/apis/apps/v1/namespaces/shop/replicasets/formats');
    await sendPatch(fixture.kc, rs, { type: 'strategic', patch: { spec: { replicas: 5 } } });
    expect(fixture.lastRequest()).toMatchObject({ contentType: PATCH_CONTENT_TYPES.strategic, status: 200 });
    const stored = await sendPatch(fixture.kc, rs, {
      type: 'json',
      patch: [
        { op: 'test', path: '/spec/replicas', value: 5 },
        { op: 'replace', path: '/spec/replicas', value: 6 },
      ],
    });
    expect(fixture.lastRequest()).toMatchObject({ contentType: PATCH_CONTENT_TYPES.json, status: 200 });
    expect(stored.spec).toMatchObject({ replicas: 6 });
    expect(fixture.lastRequest().authorization).toBe('Bearer test-token');
  });

  it('resolves with the object the server stored, a new resourceVersion included', async () => {
    const rs = fixture.server.create(replicaSet('answer'));
    const stored = await sendPatch(fixture.kc, rs, { type: 'merge', patch: { metadata: { labels: { tier: 'front' } } } });
    expect(stored).toEqual(fixture.server.get('apps/v1', 'ReplicaSet', 'shop', 'answer'));
    expect(Number((stored.metadata as { resourceVersion: string }).resourceVersion)).toBeGreaterThan(Number(rs.metadata.resourceVersion));
  });

  it('sends strategic merge patch directives byte for byte ($patch: delete removes one container)', async () => {
    const live = fixture.server.create(deployment('directives'));
    const desired = frozenCopy({ ...live, spec: { ...live.spec, template: { ...live.spec.template, spec: { containers: [{ name: 'app', image: 'api:2' }] } } } });
    const update = createPatchFor(live, desired);
    expect(JSON.stringify(update.patch)).toContain('"$patch":"delete"');
    const stored = await sendPatch(fixture.kc, live, update);
    expect(JSON.parse(fixture.lastRequest().body)).toEqual(update.patch);
    expect(fixture.lastRequest().contentType).toBe(PATCH_CONTENT_TYPES.strategic);
    expect((stored.spec as { template: { spec: unknown } }).template.spec).toEqual({ containers: [{ name: 'app', image: 'api:2' }] });
  });

  it('sends a merge patch to a custom resource; a strategic merge patch gets 415 with the accepted media types', async () => {
    const live = fixture.server.create(rollout('crd'));
    const update = createPatchFor(live, { ...live, spec: { ...live.spec, replicas: 5 } });
    expect(update.type).toBe('merge');
    expect((await sendPatch(fixture.kc, live, update)).spec).toMatchObject({ replicas: 5 });
    expect(fixture.lastRequest().url).toBe('/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/crd');

    const error = await sendPatch(fixture.kc, live, { type: 'strategic', patch: { spec: { replicas: 6 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(isKubepatchError(error, 'UNSUPPORTED_MEDIA_TYPE')).toBe(true);
    const refusal = error as InstanceType<typeof UnsupportedMediaTypeError>;
    expect(refusal.statusCode).toBe(415);
    expect(refusal.acceptedMediaTypes).toEqual([PATCH_CONTENT_TYPES.json, PATCH_CONTENT_TYPES.merge, PATCH_CONTENT_TYPES.apply]);
    expect(refusal.message).toContain('PATCH /apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/crd: 415 UnsupportedMediaType');
  });

  it('takes a reference instead of a manifest, and a plural that cannot be guessed', async () => {
    fixture.server.create(replicaSet('by-ref'));
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'by-ref' };
    await sendPatch(fixture.kc, ref, { type: 'merge', patch: { spec: { replicas: 1 } } }, { plural: 'replicasets' });
    expect(fixture.lastRequest().status).toBe(200);
    await expect(sendPatch(fixture.kc, { ...ref, kind: 'Odd' }, { type: 'merge', patch: {} }, { plural: 'odds' })).rejects.toMatchObject({
      code: 'API_ERROR',
      statusCode: 404,
    });
  });

  it('maps a failed resourceVersion precondition to ConflictError and a changed selector to ImmutableFieldError', async () => {
    const rs = fixture.server.create(replicaSet('refusals'));
    const stale = { type: 'merge' as const, patch: { metadata: { resourceVersion: '1' }, spec: { replicas: 9 } } };
    await expect(sendPatch(fixture.kc, rs, stale)).rejects.toBeInstanceOf(ConflictError);

    const error = await sendPatch(fixture.kc, rs, { type: 'merge', patch: { spec: { selector: { matchLabels: { app: 'other' } } } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImmutableFieldError);
    const immutable = error as InstanceType<typeof ImmutableFieldError>;
    expect(immutable.code).toBe('IMMUTABLE_FIELD');
    expect(immutable.path).toBe('/spec/selector');
    expect(immutable.changes).toEqual([
      {
        path: '/spec/selector',
        field: 'spec.selector',
        old: undefined,
        new: { matchLabels: { app: 'other', 'rollouts-pod-template-hash': '7d9f8' } },
        message: 'spec.selector: Invalid value: {"matchLabels":{"app":"other","rollouts-pod-template-hash":"7d9f8"}}: field is immutable',
      },
    ]);
    expect(immutable.message).toContain('ReplicaSet.apps "refusals" is invalid: spec.selector: Invalid value:');
    expect(fixture.server.get('apps/v1', 'ReplicaSet', 'shop', 'refusals')!.spec).toEqual(rs.spec);
  });

  it('refuses, before sending, a patch that does not fit its format or options', async () => {
    const rs = fixture.server.create(replicaSet('checks'));
    const sent = fixture.server.requests.length;
    await expect(sendPatch(fixture.kc, rs, { type: 'json', patch: { spec: {} } })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    await expect(sendPatch(fixture.kc, rs, { type: 'merge', patch: [] })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    await expect(sendPatch(fixture.kc, rs, { type: 'merge', patch: {}, contentType: PATCH_CONTENT_TYPES.json })).rejects.toMatchObject({
      code: 'INVALID_PATCH',
    });
    await expect(sendPatch(fixture.kc, rs, { type: 'merge', patch: {} }, { force: true })).rejects.toMatchObject({ code: 'INVALID_PATCH', input: 'options' });
    await expect(sendPatch(fixture.kc, rs, { type: 'apply', patch: {} })).rejects.toMatchObject({ code: 'INVALID_PATCH', input: 'options' });
    await expect(sendPatch(fixture.kc, rs, { type: 'yaml' as never, patch: {} })).rejects.toMatchObject({ code: 'INVALID_PATCH' });
    await expect(sendPatch(fixture.kc, { kind: 'ReplicaSet', metadata: { name: 'x' } }, { type: 'merge', patch: {} })).rejects.toMatchObject({
      code: 'INVALID_DOCUMENT',
    });
    expect(fixture.server.requests.length).toBe(sent);
  });

  it('does not change its inputs', async () => {
    const rs = frozenCopy(fixture.server.create(replicaSet('frozen')));
    const patch = frozenCopy({ type: 'merge' as const, patch: { spec: { replicas: 2 } } });
    await sendPatch(fixture.kc, rs, patch, frozenCopy({ fieldManager: 'tester' }));
    expect(fixture.lastRequest().url).toBe('/apis/apps/v1/namespaces/shop/replicasets/frozen?fieldManager=tester');
  });
});

describe('getObject and replaceObject', () => {
  it('read the object as the server sent it, and replace it conditionally on its resourceVersion', async () => {
    fixture.server.create(replicaSet('rw'));
    const live = await getObject(fixture.kc, { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'rw' });
    expect(live.metadata).toMatchObject({ name: 'rw', creationTimestamp: '2026-11-22T10:00:00Z' });
    const desired = { ...live, spec: { ...(live.spec as object), replicas: 7 } };
    const stored = await replaceObject(fixture.kc, desired);
    expect(fixture.lastRequest()).toMatchObject({ method: 'PUT', contentType: 'application/json', status: 200 });
    expect(stored.spec).toMatchObject({ replicas: 7 });
    const error = await replaceObject(fixture.kc, desired).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as InstanceType<typeof ConflictError>).status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Conflict',
      code: 409,
      message:
        'Operation cannot be fulfilled on replicasets.apps "rw": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('answer 404 as ApiError', async () => {
    const error = await getObject(fixture.kc, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: 'shop', name: 'missing' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'API_ERROR', statusCode: 404 });
    expect((error as Error).message).toContain('rollouts.argoproj.io "missing" not found');
  });

  it('honour an abort signal', async () => {
    fixture.server.create(replicaSet('aborted'));
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'aborted' };
    await expect(getObject(fixture.kc, ref, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
