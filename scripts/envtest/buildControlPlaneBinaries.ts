import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findControlPlaneBinaries, kubepatchAssetsDirectory, type ControlPlaneBinaries } from '../../src/envtest/index.js';
import { ETCD_VERSION, KUBERNETES_VERSION } from '../../src/envtest/versions.js';

/** The Go module that pins what is built: k8s.io/kubernetes, its staging modules, etcd. */
export const GO_MODULE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../go');

/** Written next to the binaries; a different stamp (go.mod, go.sum or flags changed) means rebuild. */
const STAMP_FILE = 'kubepatch-build-stamp';

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
const TARGETS = [
  { name: 'etcd', packagePath: './cmd/etcd', ldflags: '-s -w' },
  { name: 'kube-apiserver', packagePath: 'k8s.io/kubernetes/cmd/kube-apiserver', ldflags: KUBE_APISERVER_LDFLAGS },
] as const;

/** How the progress of a build is reported (stderr in the command). */
export type Progress = (line: string) => void;

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
  const stamp = buildStamp();
  if (existsSync(join(directory, STAMP_FILE)) && readFileSync(join(directory, STAMP_FILE), 'utf8') === stamp) {
    return findControlPlaneBinaries({ binaryAssetsDirectory: directory });
  }
  await buildInto(directory, stamp, progress);
  return findControlPlaneBinaries({ binaryAssetsDirectory: directory });
}

/** Whether a Go toolchain is on the PATH (without one, nothing can be built). */
export async function goVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('go', ['version']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

function buildStamp(): string {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'cmd/etcd/main.go']) hash.update(readFileSync(join(GO_MODULE_DIR, file)));
  for (const target of TARGETS) hash.update(`${target.name} ${target.packagePath} ${target.ldflags}\n`);
  return `kubernetes ${KUBERNETES_VERSION}, etcd ${ETCD_VERSION}, ${process.platform}/${process.arch}, inputs ${hash.digest('hex')}\n`;
}

async function buildInto(directory: string, stamp: string, progress: Progress): Promise<void> {
  const version = await goVersion();
  if (version === undefined) {
    throw new Error(
      `kube-apiserver and etcd are not in ${directory} and there is no Go toolchain to build them: install Go, ` +
        'or set KUBEBUILDER_ASSETS to a folder holding both (`setup-envtest use -p path 1.33.x` prints one)',
    );
  }
  // Built beside the cache folder, then moved into place: a build that is interrupted, or two
  // builds at once, never leave a half-filled cache folder behind.
  const staging = `${directory}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const started = Date.now();
  progress(`envtest: building kube-apiserver ${KUBERNETES_VERSION} and etcd ${ETCD_VERSION} with ${version} into ${directory}`);
  progress('envtest: downloading Go modules (about 700 MB the first time)…');
  await go(['mod', 'download'], progress);
  for (const target of TARGETS) {
    progress(`envtest: compiling ${target.name} (a few minutes on 2 cores the first time)…`);
    await go(['build', '-trimpath', '-ldflags', target.ldflags, '-o', join(staging, target.name), target.packagePath], progress);
  }
  await writeFile(join(staging, STAMP_FILE), stamp);
  await rm(directory, { recursive: true, force: true });
  await mkdir(dirname(directory), { recursive: true });
  await rename(staging, directory).catch(async (error: NodeJS.ErrnoException) => {
    // Another build finished first: its binaries are as good as ours.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(staging, { recursive: true, force: true });
  });
  progress(`envtest: built in ${Math.round((Date.now() - started) / 1000)} s`);
}

function go(args: readonly string[], progress: Progress): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('go', args, {
      cwd: GO_MODULE_DIR,
      // Static binaries, as Kubernetes releases them; the toolchain on the machine, never a download.
      env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly -buildvcs=false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolvePromise();
      progress(output.trimEnd());
      reject(new Error(`go ${args.join(' ')} (in ${GO_MODULE_DIR}) exited with code ${code}`));
    });
  });
}
