import type { SemanticChange } from '../semantic/SemanticChange.js';
import type { ArgoRolloutsVersion } from './ArgoRolloutsVersion.js';

/**
 * How Argo Rollouts' controller reacts to a change of a Rollout (reference: "What happens when
 * each Rollout spec field changes"):
 *
 * - `selector-change`: `spec.selector` changed; rejected by the API server with the v1.9+ CRD
 *   (`.spec.selector is immutable`), a full cut-over with no canary on older CRDs;
 * - `strategy-change`: canary ↔ blueGreen;
 * - `new-revision`: the pod template changed in the form the controller hashes (or the workload a
 *   `workloadRef` points at): a new ReplicaSet and a new rollout;
 * - `steps-reset`: the canary steps hash changed: the step index goes back to 0, no new ReplicaSet;
 * - `runtime`: `paused` or `restartAt`;
 * - `scale-only`: `replicas`;
 * - `ephemeral-metadata`: canary/stable (preview/active) metadata, updated in place on ReplicaSets
 *   and pods;
 * - `settings`: another spec field (`minReadySeconds`, `revisionHistoryLimit`, `analysis`,
 *   traffic routing, …): takes effect on the next reconcile, no new revision;
 * - `metadata-only`: the Rollout's own labels or annotations;
 * - `none`: nothing the controller acts on.
 *
 * @example
 * ```ts
 * const reaction: RolloutReaction = 'steps-reset';
 * ```
 * @public
 */
export type RolloutReaction =
  | 'selector-change'
  | 'strategy-change'
  | 'new-revision'
  | 'steps-reset'
  | 'runtime'
  | 'scale-only'
  | 'ephemeral-metadata'
  | 'settings'
  | 'metadata-only'
  | 'none';

/**
 * How much a reaction can hurt: `high` (an outage or a refused update), `medium` (pods replaced
 * or traffic shifted), `low` (a visible but safe change), `none`.
 *
 * @example
 * ```ts
 * const risk: RolloutRisk = 'high';
 * ```
 * @public
 */
export type RolloutRisk = 'none' | 'low' | 'medium' | 'high';

/**
 * One reaction of the controller, with a sentence a person can act on.
 *
 * @example
 * ```ts
 * const entry: RolloutReactionEntry = {
 *   reaction: 'scale-only', risk: 'low', paths: ['spec.replicas'],
 *   explanation: 'spec.replicas goes from 3 to 5: the controller only scales …',
 * };
 * ```
 * @public
 */
export interface RolloutReactionEntry {
  /** What the controller does. */
  readonly reaction: RolloutReaction;
  /** One sentence: what happens and what to do about it. */
  readonly explanation: string;
  /** How much it can hurt. */
  readonly risk: RolloutRisk;
  /** The Kubernetes-style paths that cause it (`spec.template.spec.containers[name=app].image`). */
  readonly paths: readonly string[];
}

/**
 * How Argo Rollouts' controller finds the ReplicaSet of the new pod template (`FindNewReplicaSet`):
 *
 * - `pod-template-hash`: first pass, the template hashes as before, so the current ReplicaSet is
 *   found by its `rollouts-pod-template-hash` label;
 * - `template-equality`: the hash differs, but the second pass (`PodTemplateEqualIgnoreHash`:
 *   the stored ReplicaSet template against the new template with the API server's pod-template
 *   defaults, quantities by value) finds the current ReplicaSet: an explicit default such as
 *   `imagePullPolicy: IfNotPresent` or `protocol: TCP`, or `256Mi` written as `268435456`;
 * - `none`: neither pass finds it: a new ReplicaSet, a new revision.
 *
 * @example
 * ```ts
 * const match: RolloutTemplateMatch = diffRollout(live, desired).templateMatch;
 * ```
 * @public
 */
export type RolloutTemplateMatch = 'pod-template-hash' | 'template-equality' | 'none';

/**
 * What {@link diffRollout} returns.
 *
 * @example
 * ```ts
 * const report: RolloutChangeReport = diffRollout(live, desired);
 * report.risk; // 'medium'
 * report.reactions.map((r) => r.reaction); // ['new-revision', 'scale-only']
 * report.templateMatch; // 'none'
 * ```
 * @public
 */
export interface RolloutChangeReport {
  /** The highest risk of the reactions. */
  readonly risk: RolloutRisk;
  /** The controller's reactions, highest risk first; `[{ reaction: 'none', … }]` when nothing changes. */
  readonly reactions: readonly RolloutReactionEntry[];
  /** Every difference, `equivalent` ones included (see {@link SemanticChange}). */
  readonly changes: readonly SemanticChange[];
  /** Which pass of the controller finds the current ReplicaSet for the new template, `none` for a new revision. */
  readonly templateMatch: RolloutTemplateMatch;
}

/**
 * Options of {@link diffRollout}.
 *
 * @example
 * ```ts
 * const options: DiffRolloutOptions = { argoVersion: '1.8' };
 * ```
 * @public
 */
export interface DiffRolloutOptions {
  /**
   * The Argo Rollouts release line running in the cluster: it decides the steps hash (see
   * {@link stepHash}), whether the CRD makes `spec.selector` immutable (`'1.9'`) and how the
   * second pass of `FindNewReplicaSet` defaults the templates (see {@link RolloutTemplateMatch}).
   * Default `'1.9'`.
   */
  readonly argoVersion?: ArgoRolloutsVersion;
}
