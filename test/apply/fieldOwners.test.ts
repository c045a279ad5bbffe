import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, resolveFieldPath, type FieldPath, type PathElement } from 'kubepatch';
import { fieldOwners, fieldOwnersOf, type FieldOwner } from '../../src/apply/fieldOwners.js';
import { compareIterateOrder } from '../../src/apply/fieldOwnersMerge.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

const entry = (manager: string, operation: 'Apply' | 'Update', fieldsV1: object, extra: object = {}) => ({
  manager,
  operation,
  apiVersion: 'apps/v1',
  time: '2026-12-07T10:00:00Z',
  fieldsType: 'FieldsV1',
  fieldsV1,
  ...extra,
});

/** A Deployment as the server returns it: two appliers of the same replicas and image, an updater, a status writer. */
const deployment = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    labels: { app: 'web', team: 'a' },
    finalizers: ['example.com/a', 'example.com/keep'],
    managedFields: [
      entry('alpha', 'Apply', {
        'f:metadata': { 'f:labels': { 'f:team': {} } },
        'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
      }),
      entry('beta', 'Apply', {
        'f:metadata': { 'f:finalizers': { 'v:"example.com/keep"': {} } },
        'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
      }),
      entry('kubectl-create', 'Update', {
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:args': { 'i:1': {} } } } } },
        },
      }),
      entry('kube-controller-manager', 'Update', { 'f:status': { 'f:replicas': {} } }, { subresource: 'status' }),
    ],
  },
  spec: {
    replicas: 3,
    template: { spec: { containers: [{ name: 'init' }, { name: 'app', image: 'app:1', args: ['serve', '--port=80'] }] } },
  },
  status: { replicas: 3 },
});

const who = (owners: readonly FieldOwner[]) => owners.map((owner) => `${owner.manager} ${owner.operation}${owner.subresource ? ` ${owner.subresource}` : ''}`);
const table = (rows: ReturnType<typeof fieldOwners>) => rows.map((row) => [row.serverPath, row.pointer, who(row.owners)]);

