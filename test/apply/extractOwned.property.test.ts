import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldSet, isKubepatchError, recordUpdate, serverSideApply, type JsonObject, type ManagedFieldsEntry } from 'kubepatch';
import { extractOwned } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

const now = new Date('2026-12-07T10:00:00Z');
const later = new Date('2026-12-07T11:00:00Z');
const MANAGERS = ['alpha', 'beta', 'gamma'] as const;

const someOf = <T>(arb: fc.Arbitrary<T>, key: (t: T) => unknown, maxLength = 3) => fc.uniqueArray(arb, { selector: key, minLength: 1, maxLength });
const labels = fc.dictionary(fc.constantFrom('app', 'team', 'tier'), fc.constantFrom('a', 'b'), { minKeys: 1 });

const container = fc.record(
  {
    name: fc.constantFrom('app', 'side', 'init'),
    image: fc.constantFrom('x:1', 'x:2'),
    ports: someOf(fc.record({ containerPort: fc.constantFrom(80, 81), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: ['containerPort'] }), (p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`),
    env: someOf(fc.record({ name: fc.constantFrom('A', 'B'), value: fc.constantFrom('1', '2') }), (e) => e.name),
    args: fc.array(fc.constantFrom('-v', '--serve'), { minLength: 1, maxLength: 2 }),
    resources: fc.constant({}),
  },
  { requiredKeys: ['name'] },
);

/** A configuration an applier might send for the Deployment shop/web. */
const config: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      labels,
      annotations: fc.dictionary(fc.constantFrom('note', 'owner'), fc.constantFrom('x', 'y'), { minKeys: 1 }),
      replicas: fc.integer({ min: 1, max: 3 }),
      minReadySeconds: fc.constantFrom(5, 10), // not 0: Go's omitempty drops it, and the owned field is gone
      podLabels: labels,
      containers: someOf(container, (c) => c.name),
    },
    { requiredKeys: [] },
  )
  .map(({ labels: l, annotations, replicas, minReadySeconds, podLabels, containers }) => {
    const metadata: JsonObject = { name: 'web', namespace: 'shop', ...(l ? { labels: l } : {}), ...(annotations ? { annotations } : {}) };
    const template: JsonObject = { ...(podLabels ? { metadata: { labels: podLabels } } : {}), ...(containers ? { spec: { containers } } : {}) };
    const spec: JsonObject = { ...(replicas === undefined ? {} : { replicas }), ...(minReadySeconds === undefined ? {} : { minReadySeconds }), ...(Object.keys(template).length ? { template } : {}) };
    return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, ...(Object.keys(spec).length ? { spec } : {}) };
  });

const statusConfig = fc.record({ replicas: fc.integer({ min: 1, max: 3 }) /* 0 is dropped by omitempty */, ready: fc.constantFrom('True', 'False') }).map(({ replicas, ready }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  status: { replicas, conditions: [{ type: 'Available', status: ready }] },
}));

/** One write: an apply (forced or not), an apply through /status, or an edit by an Update manager. */
type Step =
  | { readonly kind: 'apply'; readonly manager: string; readonly config: JsonObject; readonly force: boolean }
  | { readonly kind: 'status'; readonly config: JsonObject }
  | { readonly kind: 'edit'; readonly replicas: number; readonly image: string; readonly dropLabel: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('apply' as const), manager: fc.constantFrom(...MANAGERS), config, force: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), config: statusConfig }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), replicas: fc.integer({ min: 1, max: 4 }), image: fc.constantFrom('x:1', 'x:3'), dropLabel: fc.constantFrom('app', 'team') }) },
);

/** The live object after the steps; an apply that conflicts changes nothing, as on the server. */
function play(steps: readonly Step[]): JsonObject | null {
  let live: JsonObject | null = null;
  for (const s of steps) {
    if (s.kind === 'edit') {
      if (live === null) continue;
      const edited = JSON.parse(JSON.stringify(live));
      edited.spec.replicas = s.replicas;
      for (const c of edited.spec.template?.spec?.containers ?? []) c.image = s.image;
      delete edited.metadata.labels?.[s.dropLabel];
      live = deepFreeze(recordUpdate(live, deepFreeze(edited), { manager: 'editor', now }).object);
      continue;
    }
    if (s.kind === 'status' && live === null) continue;
    try {
      const options = s.kind === 'status' ? { manager: 'controller', subresource: 'status', now } : { manager: s.manager, force: s.force, now };
      live = deepFreeze(serverSideApply(live, s.config, options).object);
    } catch (error) {
      if (!isKubepatchError(error, 'APPLY_CONFLICT')) throw error;
    }
  }
  return live;
}

const appliers = (live: JsonObject) =>
  (((live.metadata as JsonObject).managedFields ?? []) as unknown as ManagedFieldsEntry[]).filter((e) => e.operation === 'Apply').map((e) => ({ manager: e.manager!, subresource: e.subresource }));

describe('extractOwned on objects built by serverSideApply and recordUpdate', () => {
  it('re-applying what a manager owns, by that manager, changes nothing (object, managedFields, times)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const live = play(steps);
        if (live === null) return;
        for (const { manager, subresource } of appliers(live)) {
          const options = subresource === undefined ? {} : { subresource };
          const extracted = extractOwned(live, manager, options);
          expect(extracted, manager).toBeDefined();
          const again = serverSideApply(live, deepFreeze(extracted!), { manager, now: later, ...options });
          expect(again.object, `${manager} ${subresource ?? ''}`).toEqual(live);
          checked++;
        }
      }),
      { numRuns: 100 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('an extraction applied by a new manager makes it co-own exactly the fields of the original entry', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
        const live = play(steps);
        if (live === null) return;
        for (const { manager, subresource } of appliers(live)) {
          if (subresource !== undefined) continue;
          const shadow = serverSideApply(live, deepFreeze(extractOwned(live, manager)!), { manager: 'shadow', now: later });
          expect(shadow.object.spec).toEqual(live.spec);
          const entries = shadow.managedFields;
          const setOf = (name: string) => FieldSet.fromFieldsV1(entries.find((e) => e.manager === name && e.operation === 'Apply')!.fieldsV1);
          expect(setOf('shadow').equals(setOf(manager)), manager).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
