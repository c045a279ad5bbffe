/**
 * The goals of the benchmark issues (#3, #15), judged on one run's numbers, ratios only (the
 * machine changes, ratios of two things measured side by side much less). Each verdict names its
 * worst case and lists every case that misses, so that a missed goal says where it is missed.
 */
import type { GoTaskId } from './goPeer.js';
import { formatRatio } from './format.js';
import { timeOf, type BenchResults, type CaseResult, type InputSummary } from './results.js';
import { tasks, type TaskId } from './tasks.js';

export interface Verdict {
  readonly goal: string;
  readonly scope: string;
  /** `undefined` when this run did not measure it (see `--only`). */
  readonly met: boolean | undefined;
  readonly worst: string;
  /** Every case beyond the limit, worst first. */
  readonly misses: readonly string[];
}

/** One measured case of a goal: the ratio the limit applies to, and where it was measured. */
interface Ratio {
  readonly ratio: number;
  readonly where: string;
}

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
  const byId = new Map([...results.inputs, ...(typeof results.apimachinery === 'object' ? results.apimachinery.inputs : [])].map((input) => [input.id, input]));
  const title = (id: string) => byId.get(id)?.title ?? id;
  const kubepatchOf = (taskId: TaskId) => tasks.find((task) => task.id === taskId)!.contenders.filter((c) => c.library === 'kubepatch');
  const timed = (taskId: TaskId, inputId: string, contender: string) => timeOf(find(results, taskId, inputId, contender)?.outcome);
  return [
    ...goGoals(results, title),
    ...kubepatchOf('json-patch-create').map((contender) => {
      const ratios = results.inputs
        .filter((input) => input.shape === 'manifest')
        .flatMap((input): Ratio[] => {
          const own = timed('json-patch-create', input.id, contender.name);
          const peer = find(results, 'json-patch-create', input.id, 'fast-json-patch');
          const peerMs = peer?.wrong === undefined ? timeOf(peer?.outcome) : undefined;
          return own === undefined || peerMs === undefined ? [] : [{ ratio: own / peerMs, where: title(input.id) }];
        });
      return worstOf('no slower than fast-json-patch on typical manifests', `JSON Patch: create, ${contender.name}`, ratios, 1);
    }),
    ...(
      [
        ['merge-patch-create', 1.5],
        ['strategic-create', 3],
        ['strategic-apply', 3],
        ['semantic-diff', 3],
      ] as const
    ).map(([taskId, limit]) => {
      const ratios = results.inputs.flatMap((input: InputSummary): Ratio[] => {
        const own = timed(taskId, input.id, 'kubepatch');
        const floor = floorOf(results, input.id);
        return own === undefined || floor === undefined ? [] : [{ ratio: own / floor, where: title(input.id) }];
      });
      return worstOf(`within ${limit}x of the deep-equal floor`, tasks.find((task) => task.id === taskId)!.title, ratios, limit);
    }),
    yamlInputGoal(results),
    // Time per element flat within 2x from 1,000 to 10,000 elements.
    ...tasks.flatMap((task) =>
      kubepatchOf(task.id).map((contender) => {
        const ratios = (['env', 'containers'] as const).flatMap((series): Ratio[] => {
          const at = (size: number) => {
            const input = results.inputs.find((i) => i.series === series && i.size === size);
            const ms = input && timed(task.id, input.id, contender.name);
            return ms === undefined ? undefined : ms / size;
          };
          const small = at(1_000);
          const large = at(10_000);
          return small === undefined || large === undefined ? [] : [{ ratio: large / small, where: `${series} list` }];
        });
        return worstOf('time per element within 2x from 1,000 to 10,000 elements', `${task.title}, ${contender.name}`, ratios, 2);
      }),
    ),
    ...keyedPeerGoals(results, title),
    // Apply at least as fast as the fastest peer at typical sizes.
    ...tasks
      .filter((task) => !task.createsPatch && task.contenders.some((c) => c.library !== 'kubepatch'))
      .flatMap((task) =>
        kubepatchOf(task.id).map((contender) => {
          const ratios = results.inputs
            .filter((input) => input.typical)
            .flatMap((input): Ratio[] => {
              const own = timed(task.id, input.id, contender.name);
              const peer = fastestPeer(results, task.id, input.id);
              return own === undefined || peer === undefined ? [] : [{ ratio: own / peer.ms, where: `${title(input.id)}, vs ${peer.name}` }];
            });
          return worstOf('at least as fast as the fastest peer at typical sizes', `${task.title}, ${contender.name}`, ratios, 1);
        }),
      ),
  ];
}

/**
 * Strategic merge patch create and apply at least 10x faster than Go's apimachinery at 1,000
 * elements and 100x at 10,000, on the MergeItem, env and containers lists. Each is timed through
 * its own API, as the issue sets the goal: Go on the bytes it takes, kubepatch on objects (the
 * page also shows kubepatch with `JSON.parse` and `JSON.stringify` around the call). A Go run
 * that did not finish counts as beaten; outputs that disagree count as a miss.
 */
