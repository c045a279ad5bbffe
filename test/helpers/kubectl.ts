import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { FakeApiServer, type FakeApiServerOptions, type RecordedRequest } from './fakeApiServer.js';

/** What `kubectl patch --local` made of a document and a patch. */
export type KubectlOutcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly stderr: string };

const TIMEOUT_MS = 20_000;

/** The envelope kubectl needs to accept a file: a ConfigMap, whose other top-level fields it keeps as unstructured JSON. */
export function configMap(extra: unknown): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, extra };
}

/** True when `kubectl` can be run. */
export function kubectlAvailable(): boolean {
  return kubectlMissingReason() === undefined;
}

let clientVersion: { gitVersion: string } | string | undefined;

/** `kubectl version --client`'s version (run once), or why kubectl cannot be run. */
function probeKubectl(): { gitVersion: string } | string {
  if (clientVersion === undefined) {
    try {
      const stdout = execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8', stdio: 'pipe', timeout: TIMEOUT_MS });
      const gitVersion = (JSON.parse(stdout) as { clientVersion?: { gitVersion?: unknown } }).clientVersion?.gitVersion;
      clientVersion = typeof gitVersion === 'string' ? { gitVersion } : 'kubectl version --client printed no clientVersion.gitVersion';
    } catch (error) {
      const failure = error as { code?: string; message: string };
      clientVersion = failure.code === 'ENOENT' ? 'kubectl is not on the PATH' : `kubectl version --client failed: ${failure.message.split('\n')[0]}`;
    }
  }
  return clientVersion;
}

/** Why kubectl cannot be run here, or undefined when it can. */
export function kubectlMissingReason(): string | undefined {
  const probe = probeKubectl();
  return typeof probe === 'string' ? probe : undefined;
}

/** The client's `gitVersion` (e.g. `v1.32.4`), without a build suffix such as `-dispatcher`. */
export function kubectlClientVersion(): string {
  const probe = probeKubectl();
  if (typeof probe === 'string') throw new Error(probe);
  return probe.gitVersion.replace(/-.*$/, '');
}

/**
 * `describe` when kubectl can be run; otherwise `describe.skip`, with the reason in the suite's
 * title and on stderr, so the skip is visible. For suites that may be skipped on machines without
 * kubectl (the strategic merge patch ones); the older suites use {@link requireKubectl} and fail.
 */
export function describeWithKubectl(title: string, body: () => void): void {
  const reason = kubectlMissingReason();
  if (reason === undefined) {
    describe(title, body);
    return;
  }
  const why = `${reason}; install kubectl 1.32 to run this differential suite`;
  process.stderr.write(`SKIPPED: ${title}: ${why}\n`);
  describe.skip(`${title} [SKIPPED: ${why}]`, body);
}

/** Throws (so the differential tests fail, never skip) when kubectl is missing. */
export function requireKubectl(): void {
  if (!kubectlAvailable()) {
    throw new Error(
      'kubectl is not on the PATH (or `kubectl version --client` failed). The differential tests in test/differential/ ' +
        'compare kubepatch with `kubectl patch --local` (kubectl 1.32) and must not be skipped: install kubectl.',
    );
  }
}

/** A Go panic (exit status 2 with a goroutine dump) rather than kubectl rejecting the patch. */
export function isGoPanic(stderr: string): boolean {
  return stderr.includes('panic: ') && stderr.includes('goroutine ');
}

/**
 * Runs `kubectl patch --local -f FILE --type TYPE -p PATCH -o json` on `document` (written to a temp
 * file). With `strategic`, `document` must be a built-in kind: kubectl looks its Go struct up for the
 * patch metadata, but reads the file and prints the result as unstructured JSON (no typed round
 * trip: unknown fields and empty values survive). A non-zero exit is `{ ok: false }`; not being able to run kubectl at all (missing binary,
 * timeout) throws, because that says nothing about the patch.
 */
