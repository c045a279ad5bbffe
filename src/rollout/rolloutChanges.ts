import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { jsonEqual } from '../json/jsonEqual.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { isValidQuantity } from '../semantic/quantity/isValidQuantity.js';
import type { SemanticChange } from '../semantic/SemanticChange.js';
import { semanticDiff } from '../semantic/semanticDiff.js';
import { localRolloutDiff } from './localRolloutDiff.js';
import type { ArgoRolloutsVersion } from './ArgoRolloutsVersion.js';
import { defaultedTemplates } from './defaultedTemplates.js';
import { podTemplateGoForm, podTemplateValueForm } from './podTemplateGoForm.js';
import type { RolloutTemplateMatch } from './RolloutChangeReport.js';
import { rolloutSchema } from './rolloutSchema.js';

/**
 * The differences between two Rollouts, for {@link diffRollout}: {@link semanticDiff} with
 * {@link rolloutSchema} (which ignores `status` and the metadata the API server owns), with its
 * verdicts inside `spec.template` replaced by the controller's. The controller looks for the
 * ReplicaSet of the new template in two passes (`FindNewReplicaSet`):
 *
 * 1. by the pod-template hash: equal Go forms of the two templates ({@link podTemplateGoForm})
 *    hash the same, so the current ReplicaSet is found by its label (`pod-template-hash`);
 * 2. otherwise by `PodTemplateEqualIgnoreHash`: the stored ReplicaSet template and the new template
 *    after the API server's pod-template defaults ({@link defaultedTemplates}, per release line),
 *    compared semantically, quantities by value (`template-equality`).
 *
 * A difference inside the template is real exactly when the second pass sees it too, so
 * `securityContext: {}` against none (Go writes a pointer to an empty struct) is a change,
 * `cpu: 1000m` against `cpu: "1"` is `equivalent` (`quantity`) and an explicit `protocol: TCP` is
 * `equivalent` (`default`).
 *
 * Also returns the differences the second pass sees (what makes a new revision) and which pass
 * finds the current ReplicaSet.
 *
 * @internal
 */
export function rolloutChanges(
  a: JsonObject,
  b: JsonObject,
  argoVersion: ArgoRolloutsVersion = '1.9',
): { changes: SemanticChange[]; templateChanges: SemanticChange[]; templateMatch: RolloutTemplateMatch } {
  const templatePrefix = [{ field: 'spec' }, { field: 'template' }] as const;
  const templateA = objectAt(a, 'spec', 'template');
  const templateB = objectAt(b, 'spec', 'template');
  const written = localRolloutDiff(podTemplateValueForm(templateA), podTemplateValueForm(templateB), templatePrefix);
  const defaulted = defaultedTemplates(templateA, templateB, argoVersion);
  const templateChanges = localRolloutDiff(podTemplateValueForm(defaulted.live), podTemplateValueForm(defaulted.desired), templatePrefix);
  const sameHash = jsonEqual(podTemplateGoForm(templateA), podTemplateGoForm(templateB));
  const templateMatch: RolloutTemplateMatch = sameHash ? 'pod-template-hash' : templateChanges.length === 0 ? 'template-equality' : 'none';
  const changes = semanticDiff(a, b, { schema: rolloutSchema() }).map((change): SemanticChange => {
    if (!within(change.path, 'spec.template') || change.kind === 'reordered' || change.kind === 'duplicate-key') return change;
    const real = templateChanges.some((goChange) => related(goChange, change));
    if (real && change.kind === 'equivalent') {
      const { equalBecause: _, ...rest } = change;
      return { ...rest, kind: change.from === undefined ? 'added' : change.to === undefined ? 'removed' : 'changed' };
    }
    if (!real && change.kind === 'equivalent' && change.equalBecause === 'empty-equals-absent' && written.some((goChange) => related(goChange, change))) {
      return { ...change, equalBecause: 'default' };
    }
    if (!real && change.kind !== 'equivalent') {
      const quantity = isQuantityText(change.from) && isQuantityText(change.to);
      const byDefault = !quantity && written.some((goChange) => related(goChange, change));
      return { ...change, kind: 'equivalent', equalBecause: quantity ? 'quantity' : byDefault ? 'default' : 'empty-equals-absent' };
    }
    return change;
  });
  for (const goChange of templateChanges) {
    if (!changes.some((change) => related(goChange, change))) changes.push(goChange);
  }
  return { changes, templateChanges, templateMatch };
}

/** Whether `path` is `prefix` or inside it. @internal */
export function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/**
 * Whether two changes concern the same place, by path or by JSON Pointer (the paths of lists keyed
 * by something other than `name`, such as `ports`, differ between the two diffs; the pointers
 * agree, since the Go form keeps list positions).
 */
function related(a: SemanticChange, b: SemanticChange): boolean {
  const pointerWithin = (x: string, y: string): boolean => x === y || x.startsWith(`${y}/`);
  return within(a.path, b.path) || within(b.path, a.path) || pointerWithin(a.pointer, b.pointer) || pointerWithin(b.pointer, a.pointer);
}

function isQuantityText(value: JsonValue | undefined): boolean {
  return (typeof value === 'string' || typeof value === 'number') && isValidQuantity(value);
}

/** The object at `keys` below `value`, or `undefined`. @internal */
export function objectAt(value: JsonValue | undefined, ...keys: string[]): JsonObject | undefined {
  let current = value;
  for (const key of keys) current = isJsonObject(current) ? getOwn(current, key) : undefined;
  return isJsonObject(current) ? current : undefined;
}
