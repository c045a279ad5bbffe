import { describe, expect, it } from 'vitest';
import {
  applyMergePatch,
  createMergePatch,
  createThreeWayMergePatch,
  findPatchConflicts,
  InvalidDocumentError,
  PreconditionFailedError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

describe('applyMergePatch', () => {
  it('merges maps, replaces lists and deletes with null', () => {
    const live = deepFreeze({ metadata: { labels: { app: 'web', tier: 'front' } }, spec: { ports: [80, 443] } });
    expect(applyMergePatch(live, { metadata: { labels: { tier: null, track: 'canary' } }, spec: { ports: [8080] } })).toEqual({
      metadata: { labels: { app: 'web', track: 'canary' } },
      spec: { ports: [8080] },
    });
  });

  it('follows Go (evanphx/json-patch v4) on nulls inside arrays by default, RFC 7386 on request', () => {
    const patch = deepFreeze({ ports: [{ name: null, port: 80 }, null] });
    expect(applyMergePatch({}, patch)).toEqual({ ports: [{ port: 80 }, null] });
    expect(applyMergePatch({ ports: { name: 'x' } }, patch)).toEqual({ ports: [{ name: null, port: 80 }, null] });
    expect(applyMergePatch({}, patch, { semantics: 'rfc7386' })).toEqual({ ports: [{ name: null, port: 80 }, null] });
    expect(applyMergePatch({ a: 1 }, [{ b: null }])).toEqual([{}]);
    expect(applyMergePatch({ a: 1 }, [{ b: null }], { semantics: 'rfc7386' })).toEqual([{ b: null }]);
  });

  it('shares nothing with its inputs', () => {
    const patch = deepFreeze({ a: { b: [1] } });
    const result = applyMergePatch({}, patch) as { a: { b: number[] } };
    expect(result.a).not.toBe(patch.a);
    expect(result.a.b).not.toBe(patch.a.b);
  });
});

describe('createMergePatch', () => {
  it('gives {} when two objects are equal', () => {
    expect(createMergePatch({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual({});
  });

  it('sets new and changed members, nulls removed ones, and sends changed arrays whole', () => {
    expect(createMergePatch({ spec: { replicas: 3, paused: true, args: ['a', 'b'] } }, { spec: { replicas: 5, args: ['a'] } })).toEqual({
      spec: { replicas: 5, paused: null, args: ['a'] },
    });
  });

  it('returns `to` when either side is not an object', () => {
    expect(createMergePatch([1], [1])).toEqual([1]);
    expect(createMergePatch({ a: 1 }, 'x')).toBe('x');
  });

  it('cannot express a null value: a member set to null is removed', () => {
    expect(applyMergePatch({ a: 1 }, createMergePatch({ a: 1 }, { a: null }))).toEqual({});
  });
});

describe('createThreeWayMergePatch', () => {
  const lastApplied = deepFreeze({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' }, spec: { replicas: 3, paused: true } });
  const live = deepFreeze({ ...lastApplied, spec: { replicas: 4, paused: true, strategy: { canary: {} } }, status: { phase: 'Healthy' } });

  it('deletes what you removed, sets what you changed, and keeps what others added', () => {
    const modified = { ...lastApplied, spec: { replicas: 5 } };
    const patch = createThreeWayMergePatch(lastApplied, modified, live);
    expect(patch).toEqual({ spec: { paused: null, replicas: 5 } });
    expect(applyMergePatch(live, patch)).toEqual({ ...lastApplied, spec: { replicas: 5, strategy: { canary: {} } }, status: { phase: 'Healthy' } });
  });

  it('treats a missing original as {}', () => {
    expect(createThreeWayMergePatch(undefined, { a: 1 }, { b: 2 })).toEqual({ a: 1 });
    expect(createThreeWayMergePatch(null, { a: 1 }, { a: 1 })).toEqual({});
  });

  it('runs preconditions on the finished patch, as kubectl apply does for custom resources', () => {
    const preconditions = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
    expect(createThreeWayMergePatch(lastApplied, { ...lastApplied, spec: { replicas: 1 } }, live, { preconditions })).toEqual({
      spec: { paused: null, replicas: 1 },
    });
    const renamed = { ...lastApplied, metadata: { name: 'web-2' } };
    expect(() => createThreeWayMergePatch(lastApplied, renamed, live, { preconditions })).toThrow(
      expect.objectContaining({ code: 'PRECONDITION_FAILED', path: '/metadata/name', patch: expect.objectContaining({ metadata: { name: 'web-2' } }) }),
    );
    expect(() => createThreeWayMergePatch(lastApplied, { ...lastApplied, kind: 'Deployment' }, live, { preconditions })).toThrow(PreconditionFailedError);
  });

  it('needs objects', () => {
    expect(() => createThreeWayMergePatch({}, [] as never, {})).toThrow(InvalidDocumentError);
    expect(() => createThreeWayMergePatch({}, {}, 'x' as never)).toThrow(/current: a three-way merge patch needs JSON objects/);
  });
});

describe('findPatchConflicts', () => {
  it('lists every conflicting path', () => {
    expect(findPatchConflicts({ a: { x: 1, y: [1, 2] }, b: 1, c: 1 }, { a: { x: 2, y: [1, 3] }, b: 1, d: 2 })).toEqual(['/a/x', '/a/y/1']);
    expect(findPatchConflicts({ a: [1] }, { a: [1, 2] })).toEqual(['/a']);
  });
});
