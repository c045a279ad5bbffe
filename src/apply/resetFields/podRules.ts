import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { memberAt, restoreMember, withMember } from './memberPath.js';
import { podQosClass } from './podQosClass.js';
import type { SpecialRuleContext } from './ResetRules.js';
import { OBJECT_META_FOR_STATUS } from './ruleBuilders.js';

// Pod rules of k8s.io/kubernetes v1.33.13 pkg/registry/core/pod/strategy.go.

/**
 * `podStrategy.PrepareForCreate`: `pod.Status = api.PodStatus{Phase: api.PodPending, QOSClass:
 * qos.GetPodQOS(pod)}` (GetPodQOS returns the written `status.qosClass` when there is one, and
 * computes it otherwise), then `applySchedulingGatedCondition`: with scheduling gates, a
 * `PodScheduled` condition, status `False`, reason `SchedulingGated`, "Scheduling is blocked due
 * to non-empty scheduling gates", `lastTransitionTime` now (set only when `now` is given).
 */
export function podCreateStatus({ object, now }: SpecialRuleContext): JsonObject {
  const written = memberAt(object, ['status', 'qosClass']);
  const qosClass = typeof written === 'string' && written !== '' ? written : podQosClass(object);
  const status: JsonObject = { phase: 'Pending' };
  const gates = memberAt(object, ['spec', 'schedulingGates']);
  if (Array.isArray(gates) && gates.length > 0) {
    const condition: JsonObject = { type: 'PodScheduled', status: 'False', lastProbeTime: null };
    if (now !== undefined) condition.lastTransitionTime = now;
    condition.reason = 'SchedulingGated';
    condition.message = 'Scheduling is blocked due to non-empty scheduling gates';
    status.conditions = [condition];
  }
  status.qosClass = qosClass;
  return withMember(object, ['status'], status);
}

/**
 * `podStatusStrategy.PrepareForUpdate`: "the Pod QoS is immutable and populated at creation time
 * by the kube-apiserver. we need to backfill it for backward compatibility":
 * `if newPod.Status.QOSClass == "" { newPod.Status.QOSClass = oldPod.Status.QOSClass }`.
 */
export function podStatusQosClass({ object, live }: SpecialRuleContext): JsonObject {
  const written = memberAt(object, ['status', 'qosClass']);
  if (written !== undefined && written !== null && written !== '') return object;
  return restoreMember(object, live, ['status', 'qosClass']);
}

/**
 * `podResizeStrategy.PrepareForUpdate` (`dropNonResizeUpdates`): "Containers are not allowed to
 * be added, removed, re-ordered, or renamed. If we detect any of these changes, we will return
 * new podspec as-is and allow the validation to catch the error". Otherwise the old spec with
 * each container's `resources` and `resizePolicy` as written (init containers too:
 * SidecarContainers is GA in 1.33), the old status, and `ResetObjectMetaForStatus`.
 */
export function podResize({ object, live }: SpecialRuleContext): JsonObject {
  const containers = memberAt(object, ['spec', 'containers']);
  const initContainers = memberAt(object, ['spec', 'initContainers']);
  if (length(containers) !== length(memberAt(live, ['spec', 'containers']))) return object;
  if (length(initContainers) !== length(memberAt(live, ['spec', 'initContainers']))) return object;
  let result = withMember(object, ['spec'], withResources(memberAt(live, ['spec']), containers, initContainers));
  result = restoreMember(result, live, ['status']);
  for (const name of OBJECT_META_FOR_STATUS) result = restoreMember(result, live, ['metadata', name]);
  return result;
}

/** The old spec with `containers` and `initContainers` merged as `dropNonResizeUpdatesForContainers` does. */
function withResources(oldSpec: JsonValue | undefined, containers: JsonValue | undefined, initContainers: JsonValue | undefined): JsonObject {
  let spec: JsonObject = isJsonObject(oldSpec) ? oldSpec : {};
  spec = withMember(spec, ['containers'], mergeResources(containers, getOwn(spec, 'containers')));
  return withMember(spec, ['initContainers'], mergeResources(initContainers, getOwn(spec, 'initContainers')));
}

/**
 * `dropNonResizeUpdatesForContainers(new, old)`: `new` when empty or when a container's name
 * differs ("an attempt to reorder or rename a container"), else the old containers with
 * `Resources` and `ResizePolicy` from the new ones.
 */
function mergeResources(written: JsonValue | undefined, old: JsonValue | undefined): JsonValue | undefined {
  if (!Array.isArray(written) || written.length === 0 || !Array.isArray(old)) return written;
  const merged: JsonValue[] = [];
  for (let i = 0; i < written.length; i++) {
    if (memberAt(written[i], ['name']) !== memberAt(old[i], ['name'])) return written;
    let container = isJsonObject(old[i]) ? (old[i] as JsonObject) : {};
    container = withMember(container, ['resources'], memberAt(written[i], ['resources']));
    merged.push(withMember(container, ['resizePolicy'], memberAt(written[i], ['resizePolicy'])));
  }
  return merged;
}

function length(list: JsonValue | undefined): number {
  return Array.isArray(list) ? list.length : 0;
}
