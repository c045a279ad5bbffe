// An input measured in several processes: the median of their times, the rest from the first.
import { describe, expect, it } from 'vitest';
import type { InputReply } from '../../bench/measureInput.js';
import { mergeReplies } from '../../bench/mergeReplies.js';
import type { Outcome } from '../../bench/results.js';

function reply(kubepatchMs: number, peer: Outcome, floorMs: number, patchBytes: number): InputReply {
  return {
    summary: { id: 'pod', title: 'Pod', shape: 'manifest', typical: true, large: false },
    cases: [
      { inputId: 'pod', taskId: 'json-patch-create', contender: 'kubepatch', isKubepatch: true, outcome: { kind: 'timed', ms: kubepatchMs }, patchBytes },
      { inputId: 'pod', taskId: 'json-patch-create', contender: 'rfc6902', isKubepatch: false, outcome: peer },
    ],
    floor: { inputId: 'pod', fastDeepEqualMs: floorMs, deepEqualStrictMs: floorMs * 100 },
    stopped: [],
  };
}

describe('mergeReplies', () => {
  it('keeps the median of the processes\' times for each contender and the floor', () => {
    const merged = mergeReplies([reply(3, { kind: 'timed', ms: 9 }, 1, 120), reply(1, { kind: 'timed', ms: 7 }, 3, 999), reply(2, { kind: 'timed', ms: 8 }, 2, 999)]);
    expect(merged.cases.map((c) => c.outcome)).toEqual([{ kind: 'timed', ms: 2 }, { kind: 'timed', ms: 8 }]);
    expect(merged.floor).toEqual({ inputId: 'pod', fastDeepEqualMs: 2, deepEqualStrictMs: 200 });
    expect(merged.cases[0]!.patchBytes).toBe(120);
  });

  it('keeps the first process\'s outcome where one process did not time the contender', () => {
    const failed: Outcome = { kind: 'failed', reason: 'threw' };
    const merged = mergeReplies([reply(3, failed, 1, 1), reply(1, { kind: 'timed', ms: 7 }, 1, 1)]);
    expect(merged.cases[1]!.outcome).toEqual(failed);
    expect(merged.cases[0]!.outcome).toEqual({ kind: 'timed', ms: 2 });
  });

  it('returns a single reply as it is', () => {
    const only = reply(3, { kind: 'timed', ms: 9 }, 1, 1);
    expect(mergeReplies([only])).toBe(only);
  });
});
