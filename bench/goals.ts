/**
 * The goals of the benchmark issue, checked against one run's numbers. Each verdict names the
 * worst case, so that a missed goal says where it is missed.
 */
import { timeOf, type BenchResults, type CaseResult, type InputSummary } from './results.js';
import { tasks, type TaskId } from './tasks.js';

export interface Verdict {
  readonly goal: string;
  readonly scope: string;
  /** `undefined` when this run did not measure it (see `--only`). */
  readonly met: boolean | undefined;
  readonly worst: string;
}

const peerTasks = tasks.filter((task) => task.contenders.some((c) => c.library !== 'kubepatch'));

export function fastestPeer(results: BenchResults, taskId: TaskId, inputId: string): { name: string; ms: number } | undefined {
  let best: { name: string; ms: number } | undefined;
  for (const result of casesOf(results, taskId, inputId)) {
    const ms = timeOf(result.outcome);
    if (result.isKubepatch || ms === undefined || result.wrong !== undefined) continue;
    if (best === undefined || ms < best.ms) best = { name: result.contender, ms };
  }
  return best;
}

export function casesOf(results: BenchResults, taskId: TaskId, inputId: string): CaseResult[] {
  return results.cases.filter((c) => c.taskId === taskId && c.inputId === inputId);
}

export function floorOf(results: BenchResults, inputId: string): number | undefined {
  return results.floors.find((floor) => floor.inputId === inputId)?.fastDeepEqualMs;
}

export function judgeGoals(results: BenchResults): Verdict[] {
  const verdicts: Verdict[] = [];
  const byId = new Map(results.inputs.map((input) => [input.id, input]));
  const title = (id: string) => byId.get(id)?.title ?? id;

  // 1. At typical sizes, at least as fast as the fastest peer on every shared task.
  for (const task of peerTasks) {
    for (const contender of task.contenders.filter((c) => c.library === 'kubepatch')) {
      const ratios = results.inputs
        .filter((input) => input.typical)
        .flatMap((input) => {
          const own = timeOf(find(results, task.id, input.id, contender.name)?.outcome);
          const peer = fastestPeer(results, task.id, input.id);
          return own === undefined || peer === undefined ? [] : [{ ratio: own / peer.ms, where: `${title(input.id)}, vs ${peer.name}` }];
        });
      verdicts.push(worstOf(`at least as fast as the fastest peer at typical sizes`, `${task.title}, ${contender.name}`, ratios, 1));
    }
  }

  // 2. At 1,000+ elements, at least 2x faster than the fastest peer whose patch is not index-based.
  const create = tasks.find((task) => task.id === 'json-patch-create')!;
  const keyedPeers = create.contenders.filter((c) => c.library !== 'kubepatch' && c.lists !== 'by index').map((c) => c.name);
  for (const contender of create.contenders.filter((c) => c.library === 'kubepatch')) {
    const ratios = results.inputs
      .filter((input) => input.shape === 'list' && (input.size ?? 0) >= 1_000)
      .flatMap((input) => {
        const own = timeOf(find(results, create.id, input.id, contender.name)?.outcome);
        const peers = keyedPeers.flatMap((name) => {
          const ms = timeOf(find(results, create.id, input.id, name)?.outcome);
          return ms === undefined ? [] : [{ name, ms }];
        });
        if (own === undefined) return [{ ratio: Infinity, where: `${title(input.id)}: kubepatch did not finish` }];
        if (peers.length === 0) return [{ ratio: 0, where: `${title(input.id)}: no such peer finishes` }];
        const peer = peers.reduce((a, b) => (b.ms < a.ms ? b : a));
        return [{ ratio: own / peer.ms, where: `${title(input.id)}, vs ${peer.name}` }];
      });
    verdicts.push(worstOf(`at least 2x faster than the fastest non-index-based peer at 1,000+ elements`, `${create.title}, ${contender.name}`, ratios, 0.5));
  }

  // 3. Time per element flat within 2x from 1,000 to 10,000 elements.
  for (const task of tasks) {
    for (const contender of task.contenders.filter((c) => c.library === 'kubepatch')) {
      const ratios = (['env', 'containers'] as const).flatMap((series) => {
        const at = (size: number) => {
          const input = results.inputs.find((i) => i.series === series && i.size === size);
          const ms = input && timeOf(find(results, task.id, input.id, contender.name)?.outcome);
          return ms === undefined ? undefined : ms / size;
        };
        const small = at(1_000);
        const large = at(10_000);
        return small === undefined || large === undefined ? [] : [{ ratio: large / small, where: `${series} list` }];
      });
      verdicts.push(worstOf('time per element within 2x from 1,000 to 10,000 elements', `${task.title}, ${contender.name}`, ratios, 2));
    }
  }

  // 4. Strategic merge patch and semantic diff within 3x of the deep-equal floor.
  for (const taskId of ['strategic-create', 'strategic-apply', 'semantic-diff'] as const) {
    const task = tasks.find((t) => t.id === taskId)!;
    const ratios = results.inputs.flatMap((input: InputSummary) => {
      const own = timeOf(find(results, taskId, input.id, 'kubepatch')?.outcome);
      const floor = floorOf(results, input.id);
      return own === undefined || floor === undefined ? [] : [{ ratio: own / floor, where: title(input.id) }];
    });
    verdicts.push(worstOf('within 3x of the deep-equal floor', task.title, ratios, 3));
  }
  return verdicts;
}

function find(results: BenchResults, taskId: TaskId, inputId: string, contender: string): CaseResult | undefined {
  return results.cases.find((c) => c.taskId === taskId && c.inputId === inputId && c.contender === contender);
}

function worstOf(goal: string, scope: string, ratios: ReadonlyArray<{ ratio: number; where: string }>, limit: number): Verdict {
  if (ratios.length === 0) return { goal, scope, met: undefined, worst: 'not measured in this run' };
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const ratio = Number.isFinite(worst.ratio) ? `${formatRatio(worst.ratio)}` : 'did not finish';
  return { goal, scope, met: worst.ratio <= limit, worst: worst.ratio === 0 ? worst.where : `${ratio} (${worst.where})` };
}

/** `0.42×` reads as "takes 0.42 times as long"; two significant digits. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2)}×`;
}
