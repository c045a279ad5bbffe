import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { isValidQuantity } from '../semantic/quantity/isValidQuantity.js';
import type { SemanticChange } from '../semantic/SemanticChange.js';
import { semanticDiff } from '../semantic/semanticDiff.js';
import { localRolloutDiff } from './localRolloutDiff.js';
import { podTemplateValueForm } from './podTemplateGoForm.js';
import { rolloutSchema } from './rolloutSchema.js';

/**
 * The differences between two Rollouts, for {@link diffRollout}: {@link semanticDiff} with
 * {@link rolloutSchema} (which ignores `status` and the metadata the API server owns), with its
 * verdicts inside `spec.template` replaced by the controller's: there a difference is real exactly
 * when the Go forms of the two templates ({@link podTemplateGoForm}, quantities by value as
 * `PodTemplateEqualIgnoreHash` compares them) differ there. So `securityContext: {}` against none
 * (Go writes a pointer to an empty struct) is a change, and `cpu: 1000m` against `cpu: "1"` is
 * `equivalent` (`quantity`).
 *
 * Also returns the differences between the Go forms of the templates (what makes a new revision).
 *
 * @internal
 */
export function rolloutChanges(a: JsonObject, b: JsonObject): { changes: SemanticChange[]; templateChanges: SemanticChange[] } {
  const templatePrefix = [{ field: 'spec' }, { field: 'template' }] as const;
  const templateChanges = localRolloutDiff(
    podTemplateValueForm(objectAt(a, 'spec', 'template')),
    podTemplateValueForm(objectAt(b, 'spec', 'template')),
    templatePrefix,
  );
  const changes = semanticDiff(a, b, { schema: rolloutSchema() }).map((change): SemanticChange => {
    if (!within(change.path, 'spec.template') || change.kind === 'reordered' || change.kind === 'duplicate-key') return change;
    const real = templateChanges.some((goChange) => related(goChange, change));
    if (real && change.kind === 'equivalent') {
      const { equalBecause: _, ...rest } = change;
      return { ...rest, kind: change.from === undefined ? 'added' : change.to === undefined ? 'removed' : 'changed' };
    }
    if (!real && change.kind !== 'equivalent') {
      const quantity = isQuantityText(change.from) && isQuantityText(change.to);
      return { ...change, kind: 'equivalent', equalBecause: quantity ? 'quantity' : 'empty-equals-absent' };
    }
    return change;
  });
  for (const goChange of templateChanges) {
    if (!changes.some((change) => related(goChange, change))) changes.push(goChange);
  }
  return { changes, templateChanges };
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
