/**
 * The CLI's reading of a large YAML file beside kubectl's: `kubepatch diff big.yaml big.yaml` on a
 * ConfigMap of 50 MB (5 MB with `--quick`) and `kubectl patch --local -f big.yaml -p {} -o json`,
 * each in a child process, wall time and peak resident memory (`/usr/bin/time`). The goal: within
 * 2× of kubectl's time and memory. Skipped, saying why, without kubectl or /usr/bin/time.
 *
 * Usage: `tsx bench/yamlInput.ts [--quick]`; `npm run bench` runs it too (`--only=yaml-input` alone)
 * and puts it on docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface YamlInputResult {
  readonly megabytes: number;
  readonly kubepatch: Measured;
  readonly kubectl: Measured;
  /** `kubectl version --client`'s gitVersion, when it says. */
  readonly kubectlVersion?: string;
}

interface Measured {
  readonly seconds: number;
  readonly peakMb: number;
}

/** A ConfigMap of about `bytes` bytes: plain, double-quoted and `|` literal values, as manifests have them. */
export function bigConfigMapYaml(bytes: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', '  namespace: default', 'data:'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const key = `key-${String(i).padStart(6, '0')}`;
    const entry =
      i % 3 === 0
        ? `  ${key}: |\n    line one of ${i}\n    second line ${'x'.repeat(200)}\n    third line ${i * 7}`
        : i % 3 === 1
          ? `  ${key}: value-${i}-${'y'.repeat(300)}`
          : `  ${key}: "quoted ${i} \\t ${'z'.repeat(250)}"`;
    lines.push(entry);
    size += entry.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

function timed(command: string, args: readonly string[]): Measured | string {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.error !== undefined) return run.error.message;
  const match = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(run.stderr);
  if (match === null || (run.status !== 0 && run.status !== 1)) return `${command} failed: ${run.stderr.trim().split('\n').pop() ?? ''}`;
  return { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024 };
}

function kubectlVersion(): string | undefined {
  const run = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  try {
    return (JSON.parse(run.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion;
  } catch {
    return undefined;
  }
}

/** Within the goal: at most twice kubectl's time and twice its peak memory. */
export function withinGoal(result: YamlInputResult): boolean {
  return result.kubepatch.seconds <= 2 * result.kubectl.seconds && result.kubepatch.peakMb <= 2 * result.kubectl.peakMb;
}

/** Runs both and returns the numbers, or why they could not be measured. */
export function measureYamlInput(quick: boolean): YamlInputResult | string {
  if (!existsSync('/usr/bin/time')) return 'no /usr/bin/time';
  const folder = mkdtempSync(join(tmpdir(), 'kubepatch-bench-yaml-'));
  try {
    const megabytes = quick ? 5 : 50;
    const file = join(folder, 'big.yaml');
    writeFileSync(file, bigConfigMapYaml(megabytes * 1e6));
    const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const kubepatch = timed(tsx, [cli, 'diff', file, file]);
    if (typeof kubepatch === 'string') return kubepatch;
    const kubectl = timed('kubectl', ['patch', '--local', '-f', file, '-p', '{}', '--type', 'merge', '-o', 'json']);
    if (typeof kubectl === 'string') return `kubectl: ${kubectl}`;
    return { megabytes, kubepatch, kubectl, kubectlVersion: kubectlVersion() };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One line for the console. */
export function describeYamlInput(result: YamlInputResult | string): string {
  if (typeof result === 'string') return `yaml input: not measured (${result})`;
  const { megabytes, kubepatch: ours, kubectl } = result;
  const within = withinGoal(result) ? 'within 2× of kubectl' : 'NOT within 2× of kubectl';
  return (
    `yaml input (${megabytes} MB ConfigMap): kubepatch diff ${ours.seconds.toFixed(1)} s, ${ours.peakMb.toFixed(0)} MB peak; ` +
    `kubectl patch --local ${kubectl.seconds.toFixed(1)} s, ${kubectl.peakMb.toFixed(0)} MB peak: ${within}`
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(describeYamlInput(measureYamlInput(process.argv.includes('--quick'))));
}
