import { findControlPlaneBinaries, kubepatchAssetsDirectory, type ControlPlaneBinaries } from '../../src/envtest/index.js';
import { ETCD_VERSION, KUBERNETES_VERSION } from '../../src/envtest/versions.js';
import { ensureGoBuild, type GoTarget, type Progress } from '../go/goBuild.js';

export { GO_MODULE_DIR, goVersion, type Progress } from '../go/goBuild.js';

/** kube-apiserver reports the release it was built from, as the release build does with `-X`. */
const KUBE_APISERVER_LDFLAGS = [
  '-s',
  '-w',
  `-X k8s.io/component-base/version.gitVersion=${KUBERNETES_VERSION}`,
  `-X k8s.io/component-base/version.gitMajor=${KUBERNETES_VERSION.slice(1).split('.')[0]}`,
  `-X k8s.io/component-base/version.gitMinor=${KUBERNETES_VERSION.split('.')[1]}`,
  '-X k8s.io/component-base/version.gitTreeState=clean',
].join(' ');

/** What to build, and where from. */
const TARGETS: readonly GoTarget[] = [
  { name: 'etcd', packagePath: './cmd/etcd', ldflags: '-s -w' },
  { name: 'kube-apiserver', packagePath: 'k8s.io/kubernetes/cmd/kube-apiserver', ldflags: KUBE_APISERVER_LDFLAGS },
];

/**
 * The folder with `kube-apiserver` and `etcd`, building them first when needed:
 * `KUBEBUILDER_ASSETS` when set (nothing is built: those are the caller's binaries); else
 * kubepatch's cache folder, filled from the Go module `go/` when empty or built from another
 * `go.mod`. The first build downloads the modules and compiles for several minutes; later calls
 * build nothing.
 */
export async function ensureControlPlaneBinaries(progress: Progress): Promise<ControlPlaneBinaries> {
  if (process.env['KUBEBUILDER_ASSETS']) return findControlPlaneBinaries();
  const directory = kubepatchAssetsDirectory();
  await ensureGoBuild(
    {
      directory,
      targets: TARGETS,
      inputs: ['go.mod', 'go.sum', 'cmd/etcd/main.go'],
      description: `kubernetes ${KUBERNETES_VERSION}, etcd ${ETCD_VERSION}`,
      label: 'envtest',
      withoutGo: 'install Go, or set KUBEBUILDER_ASSETS to a folder holding both (`setup-envtest use -p path 1.33.x` prints one)',
      downloadModules: 'about 700 MB the first time',
      compileNote: 'a few minutes on 2 cores the first time',
    },
    progress,
  );
  return findControlPlaneBinaries({ binaryAssetsDirectory: directory });
}
