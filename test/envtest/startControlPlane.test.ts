import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKubepatchError, type ControlPlaneError } from 'kubepatch';
import { startControlPlane } from '../../src/envtest/index.js';

/**
 * startControlPlane's failure paths, with stand-in binaries (shell and Node scripts) that fail the
 * way a real etcd or kube-apiserver can: these need no real binaries. The real ones are started
 * by the e2e suite (test/e2e/controlPlane.test.ts).
 */

/** Where the stand-ins go: the system's temporary folder, read before the tests point TMPDIR elsewhere. */
const systemTemp = tmpdir();

/** A folder holding `etcd` and `kube-apiserver` scripts; each run appends a line to `runs.log`. */
function standIns(etcd: string, kubeApiServer = '#!/bin/sh\nexit 3\n'): string {
  const folder = mkdtempSync(join(systemTemp, 'kubepatch-standins-'));
  for (const [name, script] of [['etcd', etcd], ['kube-apiserver', kubeApiServer]] as const) {
    const withLog = script.replace('\n', `\necho ${name} $$ >> "${join(folder, 'runs.log')}"\n`);
    writeFileSync(join(folder, name), withLog);
    chmodSync(join(folder, name), 0o755);
  }
  return folder;
}

function runs(folder: string): string[] {
  const log = join(folder, 'runs.log');
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function failure(promise: Promise<unknown>): Promise<ControlPlaneError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isKubepatchError(error) || error.name !== 'ControlPlaneError') throw new Error(`expected a ControlPlaneError, got ${String(error)}`);
  return error as ControlPlaneError;
}

/** An etcd stand-in that answers /health on the client URL it is given, as etcd does (`exec` keeps the logged pid). */
const HEALTHY_ETCD = `#!/bin/sh
exec node -e '
const url = new URL(process.argv.find((a) => a.startsWith("--listen-client-urls=")).split("=")[1]);
require("node:http").createServer((req, res) => res.end("{\\"health\\":\\"true\\"}")).listen(Number(url.port), url.hostname);
' -- "$@"
`;

describe('startControlPlane: failures are typed errors, never hangs, and leave nothing behind', () => {
  let temp: string;
  let savedTmpdir: string | undefined;
  beforeEach(() => {
    // The control plane's own temporary folders go here, so the test can see they are removed.
    savedTmpdir = process.env['TMPDIR'];
    temp = mkdtempSync(join(systemTemp, 'kubepatch-envtest-temp-'));
    process.env['TMPDIR'] = temp;
  });
  afterEach(() => {
    if (savedTmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = savedTmpdir;
  });

  it('a port taken on every try: CONTROL_PLANE_PORT_IN_USE after three starts with fresh ports', async () => {
    const folder = standIns('#!/bin/sh\necho "listen tcp 127.0.0.1:2379: bind: address already in use" >&2\nexit 1\n');
    const error = await failure(startControlPlane({ binaryAssetsDirectory: folder }));
    expect(error.code).toBe('CONTROL_PLANE_PORT_IN_USE');
    expect(error.component).toBe('etcd');
    expect(error.output).toContain('address already in use');
    expect(runs(folder)).toHaveLength(3);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a process that exits: CONTROL_PLANE_EXITED with its last output, and no retry', async () => {
    const folder = standIns('#!/bin/sh\necho "etcdmain: cannot access data directory: permission denied" >&2\nexit 2\n');
    const error = await failure(startControlPlane({ binaryAssetsDirectory: folder }));
    expect(error.code).toBe('CONTROL_PLANE_EXITED');
    expect(error.message).toContain('etcd exited with code 2');
    expect(error.message).toContain('cannot access data directory');
    expect(runs(folder)).toHaveLength(1);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('kube-apiserver exiting after etcd started: the error names kube-apiserver, and etcd is stopped', async () => {
    const folder = standIns(HEALTHY_ETCD, '#!/bin/sh\necho "Error: unknown flag: --bogus" >&2\nexit 1\n');
    const error = await failure(startControlPlane({ binaryAssetsDirectory: folder }));
    expect(error.code).toBe('CONTROL_PLANE_EXITED');
    expect(error.component).toBe('kube-apiserver');
    expect(error.output).toContain('unknown flag: --bogus');
    const etcdPid = Number(runs(folder).find((line) => line.startsWith('etcd '))!.split(' ')[1]);
    expect(isAlive(etcdPid)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('a process that never becomes ready: CONTROL_PLANE_TIMEOUT within the wait, and the process is ended', async () => {
    const folder = standIns('#!/bin/sh\necho "waiting for nothing"\nexec sleep 600\n');
    const error = await failure(startControlPlane({ binaryAssetsDirectory: folder, startTimeoutMs: 1_000 }));
    expect(error.code).toBe('CONTROL_PLANE_TIMEOUT');
    expect(error.component).toBe('etcd');
    expect(error.message).toContain('etcd answering /health did not happen in time');
    expect(error.output).toContain('waiting for nothing');
    const pid = Number(runs(folder)[0]!.split(' ')[1]);
    expect(isAlive(pid)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
  });
});
