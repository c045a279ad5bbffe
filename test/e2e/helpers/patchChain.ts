// A chain of differential steps on one object: create it, then at each step send some patches of
// the stored object as dry runs (server and kubepatch must agree), and one of them for real, whose
// stored result is the object of the next step.
import { serverOk } from './serverRequest.js';
import { describeCase, disagreement, inGroups, runCase, serverTestQuirk, type CaseOutcome, type Engine } from './patchCompare.js';
import type { PatchKind } from './patchKinds.js';
import type { Obj } from './patchPodTemplate.js';
import { Random } from './seededRandom.js';

/** A patch of a step, and optionally a further check of kubepatch's result (a failure message, or undefined). */
export interface StepPatch {
  readonly engine: Engine;
  readonly patch: unknown;
  readonly check?: (outcome: CaseOutcome) => string | undefined;
}

export interface ChainOptions {
  readonly kind: PatchKind;
  readonly namespace: string;
  /** Seeds the chain's random stream (with the run's seed). */
  readonly label: string;
  readonly steps: number;
  /** The patches of a step, for the stored `object`. kubepatch must apply them (they are valid). */
  patches(random: Random, object: Obj): StepPatch[];
}

export interface ChainReport {
  readonly cases: number;
  /** Cases of the known server quirk ({@link serverTestQuirk}), not counted in `cases`. */
  readonly quirks: number;
  readonly failures: readonly string[];
}

export async function runChain(options: ChainOptions): Promise<ChainReport> {
  const { kind, namespace } = options;
  const random = Random.forLabel(options.label);
  const name = options.label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let stored: Obj = await serverOk('POST', kind.collection(namespace), kind.create(random, name));
  let cases = 0;
  let quirks = 0;
  const failures: string[] = [];
  for (let step = 0; step < options.steps; step++) {
    const patches = options.patches(random, stored);
    if (patches.length === 0) continue;
    const outcomes = await Promise.all(patches.map(({ engine, patch }) => runCase(kind, namespace, stored, engine, patch)));
    outcomes.forEach((outcome, i) => {
      if (serverTestQuirk(outcome)) return void quirks++;
      cases++;
      const reason =
        disagreement(outcome) ??
        ('error' in outcome.kubepatch ? `both refused a patch meant to be valid: ${String(outcome.kubepatch.error)}` : patches[i]!.check?.(outcome));
      if (reason !== undefined) failures.push(describeCase(kind, stored, outcome, reason));
    });
    // Stored for real: a patch the server took as a dry run.
    const candidates = patches.filter((_, i) => outcomes[i]!.statusCode < 300);
    if (candidates.length === 0) continue;
    const { engine, patch } = candidates[step % candidates.length]!;
    const real = await runCase(kind, namespace, stored, engine, patch, true);
    const reason = disagreement(real) ?? (real.statusCode >= 300 ? `refused: ${JSON.stringify(real.server)}` : undefined);
    if (reason !== undefined) {
      failures.push(describeCase(kind, stored, real, `(stored for real) ${reason}`));
      break;
    }
    stored = real.server;
  }
  return { cases, quirks, failures };
}

/** Runs `count` chains side by side; resolves with the number of cases and every failure. */
export async function runChains(count: number, chain: (index: number) => ChainOptions): Promise<ChainReport> {
  const reports = await inGroups(
    Array.from({ length: count }, (_, i) => () => runChain(chain(i))),
    count,
  );
  return {
    cases: reports.reduce((n, r) => n + r.cases, 0),
    quirks: reports.reduce((n, r) => n + r.quirks, 0),
    failures: reports.flatMap((r) => r.failures),
  };
}
