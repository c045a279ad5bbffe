// The `schema` option of the write functions: the PatchSchema strategic merge patch takes is the
// schema server-side apply reads, giving what naming the source gives (built-in tables, `crds`;
// `openAPI` in engine/openAPISource.test.ts), and a schema of something else is refused with a
// typed error.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  extractOwned,
  PatchSchema,
  predictApply,
  recordUpdate,
  schemaFor,
  schemaFromCRD,
  serverSideApply,
  type JsonObject,
  type WriteOptions,
} from 'kubepatch';
import { readK8sSchemaText } from '../helpers/conformance.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

const rolloutCrd = deepFreeze(parse(readK8sSchemaText('argo-rollouts/v1.9.1/rollout-crd.yaml')) as object);
const now = new Date('2026-12-07T10:00:00Z');

const deployment = (image: string, replicas?: number): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    ...(replicas === undefined ? {} : { replicas }),
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] }] },
    },
  },
});

const rollout = (image: string, replicas: number): JsonObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image, env: [{ name: 'A', value: '1' }] }] } },
  },
});

/** Three writes (an apply, an update by another manager, a conflicting apply forced) under `options`. */
function history(first: JsonObject, scaled: (live: JsonObject) => JsonObject, second: JsonObject, options: Partial<WriteOptions>) {
  const created = serverSideApply(null, deepFreeze(first), { manager: 'one', now, ...options });
  const updated = recordUpdate(created.object, deepFreeze(scaled(created.object)), { manager: 'scaler', now, ...options });
  const prediction = predictApply(updated.object, deepFreeze(second), { manager: 'two', now, ...options });
  const forced = serverSideApply(updated.object, second, { manager: 'two', force: true, now, ...options });
  const extracted = extractOwned(forced.object, 'one', options);
  return { created, updated, prediction, forced, extracted };
}

const conflictsOf = (prediction: ReturnType<typeof predictApply>) => prediction.conflicts.map((c) => `${c.manager} ${c.serverPath}`).sort();

const scaleTo = (replicas: number) => (live: JsonObject): JsonObject => ({ ...live, spec: { ...(live.spec as JsonObject), replicas } });

