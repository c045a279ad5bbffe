import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { memberAt, withMember } from './memberPath.js';
import type { SpecialRuleContext } from './ResetRules.js';

// CertificateSigningRequest rules of k8s.io/kubernetes v1.33.13
// pkg/registry/certificates/certificates/strategy.go.

/**
 * `csrStrategy.PrepareForCreate`: "Clear any user-specified info" (`spec.username`, `uid`,
 * `groups`, `extra`), then "Inject user.Info from request context" when there is a user: its name,
 * uid and groups, and its extra when not empty (empty strings and lists are omitted, as Go's
 * `omitempty` writes them). The status is cleared by the next step.
 */
export function csrCreate({ object, user }: SpecialRuleContext): JsonObject {
  let result = object;
  for (const name of ['username', 'uid', 'groups', 'extra']) result = withMember(result, ['spec', name], undefined);
  if (user === undefined) return result;
  if (user.username !== '') result = withMember(result, ['spec', 'username'], user.username);
  if (user.uid !== undefined && user.uid !== '') result = withMember(result, ['spec', 'uid'], user.uid);
  if (user.groups !== undefined && user.groups.length > 0) result = withMember(result, ['spec', 'groups'], [...user.groups]);
  const extra = user.extra ?? {};
  if (Object.keys(extra).length > 0) {
    const copy: JsonObject = {};
    for (const [key, values] of Object.entries(extra)) Object.defineProperty(copy, key, { value: [...values], enumerable: true, writable: true, configurable: true });
    result = withMember(result, ['spec', 'extra'], copy);
  }
  return result;
}

/**
 * `csrStatusStrategy.PrepareForUpdate` after `newCSR.Spec = oldCSR.Spec`: "Specifically preserve
 * existing Approved/Denied conditions" (`preserveConditionInstances`: when the new status has as
 * many conditions of the type as the old one, each is replaced by the old one, in order; when the
 * counts differ validation refuses the write), then `populateConditionTimestamps`.
 */
export function csrStatusConditions({ object, live, now }: SpecialRuleContext): JsonObject {
  const written = memberAt(object, ['status', 'conditions']);
  if (!Array.isArray(written)) return object;
  let conditions: JsonValue[] = written;
  const old = conditionsOf(live);
  for (const type of ['Approved', 'Denied']) {
    const oldIndices = indicesOf(old, type);
    const newIndices = indicesOf(conditions, type);
    if (oldIndices.length !== newIndices.length) continue;
    const replaced: JsonValue[] = [...conditions];
    newIndices.forEach((at, i) => (replaced[at] = old[oldIndices[i]!]!));
    conditions = replaced;
  }
  return withMember(object, ['status', 'conditions'], withTimestamps(conditions, old, now));
}

/**
 * `csrApprovalStrategy.PrepareForUpdate`: `populateConditionTimestamps`, then "Updating the
 * approval should only update the conditions": the old spec and status with the new conditions.
 */
export function csrApproval({ object, live, now }: SpecialRuleContext): JsonObject {
  const conditions = memberAt(object, ['status', 'conditions']);
  const stamped = Array.isArray(conditions) ? withTimestamps(conditions, conditionsOf(live), now) : conditions;
  const result = withMember(object, ['spec'], memberAt(live, ['spec']));
  const oldStatus = memberAt(live, ['status']);
  return withMember(result, ['status'], withMember(isJsonObject(oldStatus) ? oldStatus : {}, ['conditions'], stamped));
}

/**
 * `populateConditionTimestamps`: a condition without `lastUpdateTime` gets now; one without
 * `lastTransitionTime` gets that of the first old condition of the same type and status that has
 * one, else now ("preserve existing lastTransitionTime if the condition with this type/status
 * already exists, otherwise set to now"). Without `now`, the timestamps that would be now are left out.
 */
function withTimestamps(conditions: JsonValue[], old: JsonValue[], now: string | undefined): JsonValue[] {
  return conditions.map((condition) => {
    if (!isJsonObject(condition)) return condition;
    let result = condition;
    if (isZeroTime(memberAt(condition, ['lastUpdateTime'])) && now !== undefined) result = withMember(result, ['lastUpdateTime'], now);
    if (isZeroTime(memberAt(condition, ['lastTransitionTime']))) {
      const same = old.find(
        (o) => memberAt(o, ['type']) === condition.type && memberAt(o, ['status']) === condition.status && !isZeroTime(memberAt(o, ['lastTransitionTime'])),
      );
      const time = same !== undefined ? memberAt(same, ['lastTransitionTime']) : now;
      if (time !== undefined) result = withMember(result, ['lastTransitionTime'], time);
    }
    return result;
  });
}

/** `metav1.Time.IsZero`: absent, null, or Go's zero time. */
function isZeroTime(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && Date.parse(value) === ZERO_TIME);
}

const ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

function conditionsOf(object: JsonObject | null): JsonValue[] {
  const conditions = memberAt(object, ['status', 'conditions']);
  return Array.isArray(conditions) ? conditions : [];
}

function indicesOf(conditions: readonly JsonValue[], type: string): number[] {
  const indices: number[] = [];
  conditions.forEach((condition, i) => {
    if (memberAt(condition, ['type']) === type) indices.push(i);
  });
  return indices;
}
