import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { jsonEqual } from '../json/jsonEqual.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import type { SemanticChange } from '../semantic/SemanticChange.js';
import type { ArgoRolloutsVersion } from './ArgoRolloutsVersion.js';
import { objectAt, within } from './rolloutChanges.js';
import type { RolloutReactionEntry } from './RolloutChangeReport.js';
import { stepHash } from './stepHash.js';

/** What {@link rolloutReactions} needs to know. @internal */
export interface ReactionInput {
  readonly a: JsonObject;
  readonly b: JsonObject;
  /** The real (not equivalent) differences. */
  readonly real: readonly SemanticChange[];
  /** The differences between the Go forms of the pod templates. */
  readonly templateChanges: readonly SemanticChange[];
  readonly argoVersion: ArgoRolloutsVersion;
}

const EPHEMERAL: Record<string, readonly string[]> = { canary: ['canaryMetadata', 'stableMetadata'], blueGreen: ['previewMetadata', 'activeMetadata'] };
const WORKLOAD_IDENTITY = ['spec.workloadRef.apiVersion', 'spec.workloadRef.kind', 'spec.workloadRef.name'];

/**
 * The controller's reactions to the change from `a` to `b`, unordered, `none` left out
 * (reference argo-rollouts.md §3.4). Fields a reaction claims are not reported again as `settings`.
 *
 * @internal
 */