export function kubectlPatch(document: unknown, type: 'merge' | 'json' | 'strategic', patch: unknown): KubectlOutcome {
  // A fresh directory per call, removed in `finally`: vitest workers may end without an 'exit' event.
  const dir = mkdtempSync(join(tmpdir(), 'kubepatch-kubectl-'));
  const file = join(dir, 'document.json');
  writeFileSync(file, JSON.stringify(document));
  try {
    const stdout = execFileSync(
      'kubectl',
      ['patch', '--local', '-f', file, '--type', type, '-p', JSON.stringify(patch), '-o', 'json'],
      { encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    return { ok: true, result: JSON.parse(stdout) as unknown };
  } catch (error) {
    const failure = error as { status?: number | null; signal?: string | null; code?: string; stderr?: string; message: string };
    if (typeof failure.status !== 'number') {
      const cause = failure.code === 'ENOENT' ? 'kubectl is not on the PATH; install kubectl 1.32' : (failure.code ?? failure.signal ?? failure.message);
      throw new Error(`could not run kubectl (${cause}); the differential tests need it and must not be skipped`);
    }
    return { ok: false, stderr: String(failure.stderr ?? '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The annotation in which `kubectl apply` keeps the configuration it applied last. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type JsonObject = { [key: string]: unknown };
const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Go's `json.Marshal` of a map, keys in byte order at every level. Written out by hand: a JS
 * object always lists integer-like keys first ("9" before "10"), whatever order they were set in.
 */
function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isJsonObject(value)) return `{${Object.keys(value).sort(byteOrder).map((k) => `${JSON.stringify(k)}:${goJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The text `runtime.Encode(unstructured.UnstructuredJSONScheme, obj)` writes: a `json.Encoder`,
 * so map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`…, and a trailing
 * newline. Integers only (Go prints floats its own way); no lone surrogates.
 */
export function goJsonEncode(value: unknown): string {
  const text = goJson(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

/**
 * kubectl's `util.GetModifiedConfiguration(obj, annotate=true, UnstructuredJSONScheme)`: the
 * manifest with its last-applied annotation set to the encoding of the manifest without it. An
 * object without annotations is encoded with `"annotations":{}` (kubectl sets an empty, non-nil map).
 */
export function modifiedConfiguration<T extends object>(manifest: T): T {
  const object = manifest as JsonObject;
  const metadata = isJsonObject(object.metadata) ? object.metadata : {};
  const annotations = { ...(isJsonObject(metadata.annotations) ? metadata.annotations : {}) };
  delete annotations[LAST_APPLIED];
  const withoutAnnotation = { ...object, metadata: { ...metadata, annotations } };
  return { ...object, metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED]: goJsonEncode(withoutAnnotation) } } } as T;
}

/** What a kubectl command did against the fake API server. */
export interface KubectlServerOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every request kubectl made, in order. */
  readonly requests: readonly RecordedRequest[];
  /** The PATCH kubectl sent, if any (none when it found nothing to change). */
  readonly patch?: RecordedRequest;
}

/** What `kubectl apply` did against the fake API server. */
export type KubectlApplyOutcome = KubectlServerOutcome;

type ServerOptions = Omit<FakeApiServerOptions, 'objects'>;

/**
 * Starts a {@link FakeApiServer} holding `objects`, runs `kubectl ARGS --kubeconfig … --cache-dir …`
 * against it with `files` written to a fresh temp directory (`{dir}` in args and env values is that
 * directory), and stops the server and removes the directory afterwards, whatever happens.
 */
async function kubectlAgainstFakeServer(
  objects: readonly unknown[],
  args: readonly string[],
  options: { files?: Record<string, string>; env?: Record<string, string>; server?: ServerOptions },
): Promise<KubectlServerOutcome> {
  const server = await FakeApiServer.start({
    version: kubectlClientVersion(), // the gcloud kubectl dispatcher picks its binary by the server's version
    ...options.server,
    objects,
  });
  const dir = mkdtempSync(join(tmpdir(), 'kubepatch-server-'));
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, JSON.stringify(server.kubeconfig()));
    for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(join(dir, name), content);
    const expand = (text: string) => text.replaceAll('{dir}', dir);
    const fullArgs = [...args.map(expand), '--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache')];
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir }; // kubectl edit writes its temp files there
    delete env.KUBECONFIG;
    for (const [name, value] of Object.entries(options.env ?? {})) env[name] = expand(value);
    // Asynchronous: the server runs in this process and must answer while kubectl waits.
    const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
      execFile('kubectl', fullArgs, { encoding: 'utf8', timeout: TIMEOUT_MS, env, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
        if (error === null) return resolve({ exitCode: 0, stdout: out, stderr: err });
        const failure = error as { code?: number | string; signal?: string | null };
        if (typeof failure.code !== 'number') {
          const cause = failure.code === 'ENOENT' ? 'kubectl is not on the PATH; install kubectl 1.32' : (failure.code ?? failure.signal ?? error.message);
          return reject(new Error(`could not run kubectl ${args[0]} (${cause})`));
        }
        resolve({ exitCode: failure.code, stdout: out, stderr: err });
      });
    });
    const requests = [...server.requests];
    const patches = requests.filter((r) => r.method === 'PATCH');
    if (patches.length > 1) throw new Error(`kubectl sent ${patches.length} PATCH requests (a retry?): ${JSON.stringify(patches)}`);
    return { exitCode, stdout, stderr, requests, ...(patches[0] ? { patch: patches[0] } : {}) };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `kubectl apply --server-side=false -f MANIFEST` against a {@link FakeApiServer} that holds
 * `live` (the object as the API server has it; omit it to make kubectl create the object), and
 * records the patch kubectl computes. The server answers 404 for `/openapi/v2` and `/openapi/v3`,
 * so kubectl computes the three-way strategic merge patch from its compiled-in Go structs.
 * `--validate=false`: client-side validation would need the OpenAPI documents.
 */
export function kubectlApply(
  manifest: unknown,
  live: unknown,
  options: { overwrite?: boolean; extraArgs?: readonly string[]; server?: ServerOptions } = {},
): Promise<KubectlApplyOutcome> {
  const args = ['apply', '--server-side=false', '--validate=false', '-f', '{dir}/manifest.json'];
  if (options.overwrite !== undefined) args.push(`--overwrite=${options.overwrite}`);
  args.push(...(options.extraArgs ?? []));
  return kubectlAgainstFakeServer(live === undefined ? [] : [live], args, {
    files: { 'manifest.json': JSON.stringify(manifest) },
    ...(options.server ? { server: options.server } : {}),
  });
}

/**
 * Runs `kubectl edit KIND/NAME` against a {@link FakeApiServer} holding `live`, with an
 * "editor" (`KUBE_EDITOR=cp EDITED FILE`) that replaces the object by `edited`. kubectl then sends
 * the two-way strategic merge patch Go's `CreateTwoWayMergePatch` computes from the object it got
 * and the edited one, with its compiled-in Go struct as schema (pkg/cmd/util/editor/editoptions.go).
 */
export function kubectlEdit(live: { kind?: unknown; metadata?: { name?: unknown } }, edited: unknown): Promise<KubectlServerOutcome> {
  const target = `${String(live.kind).toLowerCase()}/${String(live.metadata?.name)}`;
  return kubectlAgainstFakeServer([live], ['edit', target, '--validate=false'], {
    files: { 'edited.json': JSON.stringify(edited) },
    env: { KUBE_EDITOR: 'cp {dir}/edited.json' },
  });
}