describe('fieldOwners: every field of managedFields with all its owners', () => {
  it('lists co-owners in managedFields order, prefixes and k:/v:/i: elements, with pointers, in Set.Iterate order', () => {
    const before = JSON.stringify(deployment);
    const rows = fieldOwners(deployment);
    expect(JSON.stringify(deployment)).toBe(before);
    const ABC = ['alpha Apply', 'beta Apply', 'kubectl-create Update'];
    expect(table(rows)).toEqual([
      ['.metadata.labels', '/metadata/labels', ['kubectl-create Update']],
      ['.metadata.finalizers[="example.com/keep"]', '/metadata/finalizers/1', ['beta Apply']],
      ['.metadata.labels.app', '/metadata/labels/app', ['kubectl-create Update']],
      ['.metadata.labels.team', '/metadata/labels/team', ['alpha Apply']],
      ['.spec.replicas', '/spec/replicas', ABC],
      ['.spec.template.spec.containers[name="app"]', '/spec/template/spec/containers/1', ABC],
      ['.spec.template.spec.containers[name="app"].image', '/spec/template/spec/containers/1/image', ABC],
      ['.spec.template.spec.containers[name="app"].name', '/spec/template/spec/containers/1/name', ABC],
      ['.spec.template.spec.containers[name="app"].args[1]', '/spec/template/spec/containers/1/args/1', ['kubectl-create Update']],
      ['.status.replicas', '/status/replicas', ['kube-controller-manager Update status']],
    ]);
    // The order is the union's, as FieldSet.paths() walks it.
    const union = deployment.metadata.managedFields.reduce((all, e) => all.union(FieldSet.fromFieldsV1(e.fieldsV1)), FieldSet.EMPTY);
    expect(rows.map((row) => formatFieldPath(row.path))).toEqual([...union.paths()].map(formatFieldPath));
  });

  it('gives each owner as its entry names it: manager, operation, apiVersion, subresource, time', () => {
    const rows = fieldOwners(deployment);
    expect(rows.find((row) => row.serverPath === '.status.replicas')?.owners).toEqual([
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', time: '2026-12-07T10:00:00Z' },
    ]);
    expect(Object.keys(rows[0]!.owners[0]!)).toEqual(['manager', 'operation', 'apiVersion', 'time']);
  });

  it('has an undefined pointer for a field the object lacks', () => {
    const object = deepFreeze({ metadata: { managedFields: [entry('m', 'Update', { 'f:spec': { 'f:gone': {}, 'f:list': { 'k:{"name":"x"}': {}, 'i:5': {} } } })] }, spec: { list: [{ name: 'y' }] } });
    expect(table(fieldOwners(object))).toEqual([
      ['.spec.gone', undefined, ['m Update']],
      ['.spec.list[name="x"]', undefined, ['m Update']],
      ['.spec.list[5]', undefined, ['m Update']],
    ]);
  });

  it('narrows the owners to a manager or a subresource, leaving out fields none of them owns', () => {
    expect(table(fieldOwners(deployment, { manager: 'beta' }))).toEqual([
      ['.metadata.finalizers[="example.com/keep"]', '/metadata/finalizers/1', ['beta Apply']],
      ['.spec.replicas', '/spec/replicas', ['beta Apply']],
      ['.spec.template.spec.containers[name="app"]', '/spec/template/spec/containers/1', ['beta Apply']],
      ['.spec.template.spec.containers[name="app"].image', '/spec/template/spec/containers/1/image', ['beta Apply']],
      ['.spec.template.spec.containers[name="app"].name', '/spec/template/spec/containers/1/name', ['beta Apply']],
    ]);
    expect(table(fieldOwners(deployment, { subresource: 'status' }))).toEqual([['.status.replicas', '/status/replicas', ['kube-controller-manager Update status']]]);
    expect(fieldOwners(deployment, { subresource: '' }).some((row) => row.serverPath.startsWith('.status'))).toBe(false);
    expect(fieldOwners(deployment, { manager: 'kube-controller-manager', subresource: '' })).toEqual([]);
    expect(fieldOwners(deployment, { manager: 'nobody' })).toEqual([]);
  });

  it('the leaves view drops the rows that have rows under them', () => {
    const leaves = fieldOwnersOf(deployment, {}, 'leaves').map((row) => row.serverPath);
    expect(leaves).not.toContain('.metadata.labels');
    expect(leaves).not.toContain('.spec.template.spec.containers[name="app"]');
    expect(leaves).toContain('.metadata.labels.app');
    expect(leaves).toHaveLength(fieldOwners(deployment).length - 2);
  });

  it('no managedFields, null or an empty list, and entries without fieldsV1, give no rows', () => {
    for (const metadata of [undefined, null, {}, { managedFields: null }, { managedFields: [] }]) {
      expect(fieldOwners(deepFreeze({ kind: 'ConfigMap', metadata }))).toEqual([]);
    }
    const empty = { manager: 'm', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1' };
    expect(fieldOwners(deepFreeze({ metadata: { managedFields: [empty, { ...empty, fieldsV1: null }, { ...empty, fieldsV1: {} }] } }))).toEqual([]);
  });

  it('an entry with no manager is owned by ""', () => {
    const object = deepFreeze({ metadata: { managedFields: [{ operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }] }, data: {} });
    expect(fieldOwners(object)[0]?.owners).toEqual([{ manager: '', operation: 'Apply', apiVersion: 'v1' }]);
  });
});

describe('fieldOwners refuses managedFields the API server cannot decode (DecodeManagedFields)', () => {
  const valid = { manager: 'm', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } };
  const cases: [string, unknown, string, RegExp][] = [
    ['not a list', { a: 1 }, '/metadata/managedFields', /must be a list/],
    ['an entry that is not an object', [valid, 'x'], '/metadata/managedFields/1', /not an object/],
    ['no operation', [{ ...valid, operation: undefined }], '/metadata/managedFields/0', /operation must be `Apply` or `Update` \(it is absent\)/],
    ['another operation', [valid, { ...valid, operation: 'Patch' }], '/metadata/managedFields/1', /operation must be `Apply` or `Update` \(it is "Patch"\)/],
    ['no apiVersion', [{ ...valid, apiVersion: '' }], '/metadata/managedFields/0', /apiVersion must not be empty/],
    ['no fieldsType', [{ ...valid, fieldsType: undefined }], '/metadata/managedFields/0', /missing fieldsType in managed fields entry 0/],
    ['another fieldsType', [valid, valid, { ...valid, fieldsType: 'FieldsV2' }], '/metadata/managedFields/2', /invalid fieldsType "FieldsV2" in managed fields entry 2/],
    ['a manager that is not a string', [{ ...valid, manager: 3 }], '/metadata/managedFields/0', /manager must be a string/],
    ['a key of no known kind', [{ ...valid, fieldsV1: { 'f:data': { 'x:y': {} } } }], '/metadata/managedFields/0/fieldsV1/f:data/x:y', /fieldsV1 key "x:y"/],
    ['fieldsV1 not an object', [{ ...valid, fieldsV1: [] }], '/metadata/managedFields/0/fieldsV1', /fieldsV1 must hold only objects/],
  ];
  for (const [name, managedFields, path, message] of cases) {
    it(name, () => {
      const error = thrownKubepatchError('INVALID_DOCUMENT', () => fieldOwners(deepFreeze({ metadata: { managedFields } }) as never));
      expect(error.name).toBe('InvalidDocumentError');
      expect(error.input).toBe('object');
      expect(error.path).toBe(path);
      expect(error.message).toMatch(message);
    });
  }
  it('an object or metadata that is not an object', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => fieldOwners([])).path).toBe('');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => fieldOwners({ metadata: 'x' })).path).toBe('/metadata');
  });
});

