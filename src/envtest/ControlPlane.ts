import type { KubeConfig } from '@kubernetes/client-node';
import type { CrdSource } from './readCrds.js';

/**
 * Options of {@link startControlPlane}.
 * @example
 * ```ts
 * const options: ControlPlaneOptions = { crds: ['crds/'], startTimeoutMs: 90_000 };
 * ```
 * @public
 */
export interface ControlPlaneOptions {
  /** CRDs to install before `startControlPlane` resolves: objects, files or folders ({@link CrdSource}). */
  readonly crds?: readonly CrdSource[];
  /** The folder holding `kube-apiserver` and `etcd`; see {@link findControlPlaneBinaries} for the default. */
  readonly binaryAssetsDirectory?: string;
  /** How long the start may take, CRDs included, before it fails with `CONTROL_PLANE_TIMEOUT`. Default 60 s. */
  readonly startTimeoutMs?: number;
  /** More kube-apiserver flags, e.g. `['--feature-gates=…']`; they come after kubepatch's own, so they win. */
  readonly kubeApiServerFlags?: readonly string[];
}

/**
 * How to reach a running test API server, as plain data (it can cross from a vitest
 * `globalSetup` to the tests with `provide`).
 * @example
 * ```ts
 * const kc = new KubeConfig();
 * kc.loadFromFile(server.kubeconfigPath);
 * ```
 * @public
 */
export interface ControlPlaneServer {
  /** The API server's URL, `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** PEM of the certificate authority that signed the server's certificate. */
  readonly caCertificate: string;
  /** A bearer token of a user in `system:masters` (allowed everything, RBAC notwithstanding). */
  readonly token: string;
  /** A kubeconfig file with that server and user, for `kubectl --kubeconfig` and `KubeConfig.loadFromFile`. */
  readonly kubeconfigPath: string;
  /** The etcd URL behind the API server. */
  readonly etcdUrl: string;
}

/**
 * A running test control plane: etcd and kube-apiserver on loopback ports.
 * @example
 * ```ts
 * const controlPlane = await startControlPlane();
 * try {
 *   await sendPatch(controlPlane.kubeConfig, target, patch);
 * } finally {
 *   await controlPlane.stop();
 * }
 * ```
 * @public
 */
export interface ControlPlane {
  /** A `KubeConfig` of `@kubernetes/client-node` for the admin user, usable with `kubepatch/client`. */
  readonly kubeConfig: KubeConfig;
  /** The same connection as plain data. */
  readonly server: ControlPlaneServer;
  /**
   * Ends kube-apiserver, then etcd (each SIGTERM, SIGKILL after 5 s) and removes the temporary
   * folder. Rejects with `ControlPlaneError` `CONTROL_PLANE_EXITED` after cleaning up if a
   * process had exited on its own while the control plane ran, so a crash is not missed.
   */
  stop(): Promise<void>;
}
