import { describe, expect, it } from 'vitest';
import { applyMergePatch, applyStrategicMergePatch, createJsonPatch, createPatchFor, isKubepatchError, schemaFor } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const deployment = (images: string[], replicas = 3) =>
  deepFreeze({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas, template: { spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } } },
  });
const rollout = (replicas: number, extra: object = {}) =>
  deepFreeze({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' }, spec: { replicas, ...extra } });

describe('createPatchFor', () => {
  it('builds a strategic merge patch for a built-in kind', () => {
    const live = deployment(['a:1', 'b:1']);
    const desired = deployment(['a:2', 'b:1']);
    const result = createPatchFor(live, desired);
    expect(result).toMatchObject({ type: 'strategic', contentType: 'application/strategic-merge-patch+json', empty: false });
    expectJsonEqual(applyStrategicMergePatch(live, result.patch, schemaFor(desired)!), desired);
  });

  it('builds a JSON merge patch for a custom resource', () => {
    const result = createPatchFor(rollout(3, { paused: true }), rollout(5));
    expect(result).toMatchObject({ type: 'merge', contentType: 'application/merge-patch+json', patch: { spec: { replicas: 5, paused: null } } });
    expect(result.reason).toMatch(/415/);
  });

  it('says when there is nothing to send', () => {
    expect(createPatchFor(rollout(3), rollout(3))).toMatchObject({ empty: true, patch: {} });
  });

  it('with lastApplied, computes what kubectl apply sends, with its preconditions for custom resources', () => {
    const lastApplied = rollout(3, { paused: true });
    const live = rollout(4, { paused: true, strategy: { canary: {} } });
    const result = createPatchFor(live, rollout(5), { lastApplied });
    expectJsonEqual(applyMergePatch(live, result.patch), rollout(5, { strategy: { canary: {} } }));
    try {
      createPatchFor(live, { ...rollout(5), metadata: { name: 'other' } }, { lastApplied });
      expect.unreachable();
    } catch (error) {
      expect(isKubepatchError(error, 'PRECONDITION_FAILED')).toBe(true);
    }
  });

  it('with lastApplied and overwrite: false, refuses to undo a change made on the live object', () => {
    const lastApplied = deployment(['a:1'], 3);
    const live = deployment(['a:1'], 5);
    expect(() => createPatchFor(live, deployment(['a:2'], 3), { lastApplied, overwrite: false })).toThrow(/\/spec\/replicas/);
  });
});

describe('schema arguments', () => {
  it('say what is wrong when schemaFor found nothing', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget' };
    expect(() => applyStrategicMergePatch({}, {}, schemaFor(widget)!)).toThrow(/schemaFor returns undefined for kinds it does not know/);
    expect(() => createJsonPatch({}, {}, { schema: 'x' as never })).toThrow(expect.objectContaining({ code: 'INVALID_SCHEMA' }));
  });
});
