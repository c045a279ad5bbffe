import { fc, test } from '@fast-check/vitest';
import deepEqual from 'deep-equal';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { assertImmutableSelector, findImmutableFieldChanges, ImmutableFieldError, isKubepatchError } from 'kubepatch';

const ROLLOUT_MESSAGE = 'spec.selector: Invalid value: "object": .spec.selector is immutable';

const rollout = (selector: JsonObject | undefined, extra: JsonObject = {}): JsonObject =>
  deepFreeze<JsonObject>({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'checkout' },
    spec: {
      replicas: 5,
      ...(selector === undefined ? {} : { selector }),
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '10m' } }] } },
      ...extra,
    },
  });

function thrown(action: () => void): ImmutableFieldError {
  try {
    action();
  } catch (error) {
    if (isKubepatchError(error, 'IMMUTABLE_FIELD')) return error;
    throw error;
  }
  throw new Error('expected an ImmutableFieldError');
}

describe('assertImmutableSelector: the Skipped-canary incident (regression)', () => {
  // A Rollout's selector was edited (matchLabels gained a key). Before argo-rollouts v1.9 the API
  // server took it, the controller orphaned the ReplicaSets of the old selector, and the new
  // ReplicaSet went to 100% without the canary steps. The v1.9 CRD refuses the update.
  it('refuses a Rollout whose spec.selector.matchLabels changes, with the CRD rule message', () => {
    const live = rollout({ matchLabels: { app: 'checkout' } });
    const desired = rollout({ matchLabels: { app: 'checkout', version: 'v2' } });
    const error = thrown(() => assertImmutableSelector(live, desired));
    expect(error).toBeInstanceOf(ImmutableFieldError);
    expect(error.code).toBe('IMMUTABLE_FIELD');
    expect(error.path).toBe('/spec/selector');
    expect(error.message).toBe(`Rollout.argoproj.io "checkout" is invalid: ${ROLLOUT_MESSAGE}`);
    expect(error.changes).toEqual([
      {
        path: '/spec/selector',
        field: 'spec.selector',
        old: { matchLabels: { app: 'checkout' } },
        new: { matchLabels: { app: 'checkout', version: 'v2' } },
        message: ROLLOUT_MESSAGE,
      },
    ]);
    expect(error.changes[0]?.message).toContain('.spec.selector is immutable');
  });

  it('accepts a selector added to a Rollout that had none (a workloadRef Rollout)', () => {
    const workloadRef = { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' } };
    expect(() => assertImmutableSelector(rollout(undefined, workloadRef), rollout({ matchLabels: { app: 'checkout' } }, workloadRef))).not.toThrow();
    expect(() => assertImmutableSelector(rollout({ matchLabels: { app: 'checkout' } }), rollout(undefined))).not.toThrow();
    expect(() => assertImmutableSelector(rollout(undefined), { ...rollout(undefined), spec: { selector: null } })).not.toThrow();
  });

  it('counts a reordered matchExpressions (an atomic list) as a change, but not other spec changes', () => {
    const a = { key: 'app', operator: 'In', values: ['checkout'] };
    const b = { key: 'tier', operator: 'Exists' };
    expect(() => assertImmutableSelector(rollout({ matchExpressions: [a, b] }), rollout({ matchExpressions: [b, a] }))).toThrow(ImmutableFieldError);
    const live = rollout({ matchLabels: { app: 'checkout' } });
    expect(() => assertImmutableSelector(live, rollout({ matchLabels: { app: 'checkout' } }, { replicas: 10, paused: true }))).not.toThrow();
  });
});

describe('assertImmutableSelector for built-in kinds', () => {
  const deployment = (selector: JsonObject | null, kind = 'Deployment', apiVersion = 'apps/v1'): JsonObject =>
    deepFreeze({ apiVersion, kind, metadata: { name: 'web' }, spec: { selector, template: { metadata: { labels: { app: 'web' } } } } });

  it('uses the apps/v1 wording, and treats a selector added where there was none as a change', () => {
    for (const kind of ['Deployment', 'ReplicaSet', 'DaemonSet']) {
      const error = thrown(() => assertImmutableSelector(deployment({ matchLabels: { app: 'web' } }, kind), deployment({ matchLabels: { app: 'api' } }, kind)));
      expect(error.message).toBe(`${kind}.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"api"}}: field is immutable`);
    }
    expect(() => assertImmutableSelector(deployment(null), deployment({ matchLabels: { app: 'web' } }))).toThrow(
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"}}: field is immutable',
    );
  });

  it("uses StatefulSet's forbidden-fields message, and Job's", () => {
    expect(() => assertImmutableSelector(deployment({ matchLabels: { a: '1' } }, 'StatefulSet'), deployment({ matchLabels: { a: '2' } }, 'StatefulSet'))).toThrow(
      /^StatefulSet\.apps "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', /,
    );
    expect(() => assertImmutableSelector(deployment({ matchLabels: { a: '1' } }, 'Job', 'batch/v1'), deployment({ matchLabels: { a: '2' } }, 'Job', 'batch/v1'))).toThrow(
      'Job.batch "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"a":"2"}}: field is immutable',
    );
  });

  it('ignores other immutable fields, kinds whose selector may change, and unchanged selectors', () => {
    const old = deployment({ matchLabels: { app: 'web' } });
    expect(() => assertImmutableSelector(old, { ...old, metadata: { name: 'renamed' } })).not.toThrow();
    expect(findImmutableFieldChanges(old, { ...old, metadata: { name: 'renamed' } })).toHaveLength(1);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' } } };
    expect(() => assertImmutableSelector(deepFreeze(service), deepFreeze({ ...service, spec: { selector: { app: 'api' } } }))).not.toThrow();
    expect(() => assertImmutableSelector(old, deployment({ matchLabels: { app: 'web' }, matchExpressions: [] }))).not.toThrow();
  });
});

describe('assertImmutableSelector properties', () => {
  const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'track'), fc.constantFrom('a', 'b'), { maxKeys: 3, noNullPrototype: true });
  const requirement = fc.record(
    { key: fc.constantFrom('app', 'tier'), operator: fc.constantFrom('In', 'Exists'), values: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }) },
    { noNullPrototype: true },
  );
  const selector = fc.option(fc.record({ matchLabels: labels, matchExpressions: fc.array(requirement, { maxLength: 2 }) }, { requiredKeys: [], noNullPrototype: true }), { nil: undefined });

  test.prop([selector, selector])('a Rollout update is refused exactly when both selectors exist and differ', (a, b) => {
    const refused = a !== undefined && b !== undefined && !deepEqual(a, b, { strict: true });
    const run = () => assertImmutableSelector(rollout(a), rollout(b));
    if (refused) expect(run).toThrow(ImmutableFieldError);
    else expect(run).not.toThrow();
  });

  test.prop([selector])('a selector compared with itself is never refused', (a) => {
    const deploymentWith = (s: JsonObject | undefined) => deepFreeze({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: s ?? null } });
    expect(() => assertImmutableSelector(deploymentWith(a), deploymentWith(structuredClone(a)))).not.toThrow();
    expect(() => assertImmutableSelector(rollout(a), rollout(structuredClone(a)))).not.toThrow();
  });
});
