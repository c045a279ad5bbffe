import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The @kubernetes/client-node the client tests run with: the dev dependency (1.4.0), or the copy in
 * the folder `KUBEPATCH_CLIENT_NODE_DIR` names (CI installs 2.x there and runs these tests on
 * Node 22). The package has no `exports` map, so its entry is `dist/index.js`.
 */
type ClientNode = typeof import('@kubernetes/client-node');

const packageDir = process.env.KUBEPATCH_CLIENT_NODE_DIR
  ? process.env.KUBEPATCH_CLIENT_NODE_DIR
  : dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node/package.json'));

export const clientNode: ClientNode = (await import(pathToFileURL(join(packageDir, 'dist/index.js')).href)) as ClientNode;

/** The version of the client-node under test, from its package.json. */
export const clientNodeVersion: string = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

/** A KubeConfig for a loopback `http://` server: client-node refuses `http://` unless `skipTLSVerify` is set. */
export function kubeConfigFor(server: string, token = 'test-token'): InstanceType<ClientNode['KubeConfig']> {
  const kc = new clientNode.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server, skipTLSVerify: true }],
    users: [{ name: 'tester', token }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'tester', namespace: 'shop' }],
    currentContext: 'fake',
  });
  return kc;
}
