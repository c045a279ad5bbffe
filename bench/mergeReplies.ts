import type { InputReply } from './measureInput.js';
import { median } from './measure.js';
import type { CaseResult, FloorResult, Outcome } from './results.js';

/**
 * One input measured in several processes, as one reply: each contender's time and the floor are
 * the median of the processes' times (each taken from its samples by measureInput's
 * timeOfSamples); an outcome that is not a time in every process (failed, not run, a single run)
 * is the first process's. What is not timed (patch sizes, checks, peak memory, Go's comparison,
 * series stops) comes from the first reply, the only one that measures Go.
 */
export function mergeReplies(replies: readonly InputReply[]): InputReply {
  const [first, ...others] = replies;
  if (first === undefined) throw new Error('mergeReplies: no reply');
  if (others.length === 0) return first;
  const cases = first.cases.map((result, i): CaseResult => {
    const times = replies.map((reply) => reply.cases[i]?.outcome);
    if (!times.every((outcome): outcome is Extract<Outcome, { kind: 'timed' }> => outcome?.kind === 'timed')) return result;
    return { ...result, outcome: { kind: 'timed', ms: median(times.map((outcome) => outcome.ms)) } };
  });
  const floors = replies.map((reply) => reply.floor).filter((floor): floor is FloorResult => floor !== undefined);
  const floor: FloorResult | undefined = first.floor && {
    ...first.floor,
    fastDeepEqualMs: median(floors.map((entry) => entry.fastDeepEqualMs)),
    deepEqualStrictMs: floors.every((entry) => entry.deepEqualStrictMs !== undefined) ? median(floors.map((entry) => entry.deepEqualStrictMs!)) : first.floor.deepEqualStrictMs,
  };
  return { ...first, cases, ...(floor === undefined ? {} : { floor }) };
}
