// Differential test of the offline server-side apply engine against the real API server.
//
// Seeded random sequences (3 to 8 operations, 2 to 4 field managers each) over Deployments (also
// through /status), StatefulSets, DaemonSets, Jobs, ConfigMaps, Secrets, Services and the Argo
// Rollout: server-side applies (each manager evolving its own configuration: adding, changing and
// dropping labels, annotations, finalizers, replicas, containers, env, ports, data keys, Service
// ports…; forced or not), and updates of the live object (PUT or JSON merge patch) that touch the
// fields appliers own, so that conflicts and removals come naturally. Some objects are created by a
// client-side `kubectl apply` (its last-applied annotation) and then applied by `kubectl`; now
// and then an update strips managedFields (`[{}]`). The server's clock of each step is given to
// the engine (`now`): the server orders managedFields by operation, time, manager. After every step the
// engine's prediction from the live object before it (serverSideApply / recordUpdate) must equal
// the server's answer: the managedFields entries in order, all but `time` equal and fieldsV1 byte
// for byte; the object, but for resourceVersion, uid, creationTimestamp, generation and the values
// the server assigns (see sequences/compare.ts); and a 409 must be the engine's ApplyConflictError,
// same message, same conflicts. The server's own invariants are checked on every step too.
//
// KUBEPATCH_SSA_SEED sets the seed (printed); KUBEPATCH_SSA_ONLY=3,17 runs only those sequences
// (a report names the sequence and step to replay); KUBEPATCH_SSA_SEQUENCES sets their number;
// KUBEPATCH_SSA_RECORD=file writes every step (live object, request, both answers) as JSON.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace } from '../helpers/serverRequest.js';
import { failureReport, formatCounts } from './sequences/report.js';
import { runSequences, type RunResult } from './sequences/runner.js';
import { TARGETS } from './sequences/targets.js';

const SEED = Number(process.env['KUBEPATCH_SSA_SEED'] ?? 20261207);
const SEQUENCES = Number(process.env['KUBEPATCH_SSA_SEQUENCES'] ?? 450);
const ONLY = process.env['KUBEPATCH_SSA_ONLY']?.split(',').map(Number);
const RECORD = process.env['KUBEPATCH_SSA_RECORD'];
const NAMESPACES = 4;
const PARALLEL = 4;

describe.skipIf(skipReason)('server-side apply: random sequences of applies and updates, the engine against the real API server', () => {
  let run: RunResult;

  beforeAll(async () => {
    process.stderr.write(`server-side apply sequences: seed ${SEED} (KUBEPATCH_SSA_SEED)\n`);
    const namespaces = Array.from({ length: NAMESPACES }, () => uniqueName('ssa-seq'));
    for (const ns of namespaces) await createNamespace(ns);
    const indexes = ONLY ?? Array.from({ length: SEQUENCES }, (_, i) => i);
    run = await runSequences(SEED, indexes, namespaces, PARALLEL, RECORD !== undefined);
    if (RECORD !== undefined) writeFileSync(RECORD, JSON.stringify({ seed: SEED, steps: run.recording }));
  }, 300_000);

  it('the server takes every step the generator makes (any refusal but a conflict is a generator bug)', () => {
    expect(failureReport(SEED, 'steps refused', run.refusals)).toBe('');
  });

  it('the server keeps the invariants of server-side apply', () => {
    expect(failureReport(SEED, 'server invariants broken', run.violations)).toBe('');
  });

  it("the engine's prediction of every step equals the server's answer", () => {
    expect(failureReport(SEED, 'steps where the engine and the server differ', run.mismatches)).toBe('');
  });

  it('counts: sequences, steps, applies, conflicts, removals, updates, status writes', () => {
    const counts = run.counts;
    process.stderr.write(`${formatCounts(SEED, counts)}\n`);
    if (ONLY !== undefined) return;
    expect(counts.sequences).toBeGreaterThanOrEqual(300);
    expect(Object.keys(counts.byTarget).sort()).toEqual(TARGETS.map((t) => t.name).sort());
    // Conflicts come naturally: at least 15% of the applies without force.
    expect(counts.conflicts / counts.unforcedApplies).toBeGreaterThanOrEqual(0.15);
    expect(counts.removals).toBeGreaterThan(20);
    expect(counts.statusApplies).toBeGreaterThan(20);
    expect(counts.statusPuts).toBeGreaterThan(10);
    expect(Math.min(counts.puts, counts.mergePatches)).toBeGreaterThan(50);
  });
});
