import { describe, expect, it } from 'vitest';
import type { ApimachineryResults, GoComparison } from '../../bench/apimachinery.js';
import { judgeGoals } from '../../bench/goals.js';
import type { GoTaskId } from '../../bench/goPeer.js';
import type { BenchResults, CaseResult, InputSummary, Outcome } from '../../bench/results.js';
import type { TaskId } from '../../bench/tasks.js';

const input = (id: string, extra: Partial<InputSummary>): InputSummary => ({ id, title: id, shape: 'list', typical: false, large: false, ...extra });
const timed = (ms: number): Outcome => ({ kind: 'timed', ms });
const result = (inputId: string, taskId: TaskId, contender: string, outcome: Outcome): CaseResult => ({ inputId, taskId, contender, isKubepatch: contender.startsWith('kubepatch'), outcome });

function results(cases: CaseResult[], extra: Partial<BenchResults> = {}): BenchResults {
  return {
    inputs: [
      input('small', { typical: true, series: 'env', size: 10 }),
      input('env-1000', { series: 'env', size: 1_000, large: true }),
      input('env-10000', { series: 'env', size: 10_000, large: true }),
      input('manifest', { shape: 'manifest', typical: true }),
    ],
    cases,
    floors: ['small', 'env-1000', 'env-10000'].map((inputId) => ({ inputId, fastDeepEqualMs: 1, deepEqualStrictMs: undefined })),
    versions: {},
    machine: 'test',
    elapsedMs: 0,
    ...extra,
  };
}

/** Go's row of one task: Go's time and kubepatch's with JSON around it (its time on objects is not judged). */
const goRow = (inputId: string, taskId: GoTaskId, goMs: number | undefined, ownMs: number, wrong?: string): GoComparison => ({
  inputId,
  taskId,
  go: goMs === undefined ? { kind: 'failed', reason: 'did not finish in 600 s' } : timed(goMs),
  kubepatch: timed(ownMs),
  kubepatchBytes: timed(ownMs * 3),
  agreement: wrong === undefined ? 'same' : 'different',
  ...(wrong === undefined ? {} : { wrong }),
});

const apimachinery = (rows: GoComparison[]): ApimachineryResults => ({
  go: 'go1.24',
  apimachinery: 'v0.33.13',
  inputs: [input('mergeitem-1000', { series: 'mergeitem', size: 1_000 }), input('env-1000', { series: 'env', size: 1_000 }), input('mergeitem-10000', { series: 'mergeitem', size: 10_000 })],
  rows,
  slowCallMs: 2_000,
});

const verdict = (all: ReturnType<typeof judgeGoals>, goal: string, scope: string) => all.find((v) => v.goal.startsWith(goal) && v.scope === scope);

