import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  annotationsChanged,
  generationChanged,
  labelsChanged,
  objectChanges,
  resourceVersionChanged,
  type JsonObject,
  type ObjectChanges,
} from 'kubepatch';
import { jsonDocument } from '../helpers/arbitraries.js';
import { deepFreeze, frozenCopy } from '../helpers/deepFreeze.js';

const plain = { noNullPrototype: true } as const;
const stringMap = fc.dictionary(fc.constantFrom('app', 'tier', '__proto__', 'example.com/x'), fc.constantFrom('', 'a', 'b'), plain);

/** Objects shaped as the server sends them, with every part the result has a flag for. */
const kubeObject = fc.record(
  {
    apiVersion: fc.constant('example.com/v1'),
    kind: fc.constant('Widget'),
    metadata: fc.record(
      {
        name: fc.constant('w'),
        uid: fc.constantFrom('u1', 'u2'),
        generation: fc.integer({ min: 0, max: 3 }),
        resourceVersion: fc.constantFrom('1', '2', '3'),
        labels: stringMap,
        annotations: stringMap,
        finalizers: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
        ownerReferences: fc.array(fc.record({ kind: fc.constant('ConfigMap'), name: fc.constantFrom('x', 'y') }, plain), { maxLength: 2 }),
        deletionTimestamp: fc.constant('2026-11-22T11:00:00Z'),
        managedFields: fc.array(fc.record({ manager: fc.constantFrom('m', 'n') }, plain), { maxLength: 2 }),
      },
      { ...plain, requiredKeys: ['name'] },
    ),
    spec: jsonDocument({ maxDepth: 3 }),
    data: jsonDocument({ maxDepth: 2 }),
    status: jsonDocument({ maxDepth: 3 }),
  },
  { ...plain, requiredKeys: ['metadata'] },
).map((object) => deepFreeze(object as unknown as JsonObject));

const flagsOf = ({ kind, fields, ...flags }: ObjectChanges) => flags;
const metaOf = (object: JsonObject): JsonObject => (object.metadata ?? {}) as JsonObject;

describe('objectChanges properties', () => {
  test.prop([kubeObject], { numRuns: 300 })('an object and an equal copy: nothing changed, no predicate passes', (object) => {
    for (const other of [object, frozenCopy(object)]) {
      const changes = objectChanges(object, other);
      expect(changes.kind).toBe('none');
      expect(changes.fields).toEqual([]);
      expect(Object.values(flagsOf(changes)).every((flag) => flag === false)).toBe(true);
      for (const predicate of [generationChanged, labelsChanged, annotationsChanged, resourceVersionChanged]) expect(predicate(object, other)).toBe(false);
    }
  });

  test.prop([kubeObject, kubeObject], { numRuns: 300 })('the predicates say what the flags say', (a, b) => {
    const changes = objectChanges(a, b);
    expect(labelsChanged(a, b)).toBe(changes.labels);
    expect(annotationsChanged(a, b)).toBe(changes.annotations);
    expect(resourceVersionChanged(a, b)).toBe(changes.resourceVersion);
    // With a generation on either side the flag is the predicate's answer; without, it is the spec's.
    if (metaOf(a).generation !== undefined || metaOf(b).generation !== undefined) expect(generationChanged(a, b)).toBe(changes.generation);
    else expect([generationChanged(a, b), changes.generation]).toEqual([false, changes.spec]);
  });

  test.prop([kubeObject, kubeObject], { numRuns: 300 })('symmetric, and the kind summarises the flags', (a, b) => {
    const there = objectChanges(a, b);
    expect(objectChanges(b, a)).toEqual(there);
    const metadata = there.labels || there.annotations || there.finalizers || there.ownerReferences || there.otherMetadata || (metaOf(a).generation ?? 0) !== (metaOf(b).generation ?? 0);
    const expected = there.spec
      ? 'spec'
      : metadata
        ? 'metadata'
        : there.status
          ? 'status'
          : there.resourceVersion || there.managedFields
            ? 'resourceVersionOnly'
            : 'none';
    expect(there.kind).toBe(expected);
    expect(there.fields.length === 0).toBe(there.kind === 'none');
    expect([...there.fields].sort()).toEqual(there.fields);
  });

  test.prop([kubeObject, jsonDocument({ maxDepth: 3 }), fc.constantFrom('5', '6')], { numRuns: 300 })(
    'a change in the status only (and the resourceVersion a write brings) never sets generation, spec or metadata flags',
    (object, status, resourceVersion) => {
      const after = deepFreeze({ ...object, status, metadata: { ...metaOf(object), resourceVersion } } as JsonObject);
      const changes = objectChanges(object, after);
      expect([changes.generation, changes.spec, changes.labels, changes.annotations, changes.otherMetadata]).toEqual([false, false, false, false, false]);
      expect(changes.kind).toBe(changes.status ? 'status' : 'resourceVersionOnly');
      expect(generationChanged(object, after)).toBe(false);
    },
  );

  test.prop([kubeObject, stringMap], { numRuns: 200 })('a change in the labels only is metadata, and generationChanged does not pass it', (object, labels) => {
    const after = deepFreeze({ ...object, metadata: { ...metaOf(object), labels } } as JsonObject);
    const changes = objectChanges(object, after);
    expect(changes.kind).toBe(changes.labels ? 'metadata' : 'none');
    expect(changes.fields).toEqual(changes.labels ? ['metadata.labels'] : []);
    expect(generationChanged(object, after)).toBe(false);
  });

  test.prop([kubeObject, jsonDocument({ maxDepth: 3 })], { numRuns: 200 })(
    'for objects without a generation, generation says whether anything outside metadata and status changed',
    (object, spec) => {
      const { generation: _, ...metadata } = metaOf(object);
      const before = deepFreeze({ ...object, metadata } as JsonObject);
      const after = deepFreeze({ ...object, metadata, spec } as JsonObject);
      const changes = objectChanges(before, after);
      expect(changes.generation).toBe(changes.spec);
      expect(generationChanged(before, after)).toBe(false); // controller-runtime: 0 == 0
    },
  );
});
