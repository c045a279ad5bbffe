import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { memberAt, withMember } from './memberPath.js';
import type { SpecialRuleContext } from './ResetRules.js';

/**
 * `namespaceStrategy.PrepareForCreate` (pkg/registry/core/namespace/strategy.go): "on create,
 * status is active" (`Status = api.NamespaceStatus{Phase: api.NamespaceActive}`), and "on
 * create, we require the kubernetes value": `kubernetes` appended to `spec.finalizers` unless there.
 */
export function namespaceCreate({ object }: SpecialRuleContext): JsonObject {
  const result = withMember(object, ['status'], { phase: 'Active' });
  const finalizers = memberAt(result, ['spec', 'finalizers']);
  const list = Array.isArray(finalizers) ? finalizers : [];
  return list.includes('kubernetes') ? result : withMember(result, ['spec', 'finalizers'], [...list, 'kubernetes']);
}

/**
 * `nodeStrategy.PrepareForCreate` → `dropDisabledFields(node, nil)` (pkg/registry/core/node/strategy.go):
 * "Nodes allow *all* fields, including status, to be set on create", but `Spec.ConfigSource` and
 * `Status.Config` are dropped.
 */
export function nodeCreate({ object }: SpecialRuleContext): JsonObject {
  return withMember(withMember(object, ['spec', 'configSource'], undefined), ['status', 'config'], undefined);
}

/** `dropDisabledFields(node, oldNode)` on update: `Spec.ConfigSource` dropped unless the old node has one (`nodeConfigSourceInUse`). */
export function nodeConfigSource({ object, live }: SpecialRuleContext): JsonObject {
  return present(memberAt(live, ['spec', 'configSource'])) ? object : withMember(object, ['spec', 'configSource'], undefined);
}

/** `nodeStatusStrategy.PrepareForUpdate`: `if !nodeStatusConfigInUse(oldNode) { newNode.Status.Config = nil }`. */
export function nodeStatusConfig({ object, live }: SpecialRuleContext): JsonObject {
  return present(memberAt(live, ['status', 'config'])) ? object : withMember(object, ['status', 'config'], undefined);
}

/**
 * `persistentvolumeStrategy.PrepareForCreate` (pkg/registry/core/persistentvolume/strategy.go):
 * status cleared, `Phase = api.VolumePending`, `LastPhaseTransitionTime = now` (only when `now` is given).
 */
export function persistentVolumeCreateStatus({ object, now }: SpecialRuleContext): JsonObject {
  return withMember(object, ['status'], now === undefined ? { phase: 'Pending' } : { phase: 'Pending', lastPhaseTransitionTime: now });
}

/**
 * `persistentvolumeStatusStrategy.PrepareForUpdate`: "phase didn't change, preserve the existing
 * transition time if set"; "phase changed and client didn't set or didn't change the transition
 * time": now (left out when `now` is not given).
 */
export function persistentVolumePhaseTransition({ object, live, now }: SpecialRuleContext): JsonObject {
  const phase = memberAt(object, ['status', 'phase']) ?? '';
  const oldPhase = memberAt(live, ['status', 'phase']) ?? '';
  const time = memberAt(object, ['status', 'lastPhaseTransitionTime']);
  const oldTime = memberAt(live, ['status', 'lastPhaseTransitionTime']);
  if (phase === oldPhase && !present(time)) return withMember(object, ['status', 'lastPhaseTransitionTime'], present(oldTime) ? oldTime : undefined);
  if (phase !== oldPhase && (!present(time) || sameTime(time, oldTime))) return withMember(object, ['status', 'lastPhaseTransitionTime'], now);
  return object;
}

/**
 * CustomResourceDefinition `strategy.PrepareForCreate` and `PrepareForUpdate`
 * (k8s.io/apiextensions-apiserver pkg/registry/customresourcedefinition/strategy.go): the first
 * version with `storage: true` is appended to `status.storedVersions` unless listed
 * (`apiextensions.IsStoredVersion`). A v1beta1 CRD with only `spec.version` has that version as its storage version.
 */
export function crdStoredVersions({ object }: SpecialRuleContext): JsonObject {
  const versions = memberAt(object, ['spec', 'versions']);
  const single = memberAt(object, ['spec', 'version']);
  const storage = Array.isArray(versions) && versions.length > 0 ? versions.find((v) => memberAt(v, ['storage']) === true) : { name: single ?? null };
  const name = memberAt(storage, ['name']);
  if (typeof name !== 'string' || name === '') return object;
  const stored = memberAt(object, ['status', 'storedVersions']);
  const list = Array.isArray(stored) ? stored : [];
  return list.includes(name) ? object : withMember(object, ['status', 'storedVersions'], [...list, name]);
}

/**
 * APIService `PrepareForCreate` (k8s.io/kube-aggregator pkg/registry/apiservice/strategy.go):
 * "mark local API services as immediately available on create": without `spec.service`, the
 * condition `Available` `True`, reason `Local`, "Local APIServices are always available",
 * `lastTransitionTime` now (only when `now` is given). The status was cleared just before.
 */
export function apiServiceCreate({ object, now }: SpecialRuleContext): JsonObject {
  if (present(memberAt(object, ['spec', 'service']))) return object;
  const condition: JsonObject = { type: 'Available', status: 'True' };
  if (now !== undefined) condition.lastTransitionTime = now;
  condition.reason = 'Local';
  condition.message = 'Local APIServices are always available';
  return withMember(object, ['status', 'conditions'], [condition]);
}

/** A Go pointer that is not nil: present and not `null`. */
function present(value: JsonValue | undefined): value is Exclude<JsonValue, null> {
  return value !== undefined && value !== null;
}

/** `metav1.Time.Equal` on two serialized times (both absent counts as equal). */
function sameTime(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (!present(a) || !present(b)) return !present(a) && !present(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const left = Date.parse(a);
    const right = Date.parse(b);
    if (!Number.isNaN(left) && !Number.isNaN(right)) return left === right;
  }
  return a === b;
}
