import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { JsonValue } from 'kubepatch';
import { semanticEqual } from '../../src/metadata/semanticEqual.js';
import { builtinObject, editOf } from '../helpers/builtinObjects.js';
import { jsonDocument } from '../helpers/arbitraries.js';
import { deepFreeze, frozenCopy } from '../helpers/deepFreeze.js';
import { findImmutableFieldChanges } from 'kubepatch';

const kinds = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['batch/v1', 'Job'],
  ['v1', 'Service'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'Secret'],
  ['v1', 'ConfigMap'],
  ['v1', 'Pod'],
  ['argoproj.io/v1alpha1', 'Rollout'],
  ['example.com/v1', 'Widget'],
] as const;

/** Any JSON object dressed as an object of a known kind (so the rules meet arbitrary shapes). */
const anyObject = fc
  .tuple(fc.constantFrom(...kinds), fc.dictionary(fc.constantFrom('spec', 'metadata', 'status', 'data', 'type', 'immutable'), jsonDocument()))
  .map(([[apiVersion, kind], rest]) => ({ ...rest, apiVersion, kind }));

describe('findImmutableFieldChanges properties', () => {
  test.prop([fc.oneof(builtinObject, anyObject)], { numRuns: 300 })('an object compared with itself has no immutable changes', (object) => {
    deepFreeze(object);
    expect(findImmutableFieldChanges(object, object)).toEqual([]);
    expect(findImmutableFieldChanges(object, frozenCopy(object))).toEqual([]);
  });

  test.prop([builtinObject.chain((object) => fc.tuple(fc.constant(object), editOf(object)))], { numRuns: 300 })(
    'every change names its field first in its message, and points into the objects',
    ([before, after]) => {
      deepFreeze(before);
      deepFreeze(after);
      for (const change of findImmutableFieldChanges(before, after)) {
        expect(change.message.startsWith(`${change.field}: `)).toBe(true);
        expect(change.path.startsWith('/')).toBe(true);
      }
    },
  );

  test.prop([anyObject, anyObject], { numRuns: 200 })('never throws on arbitrary shapes of known kinds, and never changes its inputs', (a, b) => {
    deepFreeze(a);
    deepFreeze(b);
    const changes = findImmutableFieldChanges(a, { ...b, kind: a.kind, apiVersion: a.apiVersion });
    for (const change of changes) expect(change.message).toMatch(/^[\w.[\]]+: /);
  });

  test.prop([jsonDocument()], { numRuns: 200 })('semantic equality is reflexive', (value) => {
    expect(semanticEqual(value as JsonValue, structuredClone(value) as JsonValue)).toBe(true);
  });
});
