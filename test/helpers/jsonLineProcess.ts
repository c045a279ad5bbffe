import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A Go oracle process (go/cmd/*-oracle) that answers one JSON line per request line, in order.
 * When it exits, every request still waiting fails with its last stderr.
 */
export class JsonLineProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  #stderr = '';

  constructor(
    path: string,
    private readonly name: string,
  ) {
    this.#child = spawn(path, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-10_000);
    });
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#waiting.shift()?.resolve(line));
    this.#child.on('exit', (code) => {
      const error = new Error(`${this.name} exited with code ${code}: ${this.#stderr}`);
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
    });
  }

  /** The answer line to one request line (without its newline). */
  ask(line: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#child.stdin.write(`${line}\n`);
    });
  }

  /** Ends the process (stdin closed) and waits for it. */
  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.stdin.end();
    await exited;
  }
}
