import { describe, expect, it } from 'vitest';
import { annotationsChanged, generationChanged, labelsChanged, resourceVersionChanged, type ChangePredicate } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

/**
 * The four predicates against controller-runtime's rules (pkg/predicate/predicate.go, the Typed…
 * predicates with maps.Equal): each Update returns false when either object is nil, then compares
 * GetGeneration(), GetLabels(), GetAnnotations() or GetResourceVersion() with Go's zero values for
 * absent fields.
 */

const meta = (metadata: object) => deepFreeze({ apiVersion: 'apps/v1', kind: 'Deployment', metadata });
const predicates: Record<string, ChangePredicate> = { generationChanged, labelsChanged, annotationsChanged, resourceVersionChanged };

describe('controller-runtime: false when either object is nil', () => {
  for (const [name, predicate] of Object.entries(predicates)) {
    it(name, () => {
      const object = meta({ generation: 1, resourceVersion: '1', labels: { a: 'b' }, annotations: { a: 'b' } });
      expect(predicate(undefined, object)).toBe(false);
      expect(predicate(object, undefined)).toBe(false);
      expect(predicate(null, object)).toBe(false);
      expect(predicate(object, null)).toBe(false);
      expect(predicate(null, null)).toBe(false);
    });
  }
});

describe('generationChanged (GenerationChangedPredicate)', () => {
  it('is true when metadata.generation differs, in either direction', () => {
    expect(generationChanged(meta({ generation: 3 }), meta({ generation: 4 }))).toBe(true);
    expect(generationChanged(meta({ generation: 4 }), meta({ generation: 3 }))).toBe(true);
  });

  it('ignores everything but the generation: status, labels, annotations, resourceVersion', () => {
    const before = deepFreeze({ metadata: { generation: 2, resourceVersion: '10', labels: { a: '1' } }, spec: { replicas: 1 }, status: { ready: 0 } });
    const after = deepFreeze({ metadata: { generation: 2, resourceVersion: '11', labels: { a: '2' }, annotations: { n: 'x' } }, spec: { replicas: 1 }, status: { ready: 1 } });
    expect(generationChanged(before, after)).toBe(false);
  });

  it('counts an absent (or null) generation as 0, Go\'s zero value, so kinds without one never pass', () => {
    expect(generationChanged(meta({}), meta({ generation: 0 }))).toBe(false);
    expect(generationChanged(meta({ generation: null }), meta({ generation: 0 }))).toBe(false);
    expect(generationChanged(deepFreeze({}), meta({ generation: 1 }))).toBe(true);
    const configMap = (data: object) => deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: '1' }, data });
    expect(generationChanged(configMap({ a: '1' }), configMap({ a: '2' }))).toBe(false);
  });

  it('compares the generation only, not the spec: a spec change without a bump is not seen', () => {
    expect(generationChanged(deepFreeze({ metadata: { generation: 1 }, spec: { a: 1 } }), deepFreeze({ metadata: { generation: 1 }, spec: { a: 2 } }))).toBe(false);
  });
});

