import { writeFile } from 'node:fs/promises';
import type { KubeConfig } from '@kubernetes/client-node';

/** The cluster, user and context names in the kubeconfig of a test control plane. */
const NAME = 'kubepatch-envtest';

/** A kubeconfig document (JSON, which is YAML) for the server and its admin token. */
export function kubeconfigDocument(server: { readonly url: string; readonly caCertificate: string; readonly token: string }): object {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: NAME, cluster: { server: server.url, 'certificate-authority-data': Buffer.from(server.caCertificate).toString('base64') } }],
    users: [{ name: NAME, user: { token: server.token } }],
    contexts: [{ name: NAME, context: { cluster: NAME, user: NAME, namespace: 'default' } }],
    'current-context': NAME,
  };
}

/** Writes the kubeconfig file of a test control plane (owner-only: it holds an admin token). */
export async function writeKubeconfig(path: string, server: Parameters<typeof kubeconfigDocument>[0]): Promise<void> {
  await writeFile(path, `${JSON.stringify(kubeconfigDocument(server), null, 2)}\n`, { mode: 0o600 });
}

/**
 * A `KubeConfig` of `@kubernetes/client-node` read from that file. client-node is an optional peer
 * dependency, loaded only here, when a control plane starts.
 */
export async function loadKubeConfig(path: string): Promise<KubeConfig> {
  let clientNode: typeof import('@kubernetes/client-node');
  try {
    clientNode = await import('@kubernetes/client-node');
  } catch (error) {
    throw new Error(
      `kubepatch/envtest needs @kubernetes/client-node (a peer dependency, ^1.1 || ^2): npm install --save-dev @kubernetes/client-node (${(error as Error).message})`,
    );
  }
  const kubeConfig = new clientNode.KubeConfig();
  kubeConfig.loadFromFile(path);
  return kubeConfig;
}
