/**
 * Go's apimachinery as a peer of the benchmark: go/cmd/apimachinery-bench, built from the Go module
 * go/ like the test oracles (scripts/go/ensureGoTool.ts: cached in
 * ~/.cache/kubepatch/go-tools/apimachinery-bench_<os>-<arch>/ with a stamp of go.mod, go.sum and
 * the program's sources, so that only the first run on a machine compiles), and run once per
 * input with the documents on stdin. Go never ships in the npm package: it lives in go/, which
 * package.json's `files` leaves out.
 */
import { spawnSync } from 'node:child_process';
import type { JsonObject, JsonValue } from '../src/index.js';
import { ensureGoTool } from '../scripts/go/ensureGoTool.js';
import type { GoType } from './inputs.js';

/** The program's tasks; see go/cmd/apimachinery-bench/main.go. */
export type GoTaskId = 'smp-create' | 'smp-apply' | 'smp-three-way' | 'merge-three-way';

/** A built program, ready to run. */
export interface GoPeer {
  readonly path: string;
  /** Whether this run compiled it (the first run on a machine, or after go/ changed). */
  readonly built: boolean;
}

export interface GoRequest {
  readonly type: GoType;
  readonly original: JsonObject;
  readonly modified: JsonObject;
  readonly current: JsonObject;
  readonly tasks: readonly GoTaskId[];
  /** How long each task is sampled, after its first (checked) call. */
  readonly budgetMs: number;
  /** A first call longer than this is the only one timed. */
  readonly slowMs: number;
}

/** One task's answer: median nanoseconds per call and the first call's output. */
export interface GoTaskReply {
  readonly nsPerCall: number;
  readonly calls: number;
  readonly samples: number;
  readonly single: boolean;
  readonly output?: JsonValue;
  readonly error?: string;
}

export interface GoReply {
  /** `go1.24.x`: the toolchain that built the program. */
  readonly go: string;
  /** The k8s.io/apimachinery version the program was built with. */
  readonly apimachinery: string;
  readonly results: Partial<Record<GoTaskId, GoTaskReply>>;
  readonly error?: string;
}

/**
 * The program, built first when needed; or why there is none (no Go toolchain and nothing cached,
 * or a failed build), in which case the bench leaves Go out and says so instead of failing.
 */
export async function prepareGoPeer(log: (line: string) => void): Promise<GoPeer | string> {
  try {
    const { path, built } = await ensureGoTool('apimachinery-bench', (line) => log(line));
    return { path, built };
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

/** Runs one request; the reply, or why there is none (a crash, a timeout). */
export function runGoPeer(peer: GoPeer, request: GoRequest, timeoutMs: number): GoReply | string {
  const child = spawnSync(peer.path, [], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs });
  if (child.error !== undefined) {
    const code = (child.error as NodeJS.ErrnoException).code;
    return code === 'ETIMEDOUT' ? `did not finish in ${timeoutMs / 1000} s` : `failed: ${child.error.message}`;
  }
  if (child.status !== 0) return `failed: ${child.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${child.status}`}`;
  try {
    const reply = JSON.parse(child.stdout) as GoReply;
    return reply.error === undefined ? reply : `failed: ${reply.error}`;
  } catch {
    return 'failed: the program printed no reply';
  }
}