export function rolloutReactions(input: ReactionInput): RolloutReactionEntry[] {
  const { a, b, real, templateChanges, argoVersion } = input;
  const out: RolloutReactionEntry[] = [];
  const claimed: string[] = ['spec.replicas', 'spec.selector', 'spec.template', 'spec.paused', 'spec.restartAt', 'spec.strategy.canary.steps', ...WORKLOAD_IDENTITY];
  const pathsUnder = (...prefixes: string[]): string[] => real.filter((c) => prefixes.some((p) => within(c.path, p))).map((c) => c.path);

  // selector
  const selA = objectAt(a, 'spec', 'selector');
  const selB = objectAt(b, 'spec', 'selector');
  if (selA !== undefined && selB !== undefined && !jsonEqual(selA, selB)) {
    const blocked = 'with the v1.9+ CRD the API server rejects the update with `.spec.selector is immutable`';
    const cutOver =
      'on an older CRD the controller orphans the ReplicaSets that no longer match and creates a new one at full scale without the canary steps, a full cut-over with no canary (the seed incident, argo-rollouts #4070)';
    const fix = 'keep the old selector, or delete and recreate the Rollout deliberately';
    const why = argoVersion === '1.8' ? `${cutOver}, while ${blocked}` : `${blocked}, and ${cutOver}`;
    const paths = pathsUnder('spec.selector');
    out.push({ reaction: 'selector-change', risk: 'high', paths: paths.length > 0 ? paths : ['spec.selector'], explanation: `spec.selector changes: ${why}; ${fix}.` });
  } else if ((selA === undefined) !== (selB === undefined)) {
    const hasRef = objectAt(b, 'spec', 'workloadRef') !== undefined;
    const explanation =
      selB === undefined && !hasRef
        ? "spec.selector is removed from a Rollout without workloadRef: the API server accepts it (the immutability rule only compares two selectors) but the controller marks the Rollout invalid with `Rollout has missing field '.spec.selector'`; keep the selector."
        : `spec.selector is ${selB === undefined ? 'removed' : 'added'}: the API server accepts it (the immutability rule only compares two selectors), and if it differs from the selector resolved from workloadRef the controller orphans the current ReplicaSets and replaces them with no canary; make it equal to the workload's selector.`;
    out.push({ reaction: 'selector-change', risk: selB === undefined && !hasRef ? 'high' : 'medium', paths: ['spec.selector'], explanation });
  }

  // strategy
  const kindA = strategyKind(a);
  const kindB = strategyKind(b);
  const strategyChanged = kindA !== kindB;
  if (strategyChanged) {
    claimed.push('spec.strategy');
    out.push({
      reaction: 'strategy-change',
      risk: 'high',
      paths: pathsUnder(`spec.strategy.${kindA}`, `spec.strategy.${kindB}`),
      explanation: `The strategy changes from ${kindA} to ${kindB}: the steps hash changes and the controller resets the rollout status (step index, pauses, analysis) and hands traffic to the ${kindB} Services, while Services of the ${kindA} strategy may keep a stale rollouts-pod-template-hash selector (argo-rollouts #83); switch between rollouts and check every Service afterwards.`,
    });
  }

  // pod template, or the workload it comes from
  if (templateChanges.length > 0) {
    const paths = templateChanges.map((c) => c.path);
    out.push({
      reaction: 'new-revision',
      risk: 'medium',
      paths,
      explanation: `The pod template changes in the form the controller hashes (${list(paths)}), so the controller creates a new ReplicaSet, a new revision, and ${howItRollsOut(b, kindB)}; watch it with \`kubectl argo rollouts get rollout\` and abort if it misbehaves.`,
    });
  }
  const refPaths = pathsUnder(...WORKLOAD_IDENTITY);
  if (refPaths.length > 0) {
    const ref = objectAt(b, 'spec', 'workloadRef');
    const target = ref === undefined ? 'no workload' : `${String(getOwn(ref, 'kind') ?? '?')} ${String(getOwn(ref, 'name') ?? '?')}`;
    out.push({
      reaction: 'new-revision',
      risk: 'medium',
      paths: refPaths,
      explanation: `spec.workloadRef now points at ${target}: if that workload's pod template differs from the current one, the controller creates a new revision and ${howItRollsOut(b, kindB)}; compare the two templates before applying.`,
    });
  }

  // canary steps
  if (!strategyChanged && kindA === 'canary') {
    const before = stepHash(a, { argoVersion });
    const after = stepHash(b, { argoVersion });
    if (before !== after) {
      const paths = pathsUnder('spec.strategy.canary.steps');
      out.push({
        reaction: 'steps-reset',
        risk: 'medium',
        paths: paths.length > 0 ? paths : ['spec.strategy.canary.steps'],
        explanation: `The canary steps hash changes (${before} → ${after} on Argo Rollouts ${argoVersion}): a rollout in progress goes back to step 0 with the same ReplicaSets (traffic returns to the first step's weight), while a fully promoted Rollout skips the new steps; apply it between rollouts to avoid the restart.`,
      });
    }
  }

  // runtime
  const runtime: string[] = [];
  let runtimeRisk: RolloutReactionEntry['risk'] = 'low';
  const pausedA = getSpec(a, 'paused') === true;
  const pausedB = getSpec(b, 'paused') === true;
  if (pausedA !== pausedB) {
    runtime.push(
      pausedB
        ? 'spec.paused becomes true: the controller halts the rollout (no scaling, no Service switch, no step progress) until it is set back to false'
        : 'spec.paused becomes false: the rollout resumes where it stopped',
    );
  }
  const restartA = getSpec(a, 'restartAt') ?? null;
  const restartB = getSpec(b, 'restartAt') ?? null;
  if (restartA !== restartB) {
    if (restartB === null) {
      runtime.push('spec.restartAt is removed: no restart is scheduled and running pods are left alone');
    } else {
      runtimeRisk = 'medium';
      runtime.push(
        `spec.restartAt becomes ${String(restartB)}: once that time has passed the controller evicts every pod created before it, max(maxUnavailable, 1) at a time and honouring PodDisruptionBudgets`,
      );
    }
  }
  if (runtime.length > 0) {
    out.push({ reaction: 'runtime', risk: runtimeRisk, paths: pathsUnder('spec.paused', 'spec.restartAt'), explanation: `${runtime.join('; ')}; nothing is redeployed.` });
  }

  // replicas (absent or null is 1)
  const replicasA = getSpec(a, 'replicas') ?? 1;
  const replicasB = getSpec(b, 'replicas') ?? 1;
  if (!jsonEqual(replicasA, replicasB)) {
    const from = `spec.replicas goes from ${String(replicasA)} to ${String(replicasB)}`;
    out.push({
      reaction: 'scale-only',
      risk: 'low',
      paths: ['spec.replicas'],
      explanation:
        templateChanges.length > 0
          ? `${from}: the new revision rolls out at the new count (on its own, this would only scale the active ReplicaSets).`
          : `${from}: the controller only scales the active ReplicaSets (a scaling event); no new revision, and steps, traffic weights and analysis are untouched.`,
    });
  }

  // ephemeral metadata
  if (!strategyChanged) {
    const fields = EPHEMERAL[kindB] ?? [];
    const prefixes = fields.map((f) => `spec.strategy.${kindB}.${f}`);
    claimed.push(...prefixes);
    const changed = fields.filter((f) => !jsonEqual(ephemeral(a, kindB, f), ephemeral(b, kindB, f)));
    if (changed.length > 0) {
      const paths = pathsUnder(...prefixes);
      const clash = clashingLabels(b, kindB);
      const warning =
        clash.length > 0
          ? `; the label${clash.length > 1 ? 's' : ''} ${list(clash)} ${clash.length > 1 ? 'are' : 'is'} also in the pod template and the controller deletes ${clash.length > 1 ? 'them' : 'it'} from pods that switch role (argo-rollouts #2916): repeat ${clash.length > 1 ? 'them' : 'it'} in the other metadata`
          : '; anything that selects pods by these labels sees the change at once';
      out.push({
        reaction: 'ephemeral-metadata',
        risk: clash.length > 0 ? 'medium' : 'low',
        paths: paths.length > 0 ? paths : prefixes.filter((_, i) => changed.includes(fields[i]!)),
        explanation: `The ${changed.join(' and ')} change${changed.length > 1 ? '' : 's'}: the controller updates the labels and annotations of the existing ReplicaSets and then of their pods in place, with no new revision and no pod restart${warning}.`,
      });
    }
  }

  // other spec fields
  const settings = real.filter((c) => within(c.path, 'spec') && !claimed.some((p) => within(c.path, p))).map((c) => c.path);
  if (settings.length > 0) {
    out.push({
      reaction: 'settings',
      risk: 'low',
      paths: settings,
      explanation: `Controller settings change (${list(settings)}): no new revision; they apply from the next reconcile, to the ReplicaSets and the rollout in progress.`,
    });
  }

  // the Rollout's own metadata
  const metadata = pathsUnder('metadata');
  if (metadata.length > 0) {
    out.push({
      reaction: 'metadata-only',
      risk: 'none',
      paths: metadata,
      explanation: `Only the Rollout's own metadata changes (${list(metadata)}): nothing is redeployed, and the controller copies the annotations onto the next new ReplicaSet (add or overwrite only).`,
    });
  }
  return out;
}

