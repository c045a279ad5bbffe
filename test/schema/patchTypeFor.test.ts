import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, PATCH_CONTENT_TYPES, patchTypeFor, type PatchType, type TypeMeta } from 'kubepatch';

describe('patchTypeFor', () => {
  it('sends a strategic merge patch for built-in kinds', () => {
    for (const object of [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
      { apiVersion: 'v1', kind: 'Pod' },
      { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' },
    ]) {
      const choice = patchTypeFor(object);
      expect(choice.type).toBe('strategic');
      expect(choice.contentType).toBe('application/strategic-merge-patch+json');
      expect(choice.reason).toMatch(/built-in/);
    }
    expect(patchTypeFor('v1', 'ConfigMap').type).toBe('strategic');
  });

  it('sends a JSON merge patch for custom resources, which refuse strategic merge patch with 415', () => {
    const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' } };
    const choice = patchTypeFor(rollout);
    expect(choice).toEqual({
      type: 'merge',
      contentType: 'application/merge-patch+json',
      reason: expect.stringContaining('argoproj.io/v1alpha1 Rollout') as string,
    });
    expect(choice.reason).toMatch(/415 Unsupported Media Type/);
    expect(patchTypeFor({ group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout' }).type).toBe('merge');
    expect(patchTypeFor('apps/v1', 'NoSuchKind').type).toBe('merge');
  });

  it('refuses an object that does not say what it is', () => {
    expect(() => patchTypeFor({ kind: 'Pod' } as unknown as TypeMeta)).toThrow(InvalidDocumentError);
    expect(() => patchTypeFor({ apiVersion: 'v1' } as unknown as TypeMeta)).toThrow(/apiVersion and kind/);
  });

  it('exports the content type of every patch format', () => {
    expect(PATCH_CONTENT_TYPES).toEqual({
      json: 'application/json-patch+json',
      merge: 'application/merge-patch+json',
      strategic: 'application/strategic-merge-patch+json',
      apply: 'application/apply-patch+yaml',
    });
    expect(Object.isFrozen(PATCH_CONTENT_TYPES)).toBe(true);
    const types: PatchType[] = ['json', 'merge', 'strategic', 'apply'];
    expect(types.map((type) => PATCH_CONTENT_TYPES[type])).toHaveLength(4);
  });
});
