import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PatchSchema, schemaFor, type FieldDef, type TypeRef } from 'kubepatch';
import {
  generateBuiltinSchemasModule,
  outputFile,
  toSchemaTable,
  type BuiltinTypesData,
  type SourceField,
} from '../../scripts/generate-builtin-schemas.ts';
import { builtinSchemas, builtinStructsFrom } from '../../src/schema/builtinTable.ts';
import { walkSchema } from '../helpers/walkSchema.js';
import { readK8sSchema } from '../helpers/conformance.js';

/** k8s.io/api v0.33.13 as extracted from the Go sources (see ../shared/k8s-schema/README.md). */
const data = readK8sSchema<BuiltinTypesData & { leafTypes: Record<string, { typeRef: { kind: string }; openapiId?: string }> }>(
  'builtin-types.json',
);
const { table } = builtinSchemas();

/** The field `name` of type `typeId` as the data file writes it. */
function dataField(typeId: string, name: string): SourceField {
  const field = data.types[typeId]?.fields[name];
  if (field === undefined) throw new Error(`no field ${typeId}.${name} in builtin-types.json`);
  return field;
}


describe('the generated module', () => {
  it('is up to date with builtin-types.json (run `npm run generate:schemas` when this fails)', () => {
    expect(readFileSync(outputFile, 'utf8') === generateBuiltinSchemasModule(data)).toBe(true);
  });

  it('decodes to exactly the table the generator maps from the data', () => {
    const expected = toSchemaTable(data);
    expect(table).toEqual(expected.table);
    expect(Object.fromEntries(builtinSchemas().kinds)).toEqual(expected.kinds);
    // toEqual ignores key order; the field order is encoding/json's and must survive the trip.
    for (const [id, struct] of Object.entries(table)) expect(Object.keys(struct.fields), id).toEqual(data.types[id]?.order);
  });

  it('has every type, kind and field of the data', () => {
    expect(Object.keys(table)).toHaveLength(1119);
    expect(builtinSchemas().kinds.size).toBe(323);
    expect(Object.values(table).reduce((n, struct) => n + Object.keys(struct.fields).length, 0)).toBe(4538);
  });

  it('refers only to structs it has', () => {
    const refs = (type: TypeRef): string[] =>
      type.kind === 'struct' ? [type.ref] : type.kind === 'list' || type.kind === 'map' ? refs(type.elem) : [];
    const dangling = Object.values(table)
      .flatMap((struct) => Object.values(struct.fields).flatMap((field) => refs(field.type)))
      .filter((ref) => !Object.hasOwn(table, ref));
    expect(dangling).toEqual([]);
  });

  it('keeps every patch strategy, merge key and marker of the data, and omitempty', () => {
    let checked = 0;
    for (const [id, type] of Object.entries(data.types)) {
      const schema = PatchSchema.fromTable(table, id);
      for (const [name, source] of Object.entries(type.fields)) {
        const meta = schema.field(name)?.meta as FieldDef;
        const where = `${id}.${name}`;
        expect(meta.patchStrategies, where).toEqual(source.patchStrategy?.split(',') ?? []);
        expect(meta.patchMergeKey, where).toBe(source.patchMergeKey);
        expect(meta.mapType, where).toBe(source.mapType);
        expect(meta.structType, where).toBe(source.structType);
        expect(meta.omitempty === true, where).toBe(source.omitempty);
        if (source.type.kind === 'list') {
          expect(meta.listType, where).toBe(source.listType);
          expect(meta.listMapKeys, where).toEqual(source.listMapKeys);
        }
        checked += 1;
      }
    }
    expect(checked).toBe(4538);
  });

  it('drops the +listType markers the data has on six fields that are not lists (SMD ignores them too)', () => {
    const misplaced = Object.entries(data.types).flatMap(([id, type]) =>
      Object.entries(type.fields)
        .filter(([, field]) => field.listType !== undefined && field.type.kind !== 'list')
        .map(([name]) => `${id}.${name}`),
    );
    expect(misplaced).toHaveLength(6);
    for (const where of misplaced) {
      const dot = where.lastIndexOf('.');
      expect(table[where.slice(0, dot)]?.fields[where.slice(dot + 1)]?.listType, where).toBeUndefined();
    }
  });

  it('maps every leaf type the way the OpenAPI reader maps its id', () => {
    const expected: Record<string, TypeRef> = {
      quantity: { kind: 'scalar', format: 'quantity' },
      intOrString: { kind: 'scalar', format: 'int-or-string' },
      time: { kind: 'scalar', type: 'string', format: 'date-time' },
      raw: { kind: 'opaque' },
    };
    const timeField = walkSchema(schemaFor('v1', 'Pod')!, 'metadata.creationTimestamp');
    expect(timeField.meta.type).toEqual(expected.time);
    expect(walkSchema(schemaFor('coordination.k8s.io/v1', 'Lease')!, 'spec.renewTime').meta.type).toEqual(expected.time); // MicroTime
    expect(walkSchema(schemaFor('apps/v1', 'ControllerRevision')!, 'data').meta.type).toEqual(expected.raw);
    expect(walkSchema(schemaFor('v1', 'Pod')!, 'metadata.managedFields.[].fieldsV1').meta.type).toEqual(expected.raw);
    expect(walkSchema(schemaFor('apps/v1', 'Deployment')!, 'spec.strategy.rollingUpdate.maxSurge').meta.type).toEqual(expected.intOrString);
    expect(walkSchema(schemaFor('v1', 'Pod')!, 'spec.containers.[].resources.limits').meta.type).toEqual({ kind: 'map', elem: expected.quantity });
    expect(walkSchema(schemaFor('v1', 'Secret')!, 'data').meta.type).toEqual({ kind: 'map', elem: { kind: 'scalar', type: 'string', format: 'byte' } });
  });

  it('lends ObjectMeta and what it reaches to other tables', () => {
    expect([...builtinStructsFrom('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta').keys()].sort()).toEqual([
      'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference',
    ]);
  });
});

