import { describe, expect, it } from 'vitest';
import {
  annotationKeys,
  applyMergePatch,
  applyStrategicMergePatch,
  buildFallbackPatch,
  createStrategicMergePatch,
  isKubepatchError,
  schemaFor,
  type JsonObject,
} from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

type ReplicaSet = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; resourceVersion?: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> } } };
};

const replicaSetSchema = schemaFor('apps/v1', 'ReplicaSet')!;
const DEADLINE = 'scale-down-deadline';

function replicaSet(annotations: Record<string, string>, replicas = 3, extra: Partial<ReplicaSet['metadata']> = {}): ReplicaSet {
  return deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-6d4b', labels: { app: 'web', 'rollouts-pod-template-hash': '6d4b' }, annotations, ...extra },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'rollouts-pod-template-hash': '6d4b' } },
      template: { metadata: { labels: { app: 'web', 'rollouts-pod-template-hash': '6d4b' } } },
    },
  });
}

/**
 * The counter-example: a faithful copy of Argo Rollouts v1.7.1's `updateReplicaSetFallbackToPatch`
 * (rollout/controller.go), as ../shared/reference/argo-rollouts.md §1 describes it. It copies a few
 * fields of the desired ReplicaSet into an empty one and sends the strategic two-way patch from
 * an empty ReplicaSet to it, so it can only add, never delete; and it reads the deadline from the
 * labels.
 */
