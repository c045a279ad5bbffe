import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { KubeConfig } from '@kubernetes/client-node';
import { PATCH_CONTENT_TYPES } from 'kubepatch';
import type { KubeConfigLike } from '../../src/client/index.ts';
import { clientNode, clientNodeVersion, kubeConfigFor } from './helpers/clientNode.js';
import { deployment, replicaSet } from './helpers/objects.js';
import { useFakeKubeApiServer } from './helpers/serverFixture.js';
import { client } from './helpers/subject.js';

/**
 * kubepatch/client with the @kubernetes/client-node under test (1.4.0 from the dev dependencies;
 * CI also runs this folder with 2.x on Node 22), and the client-node pitfalls it avoids, shown on
 * the fake API server because they are about the requests client-node sends (request capture);
 * test/e2e/client/clientNodeInterop.test.ts shows how the real server answers them.
 */

const { apiErrorFrom, sendPatch, ApiError } = client;

const fixture = useFakeKubeApiServer();

describe('with @kubernetes/client-node', () => {
  it('runs the expected client-node and Node versions (KUBEPATCH_EXPECT_* in CI)', () => {
    console.info(`client tests: @kubernetes/client-node ${clientNodeVersion} on Node ${process.versions.node}`);
    expect(clientNodeVersion).toMatch(/^(1\.([1-9]|\d\d)|2)\./);
    const expectedClientNode = process.env.KUBEPATCH_EXPECT_CLIENT_NODE_MAJOR;
    if (expectedClientNode) expect(clientNodeVersion.split('.')[0]).toBe(expectedClientNode);
    const expectedNode = process.env.KUBEPATCH_EXPECT_NODE_MAJOR;
    if (expectedNode) expect(process.versions.node.split('.')[0]).toBe(expectedNode);
  });

  it('a KubeConfig is a KubeConfigLike', () => {
    expectTypeOf<KubeConfig>().toMatchTypeOf<KubeConfigLike>();
    const like: KubeConfigLike = fixture.kc;
    expect(like.getCurrentCluster()?.server).toBe(fixture.server.url);
  });

  // Stays on the fake server: it needs a plain http:// server, which the real one never is.
  it('client-node refuses an http:// server unless skipTLSVerify is set; kubepatch reports it unchanged', async () => {
    const strict = new clientNode.KubeConfig();
    strict.loadFromOptions({
      clusters: [{ name: 'c', server: fixture.server.url }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    await expect(client.getObject(strict, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'x' })).rejects.toThrow(
      /HTTP protocol is not allowed when skipTLSVerify is not set or false/,
    );
  });

  // Stays on the fake server: it needs request capture (the Content-Type client-node sends).
  it('pitfall: a typed patch* call sends JSON Patch by default; a merge body then fails with "cannot unmarshal"', async () => {
    fixture.server.create(replicaSet('typed'));
    const apps = fixture.kc.makeApiClient(clientNode.AppsV1Api);
    const body = { spec: { replicas: 4 } };
    const error = await apps.patchNamespacedReplicaSet({ name: 'typed', namespace: 'shop', body }).catch((e: unknown) => e);
    expect(fixture.lastRequest().contentType).toBe(PATCH_CONTENT_TYPES.json);
    expect(error).toBeInstanceOf(clientNode.ApiException);
    const mapped = apiErrorFrom(error as { code: number; body: unknown });
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped).toMatchObject({ statusCode: 400 });
    expect(mapped.message).toContain('cannot unmarshal object into Go value of type []handlers.jsonPatchOp');

    // With setHeaderOptions (client-node >= 1.1) the same call works; sendPatch needs no option.
    const options = clientNode.setHeaderOptions('Content-Type', clientNode.PatchStrategy.MergePatch);
    await apps.patchNamespacedReplicaSet({ name: 'typed', namespace: 'shop', body }, options);
    expect(fixture.lastRequest()).toMatchObject({ contentType: PATCH_CONTENT_TYPES.merge, status: 200 });
    await sendPatch(fixture.kc, { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'typed' }, { type: 'merge', patch: body });
    expect(fixture.lastRequest()).toMatchObject({ contentType: PATCH_CONTENT_TYPES.merge, status: 200 });
  });

  // Stays on the fake server: it needs request capture (the body client-node sends).
  it('pitfall: KubernetesObjectApi.patch drops $patch directives of built-in kinds; sendPatch keeps them', async () => {
    const live = fixture.server.create(deployment('directives'));
    const patch = { ...live, spec: { template: { spec: { containers: [{ name: 'debug', $patch: 'delete' }] } } } };
    await clientNode.KubernetesObjectApi.makeApiClient(fixture.kc).patch(patch as never);
    expect(fixture.lastRequest().contentType).toBe(PATCH_CONTENT_TYPES.strategic);
    expect(fixture.lastRequest().body).not.toContain('$patch');
    expect(fixture.server.get('apps/v1', 'Deployment', 'shop', 'directives')!.spec).toMatchObject({
      template: { spec: { containers: [{ name: 'app' }, { name: 'debug' }] } },
    });

    const stored = await sendPatch(fixture.kc, live, { type: 'strategic', patch: { spec: patch.spec } });
    expect(fixture.lastRequest().body).toContain('"$patch":"delete"');
    expect((stored.spec as { template: { spec: unknown } }).template.spec).toEqual({ containers: [{ name: 'app', image: 'directives:1' }] });
  });
});
