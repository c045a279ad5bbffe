import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlPlaneError, isKubepatchError } from 'kubepatch';
import type { ControlPlane, ControlPlaneOptions } from './ControlPlane.js';
import { findControlPlaneBinaries } from './findControlPlaneBinaries.js';
import { freePort } from './freePort.js';
import { installCrdsUntil } from './installCrds.js';
import { loadKubeConfig, writeKubeconfig } from './kubeConfigFor.js';
import { ProcessGroup } from './ProcessGroup.js';
import { startEtcd } from './startEtcd.js';
import { startKubeApiServer } from './startKubeApiServer.js';

/** Tries with fresh ports when another process took one between its pick and its use. */
const PORT_ATTEMPTS = 3;

/**
 * Starts a Kubernetes control plane for tests, as controller-runtime's envtest does for Go:
 * etcd (data in a temporary folder) and kube-apiserver (a self-signed serving certificate, an
 * admin token, service-account keys, RBAC authorization, the default admission plugins), each on
 * a random loopback port. Installs `options.crds` and waits until they are served, then resolves
 * with a `KubeConfig` for the admin user. There is no controller manager or scheduler: objects are
 * stored, validated, defaulted and admitted exactly as a real cluster does, but nothing acts on
 * them (no Pods for a Deployment, no `default` ServiceAccount in new namespaces).
 *
 * Binaries come from `options.binaryAssetsDirectory`, `KUBEBUILDER_ASSETS` or kubepatch's build
 * cache ({@link findControlPlaneBinaries}). Every wait is bounded: a missing binary, a port taken
 * on every try, a process that exits, or a start slower than `startTimeoutMs` rejects with
 * `ControlPlaneError`, after stopping whatever had started.
 *
 * @example
 * ```ts
 * import { startControlPlane } from 'kubepatch/envtest';
 * import { sendPatch } from 'kubepatch/client';
 *
 * const controlPlane = await startControlPlane({ crds: ['crds/rollout-crd.yaml'] });
 * try {
 *   // … create objects, then:
 *   await sendPatch(controlPlane.kubeConfig, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'settings' }, {
 *     type: 'merge',
 *     patch: { data: { mode: 'fast' } },
 *   });
 * } finally {
 *   await controlPlane.stop();
 * }
 * ```
 * @public
 */
export async function startControlPlane(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const binaries = findControlPlaneBinaries(
    options.binaryAssetsDirectory === undefined ? {} : { binaryAssetsDirectory: options.binaryAssetsDirectory },
  );
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    const workDir = await mkdtemp(join(tmpdir(), 'kubepatch-envtest-'));
    const group = new ProcessGroup();
    try {
      const [client, peer, secure] = await distinctFreePorts(3);
      const etcd = await startEtcd(binaries.etcd, workDir, { client: client!, peer: peer! }, deadline, group);
      const apiServer = await startKubeApiServer({
        binary: binaries.kubeApiServer,
        workDir,
        port: secure!,
        etcdUrl: etcd.url,
        deadline,
        extraFlags: options.kubeApiServerFlags ?? [],
        group,
      });
      const kubeconfigPath = join(workDir, 'kubeconfig');
      await writeKubeconfig(kubeconfigPath, apiServer);
      const kubeConfig = await loadKubeConfig(kubeconfigPath);
      if (options.crds !== undefined && options.crds.length > 0) await installCrdsUntil(kubeConfig, options.crds, deadline, group);
      const server = { url: apiServer.url, caCertificate: apiServer.caCertificate, token: apiServer.token, kubeconfigPath, etcdUrl: etcd.url };
      return { kubeConfig, server, stop: () => stopControlPlane(group, workDir) };
    } catch (error) {
      await group.stopAll();
      await rm(workDir, { recursive: true, force: true });
      if (attempt < PORT_ATTEMPTS && isKubepatchError(error, 'CONTROL_PLANE_PORT_IN_USE') && Date.now() < deadline) continue;
      throw error;
    }
  }
}

async function stopControlPlane(group: ProcessGroup, workDir: string): Promise<void> {
  const crashed = group.firstCrashed();
  await group.stopAll();
  await rm(workDir, { recursive: true, force: true });
  if (crashed !== undefined) {
    const cause = crashed.exitError();
    throw new ControlPlaneError('CONTROL_PLANE_EXITED', `the test control plane was already down when stopped: ${cause.message}`, {
      component: crashed.component,
      output: crashed.output,
    });
  }
}

/** `count` free ports, all different (the kernel may hand out a port again once it is closed). */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