function argoRollouts171FallbackPatch(rs: ReplicaSet): JsonObject {
  const prefixes = ['rollout.argoproj.io', 'argo-rollouts.argoproj.io', 'experiment.argoproj.io'];
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  if ('rollouts-pod-template-hash' in rs.metadata.labels) labels['rollouts-pod-template-hash'] = rs.metadata.labels['rollouts-pod-template-hash']!;
  // The bug: `rs.Labels[...]` where `rs.Annotations[...]` was meant. No RS has such a label: "".
  if (DEADLINE in rs.metadata.annotations) annotations[DEADLINE] = rs.metadata.labels[DEADLINE] ?? '';
  for (const [key, value] of Object.entries(rs.metadata.labels)) if (prefixes.some((p) => key.startsWith(p))) labels[key] = value;
  for (const [key, value] of Object.entries(rs.metadata.annotations)) if (prefixes.some((p) => key.startsWith(p))) annotations[key] = value;
  const patchRS = {
    metadata: { ...(Object.keys(labels).length ? { labels } : {}), ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { replicas: rs.spec.replicas, selector: { matchLabels: { 'rollouts-pod-template-hash': rs.spec.selector.matchLabels['rollouts-pod-template-hash']! } }, template: rs.spec.template },
  };
  return createStrategicMergePatch({}, patchRS, replicaSetSchema);
}

describe('buildFallbackPatch: the lost scale-down deadline (Argo Rollouts 1.7.0/1.7.1, issues #3762, #3836)', () => {
  // The controller wants the old ReplicaSet scaled down at a deadline; the update hit a 409.
  const live = replicaSet({ 'rollout.argoproj.io/revision': '3', team: 'payments' }, 3, { resourceVersion: '41' });
  const desired = replicaSet({ 'rollout.argoproj.io/revision': '3', [DEADLINE]: '2026-11-23T10:30:00Z' }, 3);

  it('the buggy fallback writes an empty deadline, so the ReplicaSet is never scaled down', () => {
    const patched = applyStrategicMergePatch(live, argoRollouts171FallbackPatch(desired), replicaSetSchema) as ReplicaSet;
    expect(patched.metadata.annotations[DEADLINE]).toBe('');
  });

  it('the buggy fallback leaves the other annotations out of the patch, and so deletes none of them', () => {
    const patch = argoRollouts171FallbackPatch(desired);
    expect((patch.metadata as JsonObject).annotations).toEqual({ 'rollout.argoproj.io/revision': '3', [DEADLINE]: '' });
    const patched = applyStrategicMergePatch(live, patch, replicaSetSchema) as ReplicaSet;
    expect(patched.metadata.annotations).toEqual({ 'rollout.argoproj.io/revision': '3', team: 'payments', [DEADLINE]: '' });
  });

  it('the fallback patch carries the deadline from the annotations', () => {
    const { patch, type, contentType } = buildFallbackPatch(desired, live);
    expect({ type, contentType }).toEqual({ type: 'merge', contentType: 'application/merge-patch+json' });
    expect(patch).toEqual({ metadata: { annotations: { [DEADLINE]: '2026-11-23T10:30:00Z' } } });
    const patched = applyMergePatch(live, patch) as ReplicaSet;
    expect(patched.metadata.annotations).toEqual({ 'rollout.argoproj.io/revision': '3', team: 'payments', [DEADLINE]: '2026-11-23T10:30:00Z' });
  });

  it('deletes an owned key that the desired object dropped; the buggy fallback cannot', () => {
    const withDeadline = replicaSet({ 'rollout.argoproj.io/revision': '3', [DEADLINE]: '2026-11-23T10:30:00Z', team: 'payments' }, 3);
    const scaledDown = replicaSet({ 'rollout.argoproj.io/revision': '3' }, 0);
    const buggy = applyStrategicMergePatch(withDeadline, argoRollouts171FallbackPatch(scaledDown), replicaSetSchema) as ReplicaSet;
    expect(buggy.metadata.annotations[DEADLINE]).toBe('2026-11-23T10:30:00Z');
    const { patch } = buildFallbackPatch(scaledDown, withDeadline);
    expect(patch).toEqual({ metadata: { annotations: { [DEADLINE]: null } }, spec: { replicas: 0 } });
    const fixed = applyMergePatch(withDeadline, patch) as ReplicaSet;
    expect(fixed.metadata.annotations).toEqual({ 'rollout.argoproj.io/revision': '3', team: 'payments' });
    expect(fixed.spec.replicas).toBe(0);
  });

  it('never touches keys the caller does not own', () => {
    const { patch } = buildFallbackPatch(replicaSet({}, 3), live);
    expect(patch).toEqual({ metadata: { annotations: { 'rollout.argoproj.io/revision': null } } });
  });

  it('patches the pod template labels and annotations whole, with deletions', () => {
    const before = { ...live, spec: { ...live.spec, template: { metadata: { labels: { app: 'web', old: 'x' }, annotations: { a: '1' } } } } };
    const after = { ...desired, spec: { ...desired.spec, template: { metadata: { labels: { app: 'web' }, annotations: { a: '2' } } } } };
    expect(buildFallbackPatch(after, before).patch.spec).toEqual({ template: { metadata: { labels: { old: null }, annotations: { a: '2' } } } });
  });

  it('adds a resourceVersion precondition on request', () => {
    expect(buildFallbackPatch(desired, live, { resourceVersion: true }).patch.metadata).toMatchObject({ resourceVersion: '41' });
    expect(buildFallbackPatch(desired, live, { resourceVersion: '99' }).patch.metadata).toMatchObject({ resourceVersion: '99' });
    const nothingToDo = buildFallbackPatch(live, live, { resourceVersion: true });
    expect(nothingToDo.empty).toBe(true);
  });

  it('builds a strategic merge patch on request, for built-in kinds only', () => {
    const result = buildFallbackPatch(desired, live, { type: 'strategic' });
    expect(result.contentType).toBe('application/strategic-merge-patch+json');
    expectJsonEqual(applyStrategicMergePatch(live, result.patch, replicaSetSchema), applyMergePatch(live, result.patch));
    const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' } };
    try {
      buildFallbackPatch(rollout, rollout, { type: 'strategic' });
      expect.unreachable();
    } catch (error) {
      expect(isKubepatchError(error, 'INVALID_PATCH')).toBe(true);
    }
  });

  it('takes caller-owned keys', () => {
    const ownsTeam = annotationKeys({ exact: ['team'] });
    expect(buildFallbackPatch(replicaSet({ team: 'search' }), live, { annotations: ownsTeam }).patch).toEqual({ metadata: { annotations: { team: 'search' } } });
  });
});