/** `canary`, `blueGreen` or `none`, as the controller reads `spec.strategy` (blueGreen wins). */
function strategyKind(rollout: JsonObject): string {
  if (objectAt(rollout, 'spec', 'strategy', 'blueGreen') !== undefined) return 'blueGreen';
  return objectAt(rollout, 'spec', 'strategy', 'canary') !== undefined ? 'canary' : 'none';
}

function howItRollsOut(rollout: JsonObject, kind: string): string {
  if (kind === 'blueGreen') return 'brings it up behind the preview Service before switching the active Service';
  const steps = getOwn(objectAt(rollout, 'spec', 'strategy', 'canary') ?? {}, 'steps');
  if (kind === 'canary' && Array.isArray(steps) && steps.length > 0) return `runs the ${steps.length} canary steps from step 0`;
  return 'replaces the pods at once, with no steps to stop at';
}

function getSpec(rollout: JsonObject, key: string): JsonValue | undefined {
  const value = getOwn(objectAt(rollout, 'spec') ?? {}, key);
  return value === null ? undefined : value;
}

/** Ephemeral metadata with empty maps dropped: `{}` and absent compare equal. */
function ephemeral(rollout: JsonObject, kind: string, field: string): JsonObject {
  const meta = objectAt(rollout, 'spec', 'strategy', kind, field);
  const out: JsonObject = {};
  for (const part of ['labels', 'annotations']) {
    const map = objectAt(meta, part);
    if (map !== undefined && jsonKeys(map).length > 0) out[part] = map;
  }
  return out;
}

/** Labels of the canary (preview) metadata that the pod template also sets. */
function clashingLabels(rollout: JsonObject, kind: string): string[] {
  const template = objectAt(rollout, 'spec', 'template', 'metadata', 'labels') ?? {};
  const first = EPHEMERAL[kind]?.[0];
  const labels = first === undefined ? undefined : objectAt(rollout, 'spec', 'strategy', kind, first, 'labels');
  return labels === undefined ? [] : jsonKeys(labels).filter((key) => getOwn(template, key) !== undefined);
}

function list(paths: readonly string[]): string {
  return paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}
