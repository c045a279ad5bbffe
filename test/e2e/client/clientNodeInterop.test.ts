import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, sendPatch } from 'kubepatch/client';
import { clientNode } from '../../client/helpers/clientNode.js';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { clientNamespace, createRaw, DEPLOYMENTS, deploymentManifest, readStored, REPLICA_SETS, replicaSetManifest, type Stored } from '../helpers/clientObjects.js';

/**
 * The @kubernetes/client-node pitfalls kubepatch/client avoids, as the real API server answers
 * them (test/client/clientNodeInterop.test.ts shows the requests client-node sends).
 */

const containersOf = (object: Stored) => object.spec.template.spec.containers.map((c: Stored) => c.name);

describe.skipIf(skipReason)('@kubernetes/client-node against the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('client-node');
  });

  it('a typed patch* call with a merge body and no Content-Type is refused with 400 "cannot unmarshal"; sendPatch lands it', async () => {
    await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'typed'));
    const apps = adminKubeConfig().makeApiClient(clientNode.AppsV1Api);
    const body = { spec: { replicas: 4 } };
    const error = await apps.patchNamespacedReplicaSet({ name: 'typed', namespace, body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(clientNode.ApiException);
    const mapped = apiErrorFrom(error as { code: number; body: unknown });
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped).toMatchObject({ statusCode: 400, status: { reason: 'BadRequest' } });
    expect(mapped.message).toBe('400 BadRequest: error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp');
    expect((await readStored({ ...REPLICA_SETS, namespace, name: 'typed' })).spec.replicas).toBe(3);

    const options = clientNode.setHeaderOptions('Content-Type', clientNode.PatchStrategy.MergePatch);
    await apps.patchNamespacedReplicaSet({ name: 'typed', namespace, body }, options);
    expect((await readStored({ ...REPLICA_SETS, namespace, name: 'typed' })).spec.replicas).toBe(4);
    await sendPatch(adminKubeConfig(), { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace, name: 'typed' }, { type: 'merge', patch: { spec: { replicas: 5 } } });
    expect((await readStored({ ...REPLICA_SETS, namespace, name: 'typed' })).spec.replicas).toBe(5);
  });

  it('KubernetesObjectApi.patch loses a $patch: delete directive (the container stays); sendPatch removes it', async () => {
    const live = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'directives'));
    const patch = { ...live, spec: { template: { spec: { containers: [{ name: 'debug', $patch: 'delete' }] } } } };
    await clientNode.KubernetesObjectApi.makeApiClient(adminKubeConfig()).patch(patch as never);
    expect(containersOf(await readStored({ ...DEPLOYMENTS, namespace, name: 'directives' }))).toEqual(['app', 'debug']);

    await sendPatch(adminKubeConfig(), live, { type: 'strategic', patch: { spec: patch.spec } });
    expect(containersOf(await readStored({ ...DEPLOYMENTS, namespace, name: 'directives' }))).toEqual(['app']);
  });
});
