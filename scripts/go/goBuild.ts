import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The Go module that pins what is built: k8s.io/kubernetes, its staging modules, etcd. */
export const GO_MODULE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../go');

/** Written next to the binaries; a different stamp (go.mod, go.sum, sources or flags changed) means rebuild. */
const STAMP_FILE = 'kubepatch-build-stamp';

/** How the progress of a build is reported (stderr in the command). */
export type Progress = (line: string) => void;

/** One binary to build from the Go module `go/`. */
export interface GoTarget {
  /** The binary's file name in the folder. */
  readonly name: string;
  /** What `go build` builds: `./cmd/…` in the module, or a package of one of its requirements. */
  readonly packagePath: string;
  readonly ldflags: string;
}

/** A folder of binaries built together from `go/`, and what decides whether it is up to date. */
export interface GoBuild {
  /** Where the binaries are cached. */
  readonly directory: string;
  readonly targets: readonly GoTarget[];
  /** Files of `go/` (besides what `targets` say) whose content is part of the stamp: go.mod, go.sum, sources. */
  readonly inputs: readonly string[];
  /** The stamp's readable head (what is built, from which release). */
  readonly description: string;
  /** The prefix of progress lines, and what is named when there is no Go toolchain. */
  readonly label: string;
  /** Why the build is needed and what to do without Go, for the error when Go is missing. */
  readonly withoutGo: string;
  /** Download every module of the graph first (the large envtest build says so, with its size). */
  readonly downloadModules?: string;
  /** Said while each target compiles, e.g. how long it takes. */
  readonly compileNote?: string;
}

/**
 * Builds `build.targets` into `build.directory` unless the stamp there says they were built from
 * the same inputs; `true` when it built. A second call with nothing changed builds nothing.
 */
export async function ensureGoBuild(build: GoBuild, progress: Progress): Promise<boolean> {
  const stamp = buildStamp(build);
  const stampFile = join(build.directory, STAMP_FILE);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return false;
  await buildInto(build, stamp, progress);
  return true;
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

function buildStamp(build: GoBuild): string {
  const hash = createHash('sha256');
  for (const file of build.inputs) hash.update(readFileSync(join(GO_MODULE_DIR, file)));
  for (const target of build.targets) hash.update(`${target.name} ${target.packagePath} ${target.ldflags}\n`);
  return `${build.description}, ${process.platform}/${process.arch}, inputs ${hash.digest('hex')}\n`;
}

async function buildInto(build: GoBuild, stamp: string, progress: Progress): Promise<void> {
  const { directory, label } = build;
  const version = await goVersion();
  if (version === undefined) {
    throw new Error(`${build.targets.map((target) => target.name).join(' and ')} ${build.targets.length > 1 ? 'are' : 'is'} not in ${directory} and there is no Go toolchain to build ${build.targets.length > 1 ? 'them' : 'it'}: ${build.withoutGo}`);
  }
  // Built beside the cache folder, then moved into place: a build that is interrupted, or two
  // builds at once, never leave a half-filled cache folder behind.
  const staging = `${directory}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const started = Date.now();
  progress(`${label}: building ${build.description} with ${version} into ${directory}`);
  if (build.downloadModules !== undefined) {
    progress(`${label}: downloading Go modules (${build.downloadModules})…`);
    await go(['mod', 'download'], progress);
  }
  for (const target of build.targets) {
    progress(`${label}: compiling ${target.name}${build.compileNote === undefined ? '' : ` (${build.compileNote})`}…`);
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
  progress(`${label}: built in ${Math.round((Date.now() - started) / 1000)} s`);
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