describe('labelsChanged and annotationsChanged (LabelChangedPredicate, AnnotationChangedPredicate: !maps.Equal)', () => {
  for (const [name, predicate, key] of [
    ['labelsChanged', labelsChanged, 'labels'],
    ['annotationsChanged', annotationsChanged, 'annotations'],
  ] as const) {
    it(`${name}: a value, an added key and a removed key are changes`, () => {
      expect(predicate(meta({ [key]: { a: '1' } }), meta({ [key]: { a: '2' } }))).toBe(true);
      expect(predicate(meta({ [key]: { a: '1' } }), meta({ [key]: { a: '1', b: '' } }))).toBe(true);
      expect(predicate(meta({ [key]: { a: '1', b: '' } }), meta({ [key]: { a: '1' } }))).toBe(true);
      expect(predicate(meta({}), meta({ [key]: { a: '' } }))).toBe(true);
    });

    it(`${name}: key order does not count`, () => {
      expect(predicate(meta({ [key]: { a: '1', b: '2' } }), meta({ [key]: { b: '2', a: '1' } }))).toBe(false);
    });

    it(`${name}: absent, null and {} are equal (maps.Equal of a nil and an empty map is true)`, () => {
      const forms = [meta({}), meta({ [key]: null }), meta({ [key]: {} }), deepFreeze({ kind: 'Deployment' })];
      for (const a of forms) for (const b of forms) expect(predicate(a, b)).toBe(false);
    });

    it(`${name}: looks at ${key} only`, () => {
      const other = key === 'labels' ? 'annotations' : 'labels';
      expect(predicate(meta({ [key]: { a: '1' }, [other]: { x: '1' }, generation: 1 }), meta({ [key]: { a: '1' }, [other]: { x: '2' }, generation: 2 }))).toBe(false);
    });

    it(`${name}: a key named __proto__ is data`, () => {
      const withProto = (value: string) => meta({ [key]: JSON.parse(`{"__proto__":"${value}"}`) });
      expect(predicate(withProto('a'), withProto('b'))).toBe(true);
      expect(predicate(withProto('a'), withProto('a'))).toBe(false);
      expect(predicate(withProto('a'), meta({}))).toBe(true);
    });
  }
});

describe('resourceVersionChanged (ResourceVersionChangedPredicate)', () => {
  it('is true when the resourceVersion differs, false for a resync of the same object', () => {
    const live = meta({ resourceVersion: '41', generation: 2 });
    expect(resourceVersionChanged(live, meta({ resourceVersion: '42', generation: 2 }))).toBe(true);
    expect(resourceVersionChanged(live, live)).toBe(false);
  });

  it('compares strings, absent being ""', () => {
    expect(resourceVersionChanged(meta({}), meta({ resourceVersion: '' }))).toBe(false);
    expect(resourceVersionChanged(meta({}), meta({ resourceVersion: '1' }))).toBe(true);
    expect(resourceVersionChanged(meta({ resourceVersion: '010' }), meta({ resourceVersion: '10' }))).toBe(true);
  });
});

describe('what is not a Kubernetes object is refused with InvalidDocumentError', () => {
  for (const [name, predicate] of Object.entries(predicates)) {
    it(`${name}: a string, a number, an array as either object`, () => {
      const good = meta({});
      for (const bad of ['web', 3, true, [good]] as const) {
        expect(thrownKubepatchError('INVALID_DOCUMENT', () => predicate(bad, good)).input).toBe('oldObject');
        expect(thrownKubepatchError('INVALID_DOCUMENT', () => predicate(good, bad)).input).toBe('newObject');
        // Even when the other object is nil: a bad argument is a bug, whatever comes with it.
        expect(thrownKubepatchError('INVALID_DOCUMENT', () => predicate(bad, undefined)).input).toBe('oldObject');
      }
    });

    it(`${name}: metadata that is not an object`, () => {
      const error = thrownKubepatchError('INVALID_DOCUMENT', () => predicate(deepFreeze({ metadata: ['x'] }), meta({})));
      expect([error.path, error.input]).toEqual(['/metadata', 'oldObject']);
    });
  }

  it('a generation that is not an integer, a resourceVersion that is not a string', () => {
    const generation = thrownKubepatchError('INVALID_DOCUMENT', () => generationChanged(meta({ generation: 1 }), meta({ generation: '2' })));
    expect([generation.path, generation.input, generation.message]).toEqual(['/metadata/generation', 'newObject', 'newObject: metadata.generation must be an integer, not "2"']);
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => generationChanged(meta({ generation: 1.5 }), meta({}))).path).toBe('/metadata/generation');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resourceVersionChanged(meta({ resourceVersion: 7 }), meta({}))).path).toBe('/metadata/resourceVersion');
  });

  it('labels or annotations that are not strings, with the pointer of the bad value', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => labelsChanged(meta({ labels: { 'app.kubernetes.io/name': 1 } }), meta({}))).path).toBe(
      '/metadata/labels/app.kubernetes.io~1name',
    );
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => annotationsChanged(meta({}), meta({ annotations: 'x' }))).path).toBe('/metadata/annotations');
  });
});
