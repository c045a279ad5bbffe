// Runs sequences: each step sent to the server, the engine asked the same from the live object
// before it, both answers compared; the server's invariants checked. Nothing stops at a mismatch.
import type { Obj } from '../../helpers/patchPodTemplate.js';
import { Random } from '../../helpers/seededRandom.js';
import { compareStep, type Difference } from './compare.js';
import { runEngine, type EngineOutcome } from './engine.js';
import { send, type RawAnswer } from './http.js';
import { droppedFields, serverInvariants } from './invariants.js';
import { CLIENT_SIDE_APPLY, SequencePlan, type Op } from './plan.js';
import { TARGETS, type Target } from './targets.js';

const MANAGER_NAMES = ['deployer', 'helm', 'scaler', 'kubectl-edit'];

/** One step, as a report shows it (and a recording keeps it). */
export interface StepRecord {
  readonly sequence: number;
  readonly step: number;
  readonly target: string;
  readonly op: Omit<Op, 'engine'>;
  readonly liveBefore: Obj | null;
  readonly server: { readonly statusCode: number; readonly body: Obj | undefined };
  readonly engine: EngineOutcome;
}

export interface Finding {
  readonly record: StepRecord;
  readonly differences: readonly Difference[];
}

export interface Counts {
  sequences: number;
  steps: number;
  creates: number;
  applies: number;
  forcedApplies: number;
  unforcedApplies: number;
  conflicts: number;
  removals: number;
  puts: number;
  mergePatches: number;
  managedFieldsResets: number;
  /** Applies by `kubectl` to an object with a client-side apply's last-applied annotation. */
  kubectlApplies: number;
  statusApplies: number;
  statusPuts: number;
  statusConflicts: number;
  engineCompared: number;
  byTarget: Record<string, number>;
}

export interface RunResult {
  readonly counts: Counts;
  /** Engine answers that differ from the server's. */
  readonly mismatches: Finding[];
  /** Server invariants broken. */
  readonly violations: Finding[];
  /** Steps the server refused for another reason than a conflict: the generator's bugs. */
  readonly refusals: Finding[];
  /** Every step, when recording. */
  readonly recording: StepRecord[];
}

export const emptyCounts = (): Counts => ({
  sequences: 0, steps: 0, creates: 0, applies: 0, forcedApplies: 0, unforcedApplies: 0, conflicts: 0, removals: 0,
  puts: 0, mergePatches: 0, managedFieldsResets: 0, kubectlApplies: 0, statusApplies: 0, statusPuts: 0, statusConflicts: 0, engineCompared: 0, byTarget: {},
});

/** The sequence's own random stream: the run's seed and the sequence's index. */
export function sequenceRandom(seed: number, index: number): Random {
  // murmur3's finalizer, on the seed and again with the index, so that no two (seed, index) pairs share a stream.
  const mix = (h: number): number => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return new Random(mix(mix(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1)));
}

/** The target of sequence `index`: the targets in turn. */
export const targetOf = (index: number): Target => TARGETS[index % TARGETS.length]!;

function count(counts: Counts, op: Op, live: Obj | null, answer: RawAnswer, removal: boolean): void {
  const conflict = answer.statusCode === 409;
  counts.steps++;
  if (op.kind.startsWith('create')) counts.creates++;
  if (op.kind === 'apply' || op.kind === 'status-apply') {
    counts.applies++;
    if (op.force) counts.forcedApplies++;
    else counts.unforcedApplies++;
    if (conflict) counts.conflicts++;
    if (removal) counts.removals++;
  }
  if (op.kind === 'put') counts.puts++;
  if (op.kind === 'merge') counts.mergePatches++;
  if (op.kind === 'reset-managed-fields') counts.managedFieldsResets++;
  const lastApplied = live?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (op.manager === 'kubectl' && op.kind === 'apply' && lastApplied !== undefined) counts.kubectlApplies++;
  if (op.kind === 'status-apply') counts.statusApplies++;
  if (op.kind === 'status-put') counts.statusPuts++;
  if (op.kind === 'status-apply' && conflict) counts.statusConflicts++;
}

/**
 * The server's time of the step: the time it gave the entry of the step's manager when the step
 * changed the object (a new resourceVersion), else the response's Date header.
 */
