import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput } from '../json/JsonValue.js';
import { isJsonObject } from '../json/ownProperty.js';
import { checkArgoVersion } from './ArgoRolloutsVersion.js';
import { rolloutChanges } from './rolloutChanges.js';
import type {
  DiffRolloutOptions,
  RolloutChangeReport,
  RolloutReaction,
  RolloutReactionEntry,
  RolloutRisk,
  RolloutTemplateMatch,
} from './RolloutChangeReport.js';
import { rolloutReactions } from './rolloutReactions.js';

const RISK_RANK: Record<RolloutRisk, number> = { high: 0, medium: 1, low: 2, none: 3 };
const REACTION_RANK: Record<RolloutReaction, number> = {
  'selector-change': 0,
  'strategy-change': 1,
  'new-revision': 2,
  'steps-reset': 3,
  runtime: 4,
  'scale-only': 5,
  'ephemeral-metadata': 6,
  settings: 7,
  'metadata-only': 8,
  none: 9,
};

/**
 * What Argo Rollouts' controller will do when the Rollout `oldRollout` becomes `newRollout`
 * (reference: argo-rollouts.md §3.4, "What happens when each Rollout spec field changes"):
 * every {@link RolloutReaction} the change triggers, each with a sentence a person can act on, a
 * risk and the paths that cause it, highest risk first, and the list of differences.
 *
 * - The pod template is compared as the controller looks for its ReplicaSet, in two passes
 *   (`report.templateMatch`, see {@link RolloutTemplateMatch}): first by the form the controller
 *   hashes ({@link podTemplateGoForm}: `cpu: 1000m` against `cpu: "1"`, or `labels: {}` against
 *   none, hashes the same, while `securityContext: {}` against none does not); then by
 *   `PodTemplateEqualIgnoreHash`, the stored (server-defaulted) template against the new one with
 *   the API server's pod-template defaults, quantities by value: `256Mi` against `268435456`, or an
 *   explicit `imagePullPolicy: IfNotPresent` on a tagged image, finds the current ReplicaSet, so no
 *   new one is made. How the templates are defaulted follows `options.argoVersion`.
 * - The canary steps are compared by {@link stepHash} for `options.argoVersion`.
 * - `spec.replicas` absent or `null` is 1; `spec.paused` absent is `false`.
 * - A changed `spec.selector` is `selector-change`, risk `high`: the v1.9+ CRD makes the API
 *   server refuse it (`.spec.selector is immutable`); older CRDs let it through, and the
 *   controller then cuts over to a new ReplicaSet with no canary.
 * - `status` and the metadata the API server owns (`resourceVersion`, `managedFields`, …) are
 *   ignored, so a live object can be compared with a manifest.
 *
 * `changes` is computed by a local structural diff (lists of named objects by `name`) whose
 * differences inside the template are `equivalent` when the Go forms agree; the shape is that of
 * {@link SemanticChange}. Throws {@link InvalidDocumentError} when either Rollout is not a JSON
 * object or holds canary steps Go could not decode, and when `options.argoVersion` is not a
 * supported line. The inputs are not changed.
 *
 * @example
 * ```ts
 * const live = {
 *   apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' },
 *   spec: {
 *     replicas: 3, selector: { matchLabels: { app: 'web' } },
 *     template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1000m' } } }] } },
 *     strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
 *   },
 * };
 * const desired = structuredClone(live);
 * desired.spec.template.spec.containers[0].resources.limits.cpu = '1';
 * diffRollout(live, desired).reactions.map((r) => r.reaction); // ['none']
 * desired.spec.replicas = 5;
 * diffRollout(live, desired).reactions[0];
 * // { reaction: 'scale-only', risk: 'low', paths: ['spec.replicas'], explanation: 'spec.replicas goes from 3 to 5: …' }
 * ```
 * @public
 */
export function diffRollout(oldRollout: JsonInput, newRollout: JsonInput, options: DiffRolloutOptions = {}): RolloutChangeReport {
  const argoVersion = checkArgoVersion(options?.argoVersion);
  assertJsonValue(oldRollout, 'oldRollout');
  assertJsonValue(newRollout, 'newRollout');
  if (!isJsonObject(oldRollout)) throw new InvalidDocumentError('oldRollout: expected a Rollout object', { input: 'oldRollout', path: '' });
  if (!isJsonObject(newRollout)) throw new InvalidDocumentError('newRollout: expected a Rollout object', { input: 'newRollout', path: '' });

  const { changes, templateChanges, templateMatch } = rolloutChanges(oldRollout, newRollout, argoVersion);
  const real = changes.filter((change) => change.kind !== 'equivalent' && change.kind !== 'duplicate-key');
  const reactions = rolloutReactions({ a: oldRollout, b: newRollout, real, templateChanges, argoVersion });
  const equivalent = changes.filter((change) => change.kind === 'equivalent').map((change) => change.path);
  if (reactions.length === 0) reactions.push(noneEntry(equivalent, templateMatch));
  reactions.sort((x, y) => RISK_RANK[x.risk] - RISK_RANK[y.risk] || REACTION_RANK[x.reaction] - REACTION_RANK[y.reaction]);
  return { risk: reactions[0]!.risk, reactions, changes, templateMatch };
}

function noneEntry(equivalentPaths: readonly string[], templateMatch: RolloutTemplateMatch): RolloutReactionEntry {
  const explanation =
    equivalentPaths.length === 0
      ? 'Nothing the controller acts on changes: it does nothing.'
      : templateMatch === 'template-equality'
        ? `Nothing the controller acts on changes: the pod template hashes differently (${equivalentPaths.join(', ')}), but the controller's second pass, which compares the stored ReplicaSet template with the new one after the API server's defaults and with quantities by value, finds the current ReplicaSet, so there is no new revision and it does nothing.`
        : `Nothing the controller acts on changes: the differences (${equivalentPaths.join(', ')}) are the same in the form the controller reads, such as a quantity written differently or an empty map, so it does nothing.`;
  return { reaction: 'none', risk: 'none', paths: [], explanation };
}
