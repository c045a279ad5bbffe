import { createStrategicMergePatch, schemaFor, type JsonObject } from 'kubepatch';

/** The metadata prefixes the Argo Rollouts 1.7 fallback copied (rollout/controller.go, v1.7.1). */
const COPIED_PREFIXES = ['rollout.argoproj.io', 'argo-rollouts.argoproj.io', 'experiment.argoproj.io'];
const HASH = 'rollouts-pod-template-hash';
const DEADLINE = 'scale-down-deadline';

type StringMap = Record<string, string>;

interface ReplicaSetShape {
  metadata: { labels?: StringMap; annotations?: StringMap };
  spec: { replicas?: number; selector: { matchLabels?: StringMap }; template: JsonObject };
}

/**
 * The counter-example of the lost scale-down deadline: the patch Argo Rollouts 1.7.0/1.7.1's
 * `updateReplicaSetFallbackToPatch` sent after a 409, rebuilt from the behaviour
 * ../shared/reference/argo-rollouts.md §1 describes. It copies a few fields of the desired
 * ReplicaSet into an empty one and diffs the empty ReplicaSet against it (so it can add keys,
 * never delete one), and it reads the deadline from the labels, where no ReplicaSet has it: the
 * value is always `""`. Sent as a strategic merge patch.
 */
export function argoRollouts171FallbackPatch(desired: JsonObject): JsonObject {
  const rs = desired as unknown as ReplicaSetShape;
  const labels = rs.metadata.labels ?? {};
  const annotations = rs.metadata.annotations ?? {};
  const copiedLabels: StringMap = {};
  const copiedAnnotations: StringMap = {};
  if (HASH in labels) copiedLabels[HASH] = labels[HASH]!;
  // The bug: the deadline is looked up in the labels instead of the annotations.
  if (DEADLINE in annotations) copiedAnnotations[DEADLINE] = labels[DEADLINE] ?? '';
  for (const [key, value] of Object.entries(labels)) if (COPIED_PREFIXES.some((p) => key.startsWith(p))) copiedLabels[key] = value;
  for (const [key, value] of Object.entries(annotations)) if (COPIED_PREFIXES.some((p) => key.startsWith(p))) copiedAnnotations[key] = value;
  const metadata: JsonObject = {};
  if (Object.keys(copiedLabels).length > 0) metadata['labels'] = copiedLabels;
  if (Object.keys(copiedAnnotations).length > 0) metadata['annotations'] = copiedAnnotations;
  const hash = rs.spec.selector.matchLabels?.[HASH];
  const patchRS: JsonObject = {
    metadata,
    spec: {
      ...(rs.spec.replicas === undefined ? {} : { replicas: rs.spec.replicas }),
      selector: { matchLabels: hash === undefined ? {} : { [HASH]: hash } },
      template: rs.spec.template,
    },
  };
  return createStrategicMergePatch({}, patchRS, schemaFor('apps/v1', 'ReplicaSet')!);
}
