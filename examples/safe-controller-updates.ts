/**
 * The two Argo Rollouts incidents, and the safe way with kubepatch: run with
 * `npx tsx examples/safe-controller-updates.ts` (the test suite runs it too).
 *
 * 1. Lost scale-down deadline: after a 409 on a ReplicaSet update, a hand-built fallback patch
 *    read `scale-down-deadline` from the labels and wrote "". buildFallbackPatch reads it from
 *    the annotations, deletes what you removed, and touches nothing you do not own.
 * 2. Skipped canary: a changed Rollout selector orphaned the old ReplicaSets and moved all traffic
 *    at once. assertImmutableSelector refuses the change before it is sent.
 */
import { applyMergePatch, assertImmutableSelector, buildFallbackPatch, isKubepatchError, preserveAnnotations, ARGO_ROLLOUTS_OWNED_ANNOTATIONS } from '../src/index.js';

const heading = (title: string): void => console.log(`\n== ${title}`);
const show = (label: string, value: unknown): void => console.log(`${label}: ${JSON.stringify(value)}`);

// ---- 1. The lost scale-down deadline -------------------------------------------------------
heading('1. A ReplicaSet update hit 409: the fallback patch');
const live = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'checkout-6d4b',
    resourceVersion: '4812',
    labels: { app: 'checkout', 'rollouts-pod-template-hash': '6d4b' },
    annotations: { 'rollout.argoproj.io/revision': '3', 'team.example.com/owner': 'payments' },
  },
  spec: { replicas: 3 },
};
// What the controller wanted to write: scale down at a deadline.
const desired = {
  ...live,
  metadata: { ...live.metadata, annotations: { 'rollout.argoproj.io/revision': '3', 'scale-down-deadline': '2026-11-23T10:30:00Z' } },
};

const fallback = buildFallbackPatch(desired, live, { resourceVersion: true });
show('patch', fallback.patch);
show('send with Content-Type', fallback.contentType);
const stored = applyMergePatch(live, fallback.patch) as { metadata: { annotations: Record<string, string> } };
show('annotations after the patch', stored.metadata.annotations);
if (stored.metadata.annotations['scale-down-deadline'] !== '2026-11-23T10:30:00Z') throw new Error('the deadline was lost');
if (stored.metadata.annotations['team.example.com/owner'] !== 'payments') throw new Error('a key we do not own was touched');

heading('1b. The scale-down finished: the deadline goes away');
const scaledDown = { ...desired, metadata: { ...desired.metadata, annotations: { 'rollout.argoproj.io/revision': '3' } }, spec: { replicas: 0 } };
show('patch', buildFallbackPatch(scaledDown, stored).patch);

heading('1c. Carrying annotations over to a new object: from the annotations, never ""');
const next = preserveAnnotations(stored, { metadata: { name: 'checkout-6d4b', annotations: {} } }, ARGO_ROLLOUTS_OWNED_ANNOTATIONS);
show('annotations', next.metadata.annotations);

// ---- 2. The skipped canary -----------------------------------------------------------------
heading('2. Someone edits the Rollout selector');
const rollout = (matchLabels: Record<string, string>) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'checkout' },
  spec: { selector: { matchLabels }, strategy: { canary: { steps: [{ setWeight: 10 }, { pause: { duration: '10m' } }] } } },
});
try {
  assertImmutableSelector(rollout({ app: 'checkout' }), rollout({ app: 'checkout', version: 'v2' }));
  throw new Error('the selector change was not refused');
} catch (error) {
  if (!isKubepatchError(error, 'IMMUTABLE_FIELD')) throw error;
  console.log(`refused before sending (${error.code} at ${error.path}):`);
  console.log(`  ${error.message}`);
  console.log('  keep the old selector, or create a new Rollout: changing it would skip every canary step.');
}