describe('built-in patch metadata, checked against builtin-types.json', () => {
  // [kind, path from the kind, the type and field in the data, the metadata expected]
  const cases: Array<[string, string, string, string, Partial<FieldDef>]> = [
    ['v1/Pod', 'spec.containers', 'io.k8s.api.core.v1.PodSpec', 'containers',
      { patchStrategies: ['merge'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
    ['v1/Pod', 'spec.containers.[].env', 'io.k8s.api.core.v1.Container', 'env',
      { patchStrategies: ['merge'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
    ['v1/Pod', 'spec.containers.[].ports', 'io.k8s.api.core.v1.Container', 'ports',
      { patchStrategies: ['merge'], patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }],
    ['v1/Pod', 'spec.containers.[].volumeMounts', 'io.k8s.api.core.v1.Container', 'volumeMounts',
      { patchStrategies: ['merge'], patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }],
    ['v1/Pod', 'spec.containers.[].args', 'io.k8s.api.core.v1.Container', 'args', { patchStrategies: [], listType: 'atomic' }],
    ['v1/Pod', 'spec.volumes', 'io.k8s.api.core.v1.PodSpec', 'volumes',
      { patchStrategies: ['merge', 'retainKeys'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
    ['v1/Pod', 'spec.resourceClaims', 'io.k8s.api.core.v1.PodSpec', 'resourceClaims',
      { patchStrategies: ['merge', 'retainKeys'], patchMergeKey: 'name' }],
    ['v1/Pod', 'spec.tolerations', 'io.k8s.api.core.v1.PodSpec', 'tolerations', { patchStrategies: [], listType: 'atomic' }],
    ['v1/Pod', 'spec.topologySpreadConstraints', 'io.k8s.api.core.v1.PodSpec', 'topologySpreadConstraints',
      { patchStrategies: ['merge'], patchMergeKey: 'topologyKey', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] }],
    ['v1/Pod', 'spec.nodeSelector', 'io.k8s.api.core.v1.PodSpec', 'nodeSelector', { patchStrategies: [], mapType: 'atomic' }],
    ['v1/Pod', 'metadata.finalizers', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'finalizers',
      { patchStrategies: ['merge'], listType: 'set' }],
    ['v1/Pod', 'metadata.ownerReferences', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ownerReferences',
      { patchStrategies: ['merge'], patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] }],
    ['v1/Service', 'spec.ports', 'io.k8s.api.core.v1.ServiceSpec', 'ports',
      { patchStrategies: ['merge'], patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] }],
    ['v1/Node', 'spec.podCIDRs', 'io.k8s.api.core.v1.NodeSpec', 'podCIDRs', { patchStrategies: ['merge'], listType: 'set' }],
    ['v1/PersistentVolume', 'spec.claimRef', 'io.k8s.api.core.v1.PersistentVolumeSpec', 'claimRef', { patchStrategies: [], structType: 'granular' }],
    ['apps/v1/Deployment', 'spec.strategy', 'io.k8s.api.apps.v1.DeploymentSpec', 'strategy', { patchStrategies: ['retainKeys'] }],
    ['apps/v1/Deployment', 'spec.template.spec.containers', 'io.k8s.api.core.v1.PodSpec', 'containers',
      { patchStrategies: ['merge'], patchMergeKey: 'name' }],
    ['policy/v1/PodDisruptionBudget', 'spec.selector', 'io.k8s.api.policy.v1.PodDisruptionBudgetSpec', 'selector', { patchStrategies: ['replace'] }],
  ];

  it.each(cases)('%s %s', (kind, path, typeId, fieldName, expected) => {
    const slash = kind.lastIndexOf('/');
    const { meta } = walkSchema(schemaFor(kind.slice(0, slash), kind.slice(slash + 1))!, path);
    expect(meta).toMatchObject(expected);
    // The expectation is the data's, not a guess (finalizers and podCIDRs merge as sets, with no key):
    const source = dataField(typeId, fieldName);
    expect(meta.patchStrategies).toEqual(source.patchStrategy?.split(',') ?? []);
    expect(meta.patchMergeKey).toBe(source.patchMergeKey);
    expect(meta.listMapKeys).toEqual(source.listMapKeys);
  });

  it('a list element schema is the element struct; ObjectReference stays atomic as a type', () => {
    expect(walkSchema(schemaFor('v1', 'Pod')!, 'spec.containers').schema.items().name).toBe('io.k8s.api.core.v1.Container');
    expect(table['io.k8s.api.core.v1.ObjectReference']?.structType).toBe('atomic');
    expect(table['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']?.structType).toBe('atomic');
  });

  it('Volume flattens the inline VolumeSource next to name, in Go order', () => {
    expect(Object.keys(table['io.k8s.api.core.v1.Volume']!.fields).slice(0, 3)).toEqual(['name', 'hostPath', 'emptyDir']);
  });

  it('is frozen: callers cannot change the shared metadata', () => {
    const { meta } = walkSchema(schemaFor('v1', 'Pod')!, 'spec.containers');
    expect(Object.isFrozen(meta)).toBe(true);
    expect(Object.isFrozen(meta.patchStrategies)).toBe(true);
    expect(Object.isFrozen(meta.listMapKeys)).toBe(true);
    expect(() => (meta.patchStrategies as string[]).push('replace')).toThrow(TypeError);
  });
});
