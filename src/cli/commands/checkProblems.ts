import { findImmutableFieldChanges } from '../../metadata/findImmutableFieldChanges.js';
import type { ArgoRolloutsVersion } from '../../rollout/ArgoRolloutsVersion.js';
import { diffRollout } from '../../rollout/diffRollout.js';
import type { RolloutReaction } from '../../rollout/RolloutChangeReport.js';
import type { KubeObject } from '../kubeObjects.js';
import { describeSource } from '../readDocuments.js';
import { isRollout } from './isRollout.js';
import { pointerPath } from './pointerPath.js';

/**
 * One problem `kubepatch check` reports: what `-o json` prints, one element per problem (see
 * docs/cli.md, "check"). Changes with the same message on one object are one problem with
 * several paths: the API server refuses a StatefulSet's `serviceName` and `volumeClaimTemplates`
 * changes with one error for the whole spec.
 */
export interface CheckProblem {
  /** `Kind namespace/name`, as every command names objects. */
  readonly object: string;
  /** Where the new object was read: `file (document N)`. */
  readonly source: string;
  /** `immutable-field` (the API server refuses the update) or `rollout-risk` (a high-risk Rollout change). */
  readonly type: 'immutable-field' | 'rollout-risk';
  /** For `rollout-risk`, the controller's reaction (`selector-change`, `strategy-change`, `new-revision`, …). */
  readonly reaction?: RolloutReaction;
  /** The fields that cause it, as Kubernetes-style paths (`spec.serviceName`); at least one for `immutable-field`. */
  readonly paths: readonly string[];
  /** The API server's message (`immutable-field`) or what the controller will do (`rollout-risk`). */
  readonly message: string;
}

/**
 * The problems of updating `old` to `desired`: immutable-field changes in the API server's words
 * ({@link findImmutableFieldChanges}) and, for a Rollout, {@link diffRollout} reactions of high
 * risk and pod template changes with no canary steps to stop at. A selector change that is
 * already an immutable-field problem is not repeated as a Rollout risk.
 */
export function findCheckProblems(old: KubeObject, desired: KubeObject, argoVersion: ArgoRolloutsVersion): CheckProblem[] {
  const base = { object: desired.label, source: describeSource(desired) };
  const immutable = findImmutableFieldChanges(old.object, desired.object);
  const problems: CheckProblem[] = immutable.map((change) => ({
    ...base,
    type: 'immutable-field',
    paths: [pointerPath(change.path, desired.object, old.object)],
    message: change.message,
  }));
  if (isRollout(desired.object)) {
    const selectorRefused = immutable.some((change) => change.field === 'spec.selector');
    for (const entry of diffRollout(old.object, desired.object, { argoVersion }).reactions) {
      const noSteps = entry.reaction === 'new-revision' && entry.explanation.includes('with no steps to stop at');
      if (entry.risk !== 'high' && !noSteps) continue;
      if (entry.reaction === 'selector-change' && selectorRefused) continue;
      problems.push({ ...base, type: 'rollout-risk', reaction: entry.reaction, paths: entry.paths, message: entry.explanation });
    }
  }
  return mergeSameMessage(problems);
}

/** One problem per distinct type, reaction and message, with the paths of all (each once, in order). */
function mergeSameMessage(problems: readonly CheckProblem[]): CheckProblem[] {
  const merged = new Map<string, CheckProblem>();
  for (const problem of problems) {
    const key = JSON.stringify([problem.type, problem.reaction ?? '', problem.message]);
    const seen = merged.get(key);
    const paths = seen === undefined ? problem.paths : [...seen.paths, ...problem.paths.filter((p) => !seen.paths.includes(p))];
    merged.set(key, { ...(seen ?? problem), paths });
  }
  return [...merged.values()];
}
