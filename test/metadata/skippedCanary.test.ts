import { describe, expect, it } from 'vitest';
import { assertImmutableSelector, findImmutableFieldChanges, type JsonObject } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

/**
 * The counter-example: what Argo Rollouts before v1.9 checked on a Rollout update
 * (pkg/apis/rollouts/validation, ../shared/reference/argo-rollouts.md §2). It validates the new
 * object alone: a selector is present unless there is a workloadRef, it is not empty, and it
 * matches the template's labels. Nothing compares it with the old selector, so a change passes.
 */
function argoRollouts18Validation(rollout: JsonObject): string[] {
  const spec = rollout['spec'] as { selector?: { matchLabels?: Record<string, string> }; workloadRef?: unknown; template?: { metadata?: { labels?: Record<string, string> } } };
  const errors: string[] = [];
  if (spec.selector === undefined && spec.workloadRef === undefined) errors.push("Rollout has missing field '.spec.selector'");
  const matchLabels = spec.selector?.matchLabels ?? {};
  if (spec.selector !== undefined && Object.keys(matchLabels).length === 0) errors.push('empty selector is invalid for deployment');
  const labels = spec.template?.metadata?.labels ?? {};
  if (spec.template && Object.entries(matchLabels).some(([key, value]) => labels[key] !== value)) errors.push('`selector` does not match template `labels`');
  return errors;
}

const rollout = (matchLabels: Record<string, string>): JsonObject =>
  deepFreeze<JsonObject>({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'checkout' },
    spec: {
      replicas: 10,
      selector: { matchLabels },
      template: { metadata: { labels: { app: 'checkout', track: 'stable', version: 'v2' } }, spec: { containers: [{ name: 'app', image: 'checkout:2' }] } },
      strategy: { canary: { steps: [{ setWeight: 10 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: {} }] } },
    },
  });

describe('the Skipped-canary incident (argo-rollouts #1761, #2105, #4070)', () => {
  const live = rollout({ app: 'checkout' });
  const edited = rollout({ app: 'checkout', version: 'v2' });

  it('the pre-1.9 validation lets the selector change through: the old ReplicaSets are orphaned and all traffic moves at once', () => {
    expect(argoRollouts18Validation(edited)).toEqual([]);
  });

  it('kubepatch refuses it before it is sent, in the API server words of the v1.9 CRD rule', () => {
    expect(() => assertImmutableSelector(live, edited)).toThrow('.spec.selector is immutable');
    expect(findImmutableFieldChanges(live, edited).map((change) => change.field)).toEqual(['spec.selector']);
  });
});
