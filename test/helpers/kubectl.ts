import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What `kubectl patch --local` made of a document and a patch. */
export type KubectlOutcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly stderr: string };

const TIMEOUT_MS = 20_000;

/** The envelope kubectl needs to accept a file: a ConfigMap, whose other top-level fields it keeps as unstructured JSON. */
export function configMap(extra: unknown): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, extra };
}

/** True when `kubectl` can be run. */
export function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client', '-o', 'json'], { stdio: 'pipe', timeout: TIMEOUT_MS });
    return true;
  } catch {
    return false;
  }
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
 * file). A non-zero exit is `{ ok: false }`; not being able to run kubectl at all (missing binary,
 * timeout) throws, because that says nothing about the patch.
 */
export function kubectlPatch(document: unknown, type: 'merge' | 'json', patch: unknown): KubectlOutcome {
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
