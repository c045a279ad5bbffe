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
  InvalidMetadataError,
  type LabelKeys,
  type MetadataKeySelector,
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

  it('accepts a plain list of keys, a { prefixes } selection and a predicate (issue #12, item 15)', () => {
    const from = rs({ 'rollouts-pod-template-hash': 'abc', app: 'web' }, { 'scale-down-deadline': 'live', 'rollout.argoproj.io/revision': '3', other: 'o' });
    const to = rs({ app: 'other' }, { 'scale-down-deadline': 'mine', kept: 'k' });
    // `from`'s value overwrites `to`'s for a selected key; unselected keys keep `to`'s values.
    expect(preserveAnnotations(from, to, ['scale-down-deadline', 'absent']).metadata.annotations).toEqual({ 'scale-down-deadline': 'live', kept: 'k' });
    expect(preserveAnnotations(from, to, { prefixes: ['rollout.argoproj.io/'] }).metadata.annotations).toEqual({
      'scale-down-deadline': 'mine', kept: 'k', 'rollout.argoproj.io/revision': '3',
    });
    expect(preserveAnnotations(from, to, (key) => key === 'other').metadata.annotations).toEqual({ 'scale-down-deadline': 'mine', kept: 'k', other: 'o' });
    expect(preserveLabels(from, to, ['rollouts-pod-template-hash', 'app']).metadata.labels).toEqual({ 'rollouts-pod-template-hash': 'abc', app: 'web' });
    expect(preserveLabels(from, to, (key) => key.endsWith('-hash')).metadata.labels).toEqual({ 'rollouts-pod-template-hash': 'abc', app: 'other' });
    // A list entry is an exact key, never a prefix.
    expect(preserveAnnotations(from, to, ['rollout.argoproj.io/']).metadata.annotations).toEqual({ 'scale-down-deadline': 'mine', kept: 'k' });
  });

  it('refuses malformed selectors with InvalidMetadataError, and still refuses a labels key set for annotations', () => {
    const bad: unknown[] = [null, 3, 'scale-down-deadline', [1], { prefixes: 'a/' }, { predicate: 'x' }, { kind: 'labels', matches: () => true }];
    for (const keys of bad) {
      expect(() => preserveAnnotations(rs({}, {}), rs({}, {}), keys as never), JSON.stringify(keys)).toThrow(InvalidMetadataError);
    }
    expect(() => preserveLabels(rs({}, {}), rs({}, {}), ARGO_ROLLOUTS_OWNED_ANNOTATIONS as never)).toThrow(/expected labels keys \(from labelKeys\), got annotations keys/);
  });

  it('types: lists, selections and predicates compile, the other map\'s key set does not', () => {
    expectTypeOf<readonly string[]>().toMatchTypeOf<MetadataKeySelector<'annotations'>>();
    expectTypeOf<(key: string) => boolean>().toMatchTypeOf<MetadataKeySelector<'labels'>>();
    expectTypeOf<{ prefixes: string[] }>().toMatchTypeOf<MetadataKeySelector<'labels'>>();
    expectTypeOf<LabelKeys>().not.toMatchTypeOf<MetadataKeySelector<'annotations'>>();
    expectTypeOf<AnnotationKeys>().not.toMatchTypeOf<MetadataKeySelector<'labels'>>();
    // @ts-expect-error annotation keys cannot select labels
    expect(() => preserveLabels(rs({}, {}), rs({}, {}), ARGO_ROLLOUTS_OWNED_ANNOTATIONS)).toThrow(InvalidMetadataError);
    // @ts-expect-error a number is no key
    expect(() => preserveLabels(rs({}, {}), rs({}, {}), [1])).toThrow(InvalidMetadataError);
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
