import { fc, test } from '@fast-check/vitest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ARGO_ROLLOUTS_OWNED_ANNOTATIONS,
  ARGO_ROLLOUTS_OWNED_LABELS,
  annotationKeys,
  labelKeys,
  preserveAnnotations,
  preserveLabels,
  type AnnotationKeys,
  type LabelKeys,
} from 'kubepatch';
import { jsonObject } from '../helpers/arbitraries.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const rs = (labels: Record<string, string>, annotations: Record<string, string>, replicas = 3) =>
  deepFreeze({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', labels, annotations }, spec: { replicas } });

describe('preserveAnnotations / preserveLabels', () => {
  it('copies the selected annotations from the annotations, and only those', () => {
    const live = rs({ 'scale-down-deadline': 'a label, not the deadline' }, { 'scale-down-deadline': '2026-11-23T10:00:00Z', team: 'x' });
    const desired = rs({}, { 'rollout.argoproj.io/revision': '4' }, 0);
    expectJsonEqual(preserveAnnotations(live, desired, ARGO_ROLLOUTS_OWNED_ANNOTATIONS), {
      ...desired,
      metadata: { ...desired.metadata, annotations: { 'rollout.argoproj.io/revision': '4', 'scale-down-deadline': '2026-11-23T10:00:00Z' } },
    });
  });

  it('never writes a key the source does not have, not even as ""', () => {
    const result = preserveAnnotations(rs({ 'scale-down-deadline': 'x' }, {}), rs({}, {}), annotationKeys(['scale-down-deadline']));
    expect(result.metadata.annotations).toEqual({});
    const withoutMetadata = preserveAnnotations(rs({}, {}), { kind: 'ReplicaSet' }, annotationKeys(['scale-down-deadline']));
    expect(withoutMetadata).toEqual({ kind: 'ReplicaSet' });
  });

  it('selects by exact key, prefix or predicate', () => {
    const from = rs({ 'rollouts-pod-template-hash': 'abc', 'app.kubernetes.io/name': 'web', other: 'x' }, {});
    const keys = labelKeys({ exact: ['rollouts-pod-template-hash'], prefixes: ['app.kubernetes.io/'], predicate: (key) => key === 'none' });
    expect(preserveLabels(from, rs({}, {}), keys).metadata.labels).toEqual({ 'rollouts-pod-template-hash': 'abc', 'app.kubernetes.io/name': 'web' });
  });

  it('makes a label/annotation mix-up a compile error', () => {
    expectTypeOf(ARGO_ROLLOUTS_OWNED_LABELS).not.toMatchTypeOf<AnnotationKeys>();
    expectTypeOf(ARGO_ROLLOUTS_OWNED_ANNOTATIONS).not.toMatchTypeOf<LabelKeys>();
    // @ts-expect-error label keys cannot select annotations; past the types, it throws
    expect(() => preserveAnnotations(rs({}, {}), rs({}, {}), ARGO_ROLLOUTS_OWNED_LABELS)).toThrow(/expected annotations keys/);
  });

  test.prop([jsonObject(), jsonObject()], { numRuns: 200 })('changes nothing but the selected annotations, and no input', (from, to) => {
    deepFreeze(from);
    deepFreeze(to);
    const everything = annotationKeys({ predicate: () => true });
    const result = preserveAnnotations(from, to, everything) as Record<string, unknown>;
    const { metadata: _ignored, ...rest } = result;
    const { metadata: _also, ...restOfTo } = to as Record<string, unknown>;
    expectJsonEqual(rest, restOfTo);
  });

  test.prop([fc.dictionary(fc.string(), fc.string()), fc.dictionary(fc.string(), fc.string())], { numRuns: 200 })(
    'a selected annotation of the source always ends up with the source value',
    (source, target) => {
      const from = deepFreeze({ metadata: { annotations: source } });
      const to = deepFreeze({ metadata: { annotations: target } });
      const result = preserveAnnotations(from, to, annotationKeys({ predicate: (key) => key.length % 2 === 0 }));
      for (const [key, value] of Object.entries(source)) {
        const expected = key.length % 2 === 0 ? value : Object.hasOwn(target, key) ? target[key] : undefined;
        expect(Object.hasOwn(result.metadata.annotations, key) ? result.metadata.annotations[key] : undefined).toBe(expected);
      }
    },
  );
});
