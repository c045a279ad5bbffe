import { describe, expect, it } from 'vitest';
import { judgeGoals } from '../../bench/goals.js';
import type { BenchResults, CaseResult, InputSummary, Outcome } from '../../bench/results.js';
import type { TaskId } from '../../bench/tasks.js';

const input = (id: string, extra: Partial<InputSummary>): InputSummary => ({ id, title: id, shape: 'list', typical: false, large: false, ...extra });
const timed = (ms: number): Outcome => ({ kind: 'timed', ms });
const result = (inputId: string, taskId: TaskId, contender: string, outcome: Outcome): CaseResult => ({ inputId, taskId, contender, isKubepatch: contender.startsWith('kubepatch'), outcome });

function results(cases: CaseResult[]): BenchResults {
  return {
    inputs: [input('small', { typical: true, series: 'env', size: 10 }), input('env-1000', { series: 'env', size: 1_000, large: true }), input('env-10000', { series: 'env', size: 10_000, large: true })],
    cases,
    floors: ['small', 'env-1000', 'env-10000'].map((inputId) => ({ inputId, fastDeepEqualMs: 1, deepEqualStrictMs: undefined })),
    versions: {},
    machine: 'test',
    elapsedMs: 0,
  };
}

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
});
