import type { ControlPlaneComponent } from 'kubepatch';
import { ManagedProcess } from './ManagedProcess.js';

/**
 * The processes of one control plane. A process joins the group the moment it is spawned, so a
 * start that fails half way still stops everything it started.
 */
export class ProcessGroup {
  readonly #processes: ManagedProcess[] = [];

  /** The processes, in the order they were started. */
  get processes(): readonly ManagedProcess[] {
    return this.#processes;
  }

  spawn(component: ControlPlaneComponent, binary: string, args: readonly string[]): ManagedProcess {
    const process = new ManagedProcess(component, binary, args);
    this.#processes.push(process);
    return process;
  }

  /** The first process that exited on its own, if any. */
  firstCrashed(): ManagedProcess | undefined {
    return this.#processes.find((process) => process.exitedUnexpectedly);
  }

  /** Stops every process, the last started first (kube-apiserver before the etcd it writes to). */
  async stopAll(): Promise<void> {
    for (const process of [...this.#processes].reverse()) await process.stop();
  }
}