// Random managedFields against the slow oracle: each entry decoded alone and asked `has(path)`.
const names = fc.constantFrom('a', 'b', 'B', 'é', '😀', 'x.y');
const scalar = fc.oneof(fc.integer({ min: -2, max: 11 }), fc.constantFrom('a', 'b', ''), fc.boolean());
const element: fc.Arbitrary<PathElement> = fc.oneof(
  { weight: 3, arbitrary: names.map((name) => ({ kind: 'field' as const, name })) },
  names.chain((name) => scalar.map((value) => ({ kind: 'key' as const, fields: [{ name, value }] }))),
  scalar.map((value) => ({ kind: 'value' as const, value })),
  fc.integer({ min: 0, max: 11 }).map((index) => ({ kind: 'index' as const, index })),
);
const path = fc.array(element, { minLength: 1, maxLength: 4 });
// Entries draw most of their paths from one pool, so that many fields have several owners.
const entries = fc.array(path, { maxLength: 12 }).chain((pool) =>
  fc.array(
    fc.tuple(
      fc.constantFrom('m1', 'm2', 'm3'),
      fc.constantFrom('Apply', 'Update') as fc.Arbitrary<'Apply' | 'Update'>,
      fc.tuple(fc.subarray(pool), fc.array(path, { maxLength: 3 })).map(([shared, own]) => FieldSet.fromPaths([...shared, ...own])),
    ),
    { maxLength: 5 },
  ),
);

/** An object holding the fields of `paths` where they fit (a path that would need a node of another type is left out). */
function materialize(paths: readonly FieldPath[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    let node: unknown = root;
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      const next = path[i + 1];
      const fresh = (): unknown => (next === undefined ? 1 : next.kind === 'field' ? {} : []);
      if (step.kind === 'field') {
        if (node === null || typeof node !== 'object' || Array.isArray(node)) break;
        const object = node as Record<string, unknown>;
        if (!Object.hasOwn(object, step.name)) object[step.name] = fresh();
        node = object[step.name];
      } else if (!Array.isArray(node)) break;
      else if (step.kind === 'index') {
        while (node.length <= step.index) node.push(fresh());
        node = node[step.index];
      } else if (step.kind === 'value') {
        node.push(step.value);
        break;
      } else {
        const item = Object.fromEntries(step.fields.map((field) => [field.name, field.value]));
        node.push(item);
        node = item;
      }
    }
  }
  return root;
}

describe('fieldOwners against the slow oracle (fast-check)', () => {
  it('the rows are the union in Set.Iterate order, each owned by exactly the entries that have it, at the pointer resolveFieldPath finds', () => {
    fc.assert(
      fc.property(entries, fc.func(fc.boolean()), (list, keep) => {
        const union = list.reduce((all, [, , s]) => all.union(s), FieldSet.EMPTY);
        const paths: FieldPath[] = [...union.paths()];
        const managedFields = list.map(([manager, operation, s]) => ({ ...entry(manager, operation, s.toFieldsV1()), time: undefined }));
        const object = deepFreeze({ ...materialize(paths.filter((path) => keep(formatFieldPath(path)))), metadata: { managedFields } });
        const rows = fieldOwners(object as never);
        expect(rows.map((row) => formatFieldPath(row.path))).toEqual(paths.map(formatFieldPath));
        rows.forEach((row, i) => {
          expect(compareIterateOrder(row.path, paths[i]!)).toBe(0);
          if (i > 0) expect(compareIterateOrder(rows[i - 1]!.path, row.path)).toBe(-1);
          const owners = list.filter(([, , s]) => s.has(row.path)).map(([manager, operation]) => ({ manager, operation, apiVersion: 'apps/v1' }));
          expect(row.owners).toEqual(owners);
          expect(row.pointer).toBe(resolveFieldPath(object, row.path));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('fieldOwners scales linearly', () => {
  it('10,000 list elements owned by three managers', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k:{"name":"c${i}"}`);
    const fields = (from: number) => ({ 'f:spec': { 'f:items': Object.fromEntries(keys.slice(from).map((key) => [key, { '.': {}, 'f:name': {} }])) } });
    const object = deepFreeze({
      metadata: { managedFields: [entry('a', 'Apply', fields(0)), entry('b', 'Apply', fields(5_000)), entry('c', 'Update', fields(9_999))] },
      spec: { items: Array.from({ length: 10_000 }, (_, i) => ({ name: `c${i}` })) },
    });
    const rows = fieldOwners(object);
    expect(rows).toHaveLength(20_000);
    expect(who(rows.find((row) => row.serverPath === '.spec.items[name="c9999"].name')!.owners)).toEqual(['a Apply', 'b Apply', 'c Update']);
    expect(rows.at(-1)?.pointer).toBe('/spec/items/9999/name');
  });
});
