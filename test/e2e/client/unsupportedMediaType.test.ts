import { beforeAll, describe, expect, it } from 'vitest';
import { isKubepatchError, PATCH_CONTENT_TYPES } from 'kubepatch';
import { apiErrorFrom, sendPatch, UnsupportedMediaTypeError } from 'kubepatch/client';
import { clientNode } from '../../client/helpers/clientNode.js';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverRequest } from '../helpers/serverRequest.js';
import { clientNamespace, CONFIG_MAPS, configMapManifest, createRaw, objectPath, readStored, ROLLOUTS, rolloutManifest } from '../helpers/clientObjects.js';

/** The real server's 415 for a patch format a kind does not take, and how kubepatch reports it. */

describe.skipIf(skipReason)('415 Unsupported Media Type from the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('media-type');
  });

  it('a strategic merge patch to an Argo Rollout is refused, as UnsupportedMediaTypeError with the media types the server listed', async () => {
    const live = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'web'));
    const error = await sendPatch(adminKubeConfig(), live, { type: 'strategic', patch: { spec: { replicas: 6 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(isKubepatchError(error, 'UNSUPPORTED_MEDIA_TYPE')).toBe(true);
    const refusal = error as UnsupportedMediaTypeError;
    expect(refusal.statusCode).toBe(415);
    expect(refusal.acceptedMediaTypes).toEqual([PATCH_CONTENT_TYPES.json, PATCH_CONTENT_TYPES.merge, PATCH_CONTENT_TYPES.apply]);
    expect(refusal.status).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 });
    expect(refusal.message).toBe(
      `PATCH /apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts/web: 415 UnsupportedMediaType: the body of the request was in an ` +
        'unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    expect((await readStored({ ...ROLLOUTS, namespace, name: 'web' })).metadata.resourceVersion).toBe(live.metadata.resourceVersion);
  });

  it('a format no route of a built-in kind takes is refused before any handler, with no list: acceptedMediaTypes is empty', async () => {
    await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'yaml'));
    const answer = await serverRequest('PATCH', objectPath({ ...CONFIG_MAPS, namespace, name: 'yaml' }), 'data: {}', 'application/yaml');
    expect(answer).toMatchObject({ statusCode: 415, body: { reason: 'UnsupportedMediaType', message: '415: Unsupported Media Type' } });
    const error = apiErrorFrom({ code: answer.statusCode, body: answer.body });
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((error as UnsupportedMediaTypeError).acceptedMediaTypes).toEqual([]);
  });

  it('apiErrorFrom maps the ApiException of a typed client-node call the same way', async () => {
    await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'typed'));
    const custom = adminKubeConfig().makeApiClient(clientNode.CustomObjectsApi);
    const error = await custom
      .patchNamespacedCustomObject(
        { group: 'argoproj.io', version: 'v1alpha1', namespace, plural: 'rollouts', name: 'typed', body: { spec: { replicas: 2 } } },
        clientNode.setHeaderOptions('Content-Type', clientNode.PatchStrategy.StrategicMergePatch),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(clientNode.ApiException);
    const mapped = apiErrorFrom(error as { code: number; body: unknown });
    expect(mapped).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((mapped as UnsupportedMediaTypeError).acceptedMediaTypes).toEqual([
      PATCH_CONTENT_TYPES.json,
      PATCH_CONTENT_TYPES.merge,
      PATCH_CONTENT_TYPES.apply,
    ]);
  });
});
