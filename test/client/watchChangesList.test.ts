import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { watchChanges, type InformerLike, type InformerList, type KubeConfigLike } from 'kubepatch/client';

/**
 * The list function watchChanges gives client-node's makeInformer, against a loopback server that
 * answers a list as kube-apiserver does for a built-in kind (items without apiVersion and kind);
 * test/e2e/client/watchChanges.test.ts checks the same against the real server.
 */

/** An informer that is never driven: only the list function matters here. */
const idleInformer: InformerLike = { on: () => undefined, off: () => undefined, start: async () => undefined, stop: async () => undefined };

describe('watchChanges: the list the informer starts from', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('is a GET of the collection with the label selector, items with apiVersion and kind filled in', async () => {
    const requests: string[] = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: { resourceVersion: '77' }, items: [{ metadata: { name: 'web' } }] }));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const local: KubeConfigLike = { getCurrentCluster: () => ({ server: url }), applyToHTTPSOptions: async () => undefined };
    let list: (() => Promise<InformerList>) | undefined;
    const watch = watchChanges(local, { apiVersion: 'v1', kind: 'ConfigMap', labelSelector: 'app=web' }, {
      makeInformer: (_kc, path, listFn, labelSelector) => {
        list = listFn;
        expect([path, labelSelector]).toEqual(['/api/v1/configmaps', 'app=web']);
        return idleInformer;
      },
    });
    await watch.ready;
    expect(await list!()).toEqual({
      kind: 'DeploymentList',
      apiVersion: 'apps/v1',
      metadata: { resourceVersion: '77' },
      items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' } }],
    });
    expect(requests).toEqual(['/api/v1/configmaps?labelSelector=app%3Dweb']);
    await watch.stop();
  });
});