describe('judgeGoals (benchmark report)', () => {
  it('reports a miss with the worst case, and ignores peers whose output was wrong', () => {
    const wrongPeer = result('small', 'json-patch-apply', 'rfc6902', timed(0.1));
    wrongPeer.wrong = 'the result differs';
    const all = judgeGoals(results([result('small', 'json-patch-apply', 'kubepatch', timed(3)), result('small', 'json-patch-apply', 'fast-json-patch', timed(2)), wrongPeer]));
    expect(verdict(all, 'at least as fast', 'JSON Patch: apply, kubepatch')).toMatchObject({ met: false, worst: '1.5× (small, vs fast-json-patch)' });
  });

  it('counts a keyed peer that cannot finish as beaten', () => {
    const all = judgeGoals(
      results([
        result('env-1000', 'json-patch-create', 'kubepatch + schema', timed(1)),
        result('env-1000', 'json-patch-create', 'jsondiffpatch', timed(3)),
        result('env-1000', 'json-patch-create', 'rfc6902', { kind: 'failed', reason: 'did not finish in 20 s' }),
        result('env-10000', 'json-patch-create', 'kubepatch + schema', timed(12)),
        result('env-10000', 'json-patch-create', 'jsondiffpatch', { kind: 'failed', reason: 'ran out of memory' }),
        result('env-10000', 'json-patch-create', 'rfc6902', { kind: 'not-run', reason: 'stopped' }),
      ]),
    );
    expect(verdict(all, 'at least 2x faster', 'JSON Patch: create, kubepatch + schema')).toMatchObject({ met: true, worst: '0.33× (env-1000, vs jsondiffpatch)' });
    // 12 ms / 10,000 against 1 ms / 1,000: 1.2x per element.
    expect(verdict(all, 'time per element', 'JSON Patch: create, kubepatch + schema')).toMatchObject({ met: true, worst: '1.2× (env list)' });
  });

  it('measures strategic merge patch against the floor', () => {
    const all = judgeGoals(results([result('small', 'strategic-create', 'kubepatch', timed(4))]));
    expect(verdict(all, 'within 3x', 'Strategic merge patch: create')).toMatchObject({ met: false, worst: '4.0× (small)' });
  });

  it("judges Go's apimachinery on kubepatch's own time on objects (not with JSON around the call), a Go run that did not finish counting as beaten", () => {
    const all = judgeGoals(
      results([], {
        apimachinery: apimachinery([
          goRow('mergeitem-1000', 'smp-create', 40, 2),
          goRow('env-1000', 'smp-create', 10, 0.4),
          goRow('mergeitem-1000', 'smp-apply', undefined, 3),
          goRow('env-1000', 'smp-apply', 100, 1),
          goRow('mergeitem-10000', 'smp-create', 1_000, 20),
        ]),
      }),
    );
    expect(verdict(all, 'at least 10x faster', 'Strategic merge patch: create, kubepatch')).toMatchObject({ met: true, worst: '20× faster (mergeitem-1000)' });
    expect(verdict(all, 'at least 10x faster', 'Strategic merge patch: apply, kubepatch')).toMatchObject({ met: true, worst: '100× faster (env-1000)' });
    expect(verdict(all, 'at least 100x faster', 'Strategic merge patch: create, kubepatch')).toMatchObject({ met: false, worst: '50× faster (mergeitem-10000)', misses: ['50× faster (mergeitem-10000)'] });
    expect(verdict(all, 'at least 100x faster', 'Strategic merge patch: apply, kubepatch')).toMatchObject({ met: undefined });
  });

  it('misses the Go goal where the outputs disagree, and says why Go is not measured', () => {
    const disagreeing = judgeGoals(results([], { apimachinery: apimachinery([goRow('env-1000', 'smp-create', 100, 1, 'Go: the patch differs')]) }));
    expect(verdict(disagreeing, 'at least 10x faster', 'Strategic merge patch: create, kubepatch')).toMatchObject({ met: false, worst: 'env-1000: Go: the patch differs' });
    const withoutGo = judgeGoals(results([], { apimachinery: 'no Go toolchain' }));
    expect(verdict(withoutGo, 'at least 10x faster', 'Strategic merge patch: create, kubepatch')).toMatchObject({ met: undefined, worst: "not measured: Go left out (see [Go's apimachinery](#gos-apimachinery))" });
  });

  it('compares JSON Patch create with fast-json-patch on manifests only, and merge patch create with 1.5x the floor', () => {
    const all = judgeGoals(
      results([
        result('manifest', 'json-patch-create', 'kubepatch', timed(0.9)),
        result('manifest', 'json-patch-create', 'kubepatch + schema', timed(1.2)),
        result('manifest', 'json-patch-create', 'fast-json-patch', timed(1)),
        // A list is no manifest: not judged by this goal.
        result('small', 'json-patch-create', 'kubepatch', timed(5)),
        result('small', 'json-patch-create', 'fast-json-patch', timed(1)),
        result('small', 'merge-patch-create', 'kubepatch', timed(1.51)),
      ]),
    );
    expect(verdict(all, 'no slower than fast-json-patch', 'JSON Patch: create, kubepatch')).toMatchObject({ met: true, worst: '0.90× (manifest)' });
    expect(verdict(all, 'no slower than fast-json-patch', 'JSON Patch: create, kubepatch + schema')).toMatchObject({ met: false, worst: '1.2× (manifest)' });
    // Just beyond the limit: three digits, so that the page does not print the limit itself as a miss.
    expect(verdict(all, 'within 1.5x', 'Merge patch: create')).toMatchObject({ met: false, worst: '1.51× (small)' });
  });

  it("judges the YAML input against kubectl's time and memory", () => {
    const yaml = (seconds: number, peakMb: number) => ({ megabytes: 50, kubepatch: { seconds, peakMb }, kubectl: { seconds: 5, peakMb: 400 } });
    expect(verdict(judgeGoals(results([], { yamlInput: yaml(6, 900) })), 'within 2x of kubectl', 'YAML input of a 50 MB manifest')).toMatchObject({ met: false, worst: '2.3× (peak memory)' });
    expect(verdict(judgeGoals(results([], { yamlInput: yaml(6, 500) })), 'within 2x of kubectl', 'YAML input of a 50 MB manifest')).toMatchObject({ met: true, worst: '1.3× (peak memory)' });
    expect(verdict(judgeGoals(results([], { yamlInput: 'no kubectl' })), 'within 2x of kubectl', 'YAML input of a 50 MB manifest')).toMatchObject({ met: undefined });
  });
});
