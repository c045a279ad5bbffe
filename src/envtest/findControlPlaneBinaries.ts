import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ControlPlaneError } from 'kubepatch';
import { ETCD_VERSION, KUBERNETES_VERSION } from './versions.js';

/**
 * Where the `kube-apiserver` and `etcd` binaries of a test control plane are.
 * @example
 * ```ts
 * const { kubeApiServer, etcd } = findControlPlaneBinaries();
 * ```
 * @public
 */
export interface ControlPlaneBinaries {
  /** The folder that holds both. */
  readonly directory: string;
  /** Absolute path of `kube-apiserver`. */
  readonly kubeApiServer: string;
  /** Absolute path of `etcd`. */
  readonly etcd: string;
}

/**
 * Options of {@link findControlPlaneBinaries}.
 * @example
 * ```ts
 * const options: FindControlPlaneBinariesOptions = { binaryAssetsDirectory: '/opt/envtest/1.33.0' };
 * ```
 * @public
 */
export interface FindControlPlaneBinariesOptions {
  /** A folder holding `kube-apiserver` and `etcd`; takes precedence over `KUBEBUILDER_ASSETS`. */
  readonly binaryAssetsDirectory?: string;
  /** The environment to read `KUBEBUILDER_ASSETS`, `XDG_CACHE_HOME` and `HOME` from. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The folder kubepatch's own build (`npm run envtest:assets` in a kubepatch checkout) caches the
 * binaries in: `$XDG_CACHE_HOME/kubepatch/envtest/…` (`~/.cache/…` by default), one folder per
 * Kubernetes and etcd release and platform.
 *
 * @example
 * ```ts
 * kubepatchAssetsDirectory(); // '/home/me/.cache/kubepatch/envtest/kubernetes-v1.33.13_etcd-v3.5.21_linux-amd64'
 * ```
 * @public
 */
export function kubepatchAssetsDirectory(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const cacheHome = env['XDG_CACHE_HOME'] || join(env['HOME'] || homedir(), '.cache');
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return resolve(cacheHome, 'kubepatch', 'envtest', `kubernetes-${KUBERNETES_VERSION}_etcd-${ETCD_VERSION}_${process.platform}-${arch}`);
}

/**
 * Finds `kube-apiserver` and `etcd`, in the first of these folders that is named or exists:
 * `options.binaryAssetsDirectory`; `KUBEBUILDER_ASSETS` (the folder controller-runtime's
 * `setup-envtest use -p path` prints, so downloaded binaries work as they are); the folder
 * kubepatch's own build caches them in ({@link kubepatchAssetsDirectory}).
 *
 * Throws `ControlPlaneError` `CONTROL_PLANE_BINARY_MISSING` naming the folder and the
 * missing binary when the chosen folder lacks one, or when no folder is named and the cache is
 * empty.
 *
 * @example
 * ```ts
 * const binaries = findControlPlaneBinaries({ env: { KUBEBUILDER_ASSETS: '/opt/envtest/1.33.0' } });
 * binaries.kubeApiServer; // '/opt/envtest/1.33.0/kube-apiserver'
 * ```
 * @public
 */
export function findControlPlaneBinaries(options: FindControlPlaneBinariesOptions = {}): ControlPlaneBinaries {
  const env = options.env ?? process.env;
  const named: [string, string | undefined][] = [
    ['binaryAssetsDirectory', options.binaryAssetsDirectory],
    ['KUBEBUILDER_ASSETS', env['KUBEBUILDER_ASSETS']],
  ];
  for (const [source, folder] of named) {
    if (folder) return binariesIn(resolve(folder), `${source} names ${folder}`);
  }
  return binariesIn(
    kubepatchAssetsDirectory(env),
    'neither binaryAssetsDirectory nor KUBEBUILDER_ASSETS is set, so kubepatch looked in its build cache',
  );
}

function binariesIn(directory: string, why: string): ControlPlaneBinaries {
  const kubeApiServer = join(directory, 'kube-apiserver');
  const etcd = join(directory, 'etcd');
  for (const [component, path] of [['kube-apiserver', kubeApiServer], ['etcd', etcd]] as const) {
    if (!isExecutable(path)) {
      throw new ControlPlaneError(
        'CONTROL_PLANE_BINARY_MISSING',
        `no executable ${component} at ${path} (${why}). Point KUBEBUILDER_ASSETS at a folder holding ` +
          'kube-apiserver and etcd (`setup-envtest use -p path 1.33.x` prints one), or build them in a ' +
          'kubepatch checkout with `npm run envtest:assets`.',
        { component },
      );
    }
  }
  return { directory, kubeApiServer, etcd };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