function goGoals(results: BenchResults, title: (id: string) => string): Verdict[] {
  const go = results.apimachinery;
  const scopes: ReadonlyArray<[GoTaskId, string]> = [
    ['smp-create', 'Strategic merge patch: create'],
    ['smp-apply', 'Strategic merge patch: apply'],
  ];
  return ([1_000, 10_000] as const).flatMap((size) => {
    const factor = size === 1_000 ? 10 : 100;
    const goal = `at least ${factor}x faster than Go's apimachinery at ${size.toLocaleString('en')} elements`;
    return scopes.map(([taskId, scopeTitle]) => {
      const scope = `${scopeTitle}, kubepatch`;
      if (typeof go === 'string') return { goal, scope, met: undefined, worst: "not measured: Go left out (see [Go's apimachinery](#gos-apimachinery))", misses: [] };
      const inputs = (go?.inputs ?? []).filter((input) => input.size === size && ['mergeitem', 'env', 'containers'].includes(input.series ?? ''));
      const ratios = inputs.flatMap((input): Ratio[] => {
        const row = go?.rows.find((r) => r.inputId === input.id && r.taskId === taskId);
        if (row === undefined) return [];
        const own = timeOf(row.kubepatch);
        const theirs = timeOf(row.go);
        if (row.wrong !== undefined) return [{ ratio: Infinity, where: `${title(input.id)}: ${row.wrong}` }];
        if (own === undefined) return [{ ratio: Infinity, where: `${title(input.id)}: kubepatch did not finish` }];
        if (theirs === undefined) return row.go.kind === 'failed' ? [{ ratio: 0, where: `${title(input.id)}: Go did not finish` }] : [];
        return [{ ratio: own / theirs, where: title(input.id) }];
      });
      return worstOf(goal, scope, ratios, 1 / factor, (ratio, digits) => `${formatRatio(1 / ratio, digits)} faster`);
    });
  });
}

/** The CLI reading a 50 MB manifest within 2x of kubectl's time and memory (bench/yamlInput.ts). */
function yamlInputGoal(results: BenchResults): Verdict {
  const goal = "within 2x of kubectl's time and memory";
  const measured = results.yamlInput;
  if (measured === undefined || typeof measured === 'string') {
    return { goal, scope: 'YAML input of a 50 MB manifest', met: undefined, worst: measured === undefined ? 'not measured in this run' : `not measured: ${measured}`, misses: [] };
  }
  const ratios: Ratio[] = [
    { ratio: measured.kubepatch.seconds / measured.kubectl.seconds, where: 'wall time' },
    { ratio: measured.kubepatch.peakMb / measured.kubectl.peakMb, where: 'peak memory' },
  ];
  return worstOf(goal, `YAML input of a ${measured.megabytes} MB manifest`, ratios, 2);
}

/** At 1,000+ elements, JSON Patch create at least 2x faster than the fastest peer whose patch is not index-based. */
function keyedPeerGoals(results: BenchResults, title: (id: string) => string): Verdict[] {
  const create = tasks.find((task) => task.id === 'json-patch-create')!;
  const keyedPeers = create.contenders.filter((c) => c.library !== 'kubepatch' && c.lists !== 'by index').map((c) => c.name);
  return create.contenders
    .filter((c) => c.library === 'kubepatch')
    .map((contender) => {
      const ratios = results.inputs
        .filter((input) => input.shape === 'list' && (input.size ?? 0) >= 1_000 && casesOf(results, create.id, input.id).length > 0)
        .flatMap((input): Ratio[] => {
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
      return worstOf('at least 2x faster than the fastest non-index-based peer at 1,000+ elements', `${create.title}, ${contender.name}`, ratios, 0.5);
    });
}

function find(results: BenchResults, taskId: TaskId, inputId: string, contender: string): CaseResult | undefined {
  return results.cases.find((c) => c.taskId === taskId && c.inputId === inputId && c.contender === contender);
}

/**
 * The verdict on `ratios` (larger is worse; met when none is above `limit`). `show` writes a ratio
 * for the page, by default as kubepatch's time over the other's (`0.42×`).
 */
function worstOf(goal: string, scope: string, ratios: readonly Ratio[], limit: number, show: (ratio: number, digits: number) => string = formatRatio): Verdict {
  if (ratios.length === 0) return { goal, scope, met: undefined, worst: 'not measured in this run', misses: [] };
  // Two digits can print a ratio just beyond the limit as the limit itself: then three.
  const written = (ratio: number) => (show(ratio, 2) === show(limit, 2) && ratio !== limit ? show(ratio, 3) : show(ratio, 2));
  const describe = (r: Ratio) => (r.ratio === 0 || !Number.isFinite(r.ratio) ? r.where : `${written(r.ratio)} (${r.where})`);
  const sorted = [...ratios].sort((a, b) => b.ratio - a.ratio);
  const worst = sorted[0]!;
  return { goal, scope, met: worst.ratio <= limit, worst: describe(worst), misses: sorted.filter((r) => r.ratio > limit).map(describe) };
}