describe('serverSideApply and the other writes with `schema`', () => {
  it('a built-in kind: schemaFor gives what the built-in tables give', () => {
    const named = history(deployment('web:1'), scaleTo(3), deployment('web:2', 5), {});
    const schema = history(deployment('web:1'), scaleTo(3), deployment('web:2', 5), { schema: schemaFor('apps/v1', 'Deployment')! });
    expect(schema).toEqual(named);
    expect(conflictsOf(named.prediction)).toEqual(['one .spec.template.spec.containers[name="app"].image', 'scaler .spec.replicas']);
  });

  it('a custom kind: schemaFromCRD and schemaFor(Rollout) give what `crds` gives', () => {
    const named = history(rollout('web:1', 1), scaleTo(3), rollout('web:2', 5), { crds: [rolloutCrd] });
    expect(history(rollout('web:1', 1), scaleTo(3), rollout('web:2', 5), { schema: schemaFromCRD(rolloutCrd, 'v1alpha1') })).toEqual(named);
    expect(history(rollout('web:1', 1), scaleTo(3), rollout('web:2', 5), { schema: schemaFor('argoproj.io/v1alpha1', 'Rollout')! })).toEqual(named);
    expect(conflictsOf(named.prediction)).toEqual(['one .spec.template.spec.containers[name="app"].image', 'scaler .spec.replicas']);
  });

  it('a schema table of your own: its list markers decide the merge', () => {
    const table = {
      'example.Gadget': {
        fields: {
          spec: { type: { kind: 'struct', ref: 'example.GadgetSpec' }, patchStrategies: [] },
        },
      },
      'example.GadgetSpec': {
        fields: {
          byName: { type: { kind: 'list', elem: { kind: 'struct', ref: 'example.Item' } }, patchStrategies: ['merge'], patchMergeKey: 'name' },
          tags: { type: { kind: 'list', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: ['merge'] },
          args: { type: { kind: 'list', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [] },
        },
      },
      'example.Item': { fields: { name: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [] }, value: { type: { kind: 'scalar' }, patchStrategies: [] } } },
    } as const;
    const schema = PatchSchema.fromTable(deepFreeze(table), 'example.Gadget');
    const gadget = (spec: object): JsonObject => ({ apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: spec as JsonObject });
    const first = serverSideApply(null, gadget({ byName: [{ name: 'a', value: 1 }], tags: ['x'], args: ['--a'] }), { manager: 'one', schema, now });
    const second = serverSideApply(first.object, gadget({ byName: [{ name: 'b', value: 2 }], tags: ['y'] }), { manager: 'two', schema, now });
    expect(second.object.spec).toEqual({ args: ['--a'], byName: [{ name: 'a', value: 1 }, { name: 'b', value: 2 }], tags: ['x', 'y'] });
    const fieldsOfTwo = second.managedFields.find((entry) => entry.manager === 'two')!.fieldsV1;
    expect(fieldsOfTwo).toEqual({ 'f:spec': { 'f:byName': { 'k:{"name":"b"}': { '.': {}, 'f:name': {}, 'f:value': {} } }, 'f:tags': { 'v:"y"': {} } } });
    // An atomic list is the first manager's: another value conflicts.
    const conflict = thrownKubepatchError('APPLY_CONFLICT', () => serverSideApply(second.object, gadget({ args: ['--b'] }), { manager: 'two', schema, now }));
    expect(conflict.message).toContain('.spec.args');
  });
});

describe('a `schema` that is not the whole object\'s, or not of its kind', () => {
  const live = serverSideApply(null, deployment('web:1'), { manager: 'one', now }).object;
  const cases: [string, unknown, RegExp][] = [
    ['not a PatchSchema', { field: () => undefined }, /must be a PatchSchema/],
    ['part of another schema', schemaFor('apps/v1', 'Deployment')!.field('spec')!.schema, /part of another schema; pass the schema of the whole apps\/v1 Deployment/],
    ['another built-in kind', schemaFor('apps/v1', 'StatefulSet'), /schema of io\.k8s\.api\.apps\.v1\.StatefulSet, not of apps\/v1 Deployment/],
    ['a custom kind', schemaFromCRD(rolloutCrd, 'v1alpha1'), /schema of argoproj\.io\/v1alpha1 Rollout, not of apps\/v1 Deployment/],
  ];
  it.each(cases)('%s: INVALID_SCHEMA, input schema', (_name, schema, message) => {
    for (const write of [
      () => serverSideApply(live, deployment('web:2'), { manager: 'two', schema: schema as PatchSchema }),
      () => predictApply(live, deployment('web:2'), { manager: 'two', schema: schema as PatchSchema }),
      () => recordUpdate(live, deployment('web:2'), { manager: 'two', schema: schema as PatchSchema }),
      () => extractOwned(live, 'one', { schema: schema as PatchSchema }),
    ]) {
      const error = thrownKubepatchError('INVALID_SCHEMA', write);
      expect(error.code).toBe('INVALID_SCHEMA');
      expect(error.message).toMatch(message);
      expect(error.input).toBe('schema');
    }
  });

  it('a table whose list markers kube-openapi refuses', () => {
    const table = {
      'example.Gadget': { fields: { spec: { type: { kind: 'list', elem: { kind: 'scalar' } }, patchStrategies: ['replace'] } } },
    } as const;
    const error = thrownKubepatchError('INVALID_SCHEMA', () =>
      serverSideApply(null, { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' }, spec: [1] }, { manager: 'one', schema: PatchSchema.fromTable(table, 'example.Gadget') }),
    );
    expect(error.code).toBe('INVALID_SCHEMA');
    expect(error.message).toContain('unknown patch strategy "replace" on a list');
    expect(error.path).toBe('/example.Gadget/fields/spec/x-kubernetes-patch-strategy');
  });
});
