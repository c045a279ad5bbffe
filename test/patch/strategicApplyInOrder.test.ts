import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, schemaFor } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

// Applying a merge list with a `$setElementOrder` that names every element of the result takes a
// one-pass way; everything else goes Go's way. These pin the cases at the border between the two.
const schema = schemaFor('v1', 'Pod')!;
const pod = (env: object[]) => deepFreeze({ spec: { containers: [{ name: 'app', env }] } });
const patch = (order: string[], env: object[]) =>
  deepFreeze({ spec: { containers: [{ name: 'app', '$setElementOrder/env': order.map((name) => ({ name })), env }], '$setElementOrder/containers': [{ name: 'app' }] } });
const env = (result: unknown) => (result as { spec: { containers: Array<{ env: unknown }> } }).spec.containers[0]!.env;

describe('applying a merge list in its $setElementOrder', () => {
  const live = pod([{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }]);

  it('merges, adds, deletes and moves in one patch', () => {
    const result = applyStrategicMergePatch(live, patch(['C', 'N', 'A'], [{ name: 'C', value: '30' }, { name: 'N', value: 'new' }, { name: 'B', $patch: 'delete' }]), schema);
    expect(env(result)).toEqual([{ name: 'C', value: '30' }, { name: 'N', value: 'new' }, { name: 'A', value: '1' }]);
  });

  it('deletes an element and adds it again, new', () => {
    const result = applyStrategicMergePatch(live, patch(['A', 'B', 'C'], [{ name: 'B', value: 'again' }, { name: 'B', $patch: 'delete' }]), schema);
    expect(env(result)).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'again' }, { name: 'C', value: '3' }]);
  });

  it('keeps the live elements the directive does not name, in their live places', () => {
    const result = applyStrategicMergePatch(live, patch(['C', 'A'], [{ name: 'C', value: '30' }]), schema);
    expect(env(result)).toEqual([{ name: 'B', value: '2' }, { name: 'C', value: '30' }, { name: 'A', value: '1' }]);
  });

  it('reorders with a directive alone, no list in the patch', () => {
    const reorder = deepFreeze({ spec: { containers: [{ name: 'app', '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }, { name: 'B' }] }] } });
    expect(env(applyStrategicMergePatch(live, reorder, schema))).toEqual([{ name: 'C', value: '3' }, { name: 'A', value: '1' }, { name: 'B', value: '2' }]);
  });

  it('refuses a patch list out of the directive\'s order, as Go does', () => {
    const error = thrownKubepatchError('BAD_SET_ELEMENT_ORDER_FORMAT', () =>
      applyStrategicMergePatch(live, patch(['A', 'C'], [{ name: 'C', value: '30' }, { name: 'A', value: '10' }]), schema),
    );
    expect(error.path).toBe('/spec/containers/0/env');
  });

  it('names the failing element by its place in the live list without the deleted ones', () => {
    // `B` is deleted first, so `C` is element 1 of the list Go merges into.
    const withRef = pod([{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', valueFrom: { fieldRef: { fieldPath: 'x' } } }]);
    const error = thrownKubepatchError('UNKNOWN_PATCH_TYPE', () =>
      applyStrategicMergePatch(withRef, patch(['A', 'C'], [{ name: 'C', valueFrom: { $patch: 'bogus' } }, { name: 'B', $patch: 'delete' }]), schema),
    );
    expect(error.path).toBe('/spec/containers/0/env/1/valueFrom');
  });
});