export function serverClock(op: Op, live: Obj | null, answer: RawAnswer): Date {
  const operation = op.engine.call === 'serverSideApply' ? 'Apply' : 'Update';
  const changed = answer.body?.metadata?.resourceVersion !== undefined && answer.body.metadata.resourceVersion !== live?.metadata?.resourceVersion;
  const entry = ((answer.body?.metadata?.managedFields ?? []) as Obj[]).find((e) => e.manager === op.manager && e.operation === operation && e.subresource === op.subresource);
  const time = changed && typeof entry?.time === 'string' ? entry.time : answer.date;
  return time === undefined ? new Date() : new Date(time);
}

export async function runSequence(seed: number, index: number, namespace: string, result: RunResult, record: boolean): Promise<void> {
  const random = sequenceRandom(seed, index);
  const target = targetOf(index);
  // Now and then an object made by a client-side `kubectl apply`, then applied by kubectl server-side.
  const clientSide = random.chance(0.12);
  const managers = clientSide ? [CLIENT_SIDE_APPLY, 'kubectl', ...MANAGER_NAMES.slice(1, 1 + random.int(3))] : MANAGER_NAMES.slice(0, 2 + random.int(3));
  const plan = new SequencePlan(target, random, namespace, `${target.name.toLowerCase().replace(/\W+/g, '-')}-${index}`, managers);
  const steps = 3 + random.int(6);
  const counts = result.counts;
  counts.sequences++;
  counts.byTarget[target.name] = (counts.byTarget[target.name] ?? 0) + 1;
  let live: Obj | null = null;
  for (let step = 0; step < steps; step++) {
    const op = plan.next(live);
    const answer = await send(op.request);
    const engine = runEngine(live, op.engine, serverClock(op, live, answer));
    const shown: Omit<Op, 'engine'> = { kind: op.kind, manager: op.manager, force: op.force, ...(op.subresource ? { subresource: op.subresource } : {}), request: op.request, edits: op.edits };
    const stepRecord: StepRecord = { sequence: index, step, target: target.name, op: shown, liveBefore: live, server: { statusCode: answer.statusCode, body: answer.body }, engine };
    if (record) result.recording.push(stepRecord);
    const dropped = droppedFields(op, live, answer);
    count(counts, op, live, answer, dropped.length > 0);
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    if (!ok && answer.statusCode !== 409) {
      result.refusals.push({ record: stepRecord, differences: [{ where: 'server', server: `${answer.statusCode} ${answer.body?.message ?? answer.text}`, engine: '', kind: `refused ${answer.statusCode}` }] });
    }
    const broken = serverInvariants(op, live, answer);
    if (broken.length > 0) result.violations.push({ record: stepRecord, differences: broken.map((b) => ({ where: 'server', server: b, engine: '', kind: b })) });
    if (ok || answer.statusCode === 409) {
      counts.engineCompared++;
      const found = compareStep(answer, engine, live === null);
      if (found.length > 0) result.mismatches.push({ record: stepRecord, differences: found });
    }
    plan.settle(op, ok);
    if (ok) live = answer.body ?? null;
    // An object the server never created: the rest of the sequence has nothing to write to.
    if (live === null) break;
  }
}

/** Runs the sequences `indexes`, `parallel` at a time; findings in the order of the indexes. */
export async function runSequences(seed: number, indexes: readonly number[], namespaces: readonly string[], parallel: number, record: boolean): Promise<RunResult> {
  const results = indexes.map((): RunResult => ({ counts: emptyCounts(), mismatches: [], violations: [], refusals: [], recording: [] }));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < indexes.length; i = next++) await runSequence(seed, indexes[i]!, namespaces[indexes[i]! % namespaces.length]!, results[i]!, record);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const total: RunResult = { counts: emptyCounts(), mismatches: [], violations: [], refusals: [], recording: [] };
  for (const r of results) {
    for (const [key, value] of Object.entries(r.counts) as [keyof Counts, Counts[keyof Counts]][]) {
      if (key === 'byTarget') for (const [t, n] of Object.entries(value as Record<string, number>)) total.counts.byTarget[t] = (total.counts.byTarget[t] ?? 0) + n;
      else (total.counts[key] as number) += value as number;
    }
    total.mismatches.push(...r.mismatches);
    total.violations.push(...r.violations);
    total.refusals.push(...r.refusals);
    total.recording.push(...r.recording);
  }
  return total;
}
