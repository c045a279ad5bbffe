import { spawn, type ChildProcess } from 'node:child_process';
import { ControlPlaneError, type ControlPlaneComponent } from 'kubepatch';

/** What is kept of a process's output for error messages: its last lines, not all of it. */
const OUTPUT_TAIL_BYTES = 16 * 1024;
/** How long `stop()` waits after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 5_000;

/** Every process still running, killed if the Node process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/**
 * One process of a control plane: its output tail kept for messages, its exit observed, and a
 * bounded stop (SIGTERM, then SIGKILL).
 */
export class ManagedProcess {
  readonly #child: ChildProcess;
  #tail = '';
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  #stopping = false;
  /** Settles when the process has exited, for whatever reason. */
  readonly exited: Promise<void>;

  constructor(
    readonly component: ControlPlaneComponent,
    binary: string,
    args: readonly string[],
  ) {
    killAllOnExit();
    this.#child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(this.#child);
    const keep = (chunk: Buffer): void => {
      this.#tail = (this.#tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
    };
    this.#child.stdout?.on('data', keep);
    this.#child.stderr?.on('data', keep);
    this.exited = new Promise<void>((resolve) => {
      this.#child.once('error', (error) => {
        keep(Buffer.from(`\n${error.message}\n`));
        this.#exit ??= { code: null, signal: null };
        running.delete(this.#child);
        resolve();
      });
      this.#child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        running.delete(this.#child);
        resolve();
      });
    });
  }

  /** The last lines the process wrote. */
  get output(): string {
    return this.#tail;
  }

  /** Whether the process exited although nobody asked it to. */
  get exitedUnexpectedly(): boolean {
    return this.#exit !== undefined && !this.#stopping;
  }

  /** The typed error for an exit nobody asked for: a port clash is named as such. */
  exitError(): ControlPlaneError {
    const how = this.#exit?.signal ? `was killed by ${this.#exit.signal}` : `exited with code ${this.#exit?.code ?? 'unknown'}`;
    const portInUse = /address already in use/i.test(this.#tail);
    return new ControlPlaneError(
      portInUse ? 'CONTROL_PLANE_PORT_IN_USE' : 'CONTROL_PLANE_EXITED',
      `${this.component} ${how}${portInUse ? ': a port it was given is taken' : ''}. Its last output:\n${lastLines(this.#tail, 20)}`,
      { component: this.component, output: this.#tail },
    );
  }

  /** Ends the process: SIGTERM, then SIGKILL after a grace period. Resolves once it has exited. */
  async stop(): Promise<void> {
    this.#stopping = this.#stopping || this.#exit === undefined;
    if (this.#exit !== undefined) return;
    this.#child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.#child.kill('SIGKILL');
        resolve();
      }, STOP_GRACE_MS);
    });
    await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    await this.exited;
  }
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
