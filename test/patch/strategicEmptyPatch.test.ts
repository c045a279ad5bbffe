import { describe, expect, it } from 'vitest';
import { createStrategicMergePatch, createThreeWayStrategicMergePatch, schemaFor } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

// A diff of two equal maps shares one frozen empty object internally; what the caller gets must
// still be an object of its own, as before.
const schema = schemaFor('v1', 'Pod')!;
const pod = deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } });

describe('the patch of two equal objects', () => {
  it('is a new empty object the caller may change', () => {
    for (const patch of [createStrategicMergePatch(pod, pod, schema), createThreeWayStrategicMergePatch(pod, pod, pod, schema)]) {
      expect(patch).toEqual({});
      expect(Object.isFrozen(patch)).toBe(false);
      (patch as Record<string, unknown>)['x'] = 1;
    }
    expect(createStrategicMergePatch(pod, structuredClone(pod), schema)).toEqual({});
    expect(createStrategicMergePatch(pod, pod, schema)).not.toBe(createStrategicMergePatch(pod, pod, schema));
  });

  it('adds the changes of a changed part to the patch of an unchanged one', () => {
    const changed = { ...pod, spec: { containers: [{ name: 'app', image: 'app:2' }] } };
    expect(createStrategicMergePatch(pod, changed, schema)).toEqual({
      spec: { containers: [{ image: 'app:2', name: 'app' }], '$setElementOrder/containers': [{ name: 'app' }] },
    });
  });
});
