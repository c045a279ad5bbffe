import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { applyStrategicMergePatch, createStrategicMergePatch, createThreeWayStrategicMergePatch, schemaFor } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { deployment } from '../helpers/k8sArbitraries.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const schema = schemaFor('apps/v1', 'Deployment')!;

describe('strategic merge patch over the built-in Deployment schema', () => {
  test.prop([deployment, deployment], { numRuns: 300 })('apply(a, create(a, b)) equals b', (a, b) => {
    deepFreeze(a);
    deepFreeze(b);
    const patch = createStrategicMergePatch(a, b, schema);
    const result = applyStrategicMergePatch(a, patch, schema) as typeof b;
    // Go's quirk, reproduced: it decides on `$setElementOrder` for a merge list of scalars against
    // the original sorted in place, so reordering `finalizers` into sorted order is not sent.
    const sortedOrder = (d: typeof b) => ({ ...d, metadata: { ...d.metadata, finalizers: [...(d.metadata.finalizers ?? [])].sort() } });
    const reorderedIntoSortedOrder =
      JSON.stringify(b.metadata.finalizers ?? []) === JSON.stringify([...(b.metadata.finalizers ?? [])].sort()) &&
      JSON.stringify(a.metadata.finalizers ?? []) !== JSON.stringify(b.metadata.finalizers ?? []);
    if (reorderedIntoSortedOrder) expectJsonEqual(sortedOrder(result), sortedOrder(b));
    else expectJsonEqual(result, b);
  });

  test.prop([deployment, deployment], { numRuns: 200 })('three-way with current = original equals two-way', (original, modified) => {
    deepFreeze(original);
    deepFreeze(modified);
    const threeWay = createThreeWayStrategicMergePatch(original, modified, original, schema, { overwrite: false });
    expectJsonEqual(applyStrategicMergePatch(original, threeWay, schema), applyStrategicMergePatch(original, createStrategicMergePatch(original, modified, schema), schema));
  });

  test.prop([deployment, deployment, deployment], { numRuns: 200 })(
    'three-way: your values win, what you removed is gone, what others added stays',
    (original, modified, current) => {
      deepFreeze(original);
      deepFreeze(modified);
      deepFreeze(current);
      const patch = createThreeWayStrategicMergePatch(original, modified, current, schema);
      const result = applyStrategicMergePatch(current, patch, schema) as typeof modified;
      const names = (d: typeof modified) => d.spec.template.spec.containers.map((c) => c.name);
      if (modified.spec.replicas !== undefined) expect(result.spec.replicas).toBe(modified.spec.replicas);
      if (modified.spec.strategy !== undefined) expectJsonEqual(result.spec.strategy, modified.spec.strategy);
      for (const container of modified.spec.template.spec.containers) {
        expectJsonEqual(result.spec.template.spec.containers.find((c) => c.name === container.name)?.image, container.image);
      }
      for (const name of names(original)) {
        if (!names(modified).includes(name)) expect(names(result)).not.toContain(name);
      }
      for (const name of names(current)) {
        if (!names(original).includes(name)) expect(names(result)).toContain(name);
      }
    },
  );
});
