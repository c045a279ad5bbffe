// The generated server-side-apply table of the built-in types: up to date with client-go's
// structured-merge-diff schema, decoded to what the generator maps, and navigable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generateBuiltinApplySchemasModule,
  outputFile,
  toApplyTable,
  type SmdSchemaData,
} from '../../../scripts/generate-apply-schemas.ts';
import { builtinApplySchema, builtinApplySchemaFor, builtinApplyTable } from '../../../src/apply/schema/builtinApplyTable.ts';
import { readK8sSchema } from '../../helpers/conformance.js';

const data = readK8sSchema<SmdSchemaData>('ssa-schema.client-go-v0.33.13.json');

describe('the generated apply table', () => {
  it('is up to date with ssa-schema.client-go-v0.33.13.json (run `npx tsx scripts/generate-apply-schemas.ts` when this fails)', () => {
    expect(readFileSync(outputFile, 'utf8') === generateBuiltinApplySchemasModule(data)).toBe(true);
  });

  it('decodes to exactly the table the generator maps from the data', () => {
    expect(builtinApplyTable()).toEqual(toApplyTable(data));
  });

  it('has every struct of the data: 842 types less 4 named scalars, RawExtension, 2 field-less maps and the 2 untyped helpers', () => {
    const table = builtinApplyTable();
    expect(Object.keys(table)).toHaveLength(833);
    const fields = data.types.reduce((n, type) => n + (table[type.name] ? (type.map?.fields ?? []).length : 0), 0);
    expect(Object.values(table).reduce((n, struct) => n + Object.keys(struct.fields).length, 0)).toBe(fields);
  });

  it('refers only to structs it has', () => {
    const table = builtinApplyTable();
    const dangling: string[] = [];
    for (const struct of Object.values(table)) {
      for (let type of Object.values(struct.fields)) {
        while (type.kind === 'list' || type.kind === 'map') type = type.elem;
        if (type.kind === 'struct' && !Object.hasOwn(table, type.ref)) dangling.push(type.ref);
      }
    }
    expect(dangling).toEqual([]);
  });
});

describe('built-in apply schemas', () => {
  const podSpec = builtinApplySchemaFor('v1', 'Pod')!.field('spec')!;

  it('keys containers by name and ports by containerPort and protocol, with the protocol default "TCP"', () => {
    const containers = podSpec.field('containers')!;
    expect([containers.listType, containers.keys]).toEqual(['map', ['name']]);
    const ports = containers.items()!.field('ports')!;
    expect([ports.listType, ports.keys]).toEqual(['map', ['containerPort', 'protocol']]);
    expect(ports.items()!.keyDefault('protocol')).toBe('TCP');
    expect(ports.items()!.keyDefault('hostIP')).toBeUndefined();
  });

  it('has sets (finalizers), atomic lists (args), granular maps (labels) and atomic structs (LabelSelector)', () => {
    const meta = builtinApplySchemaFor('apps/v1', 'Deployment')!.field('metadata')!;
    expect(meta.field('finalizers')!.listType).toBe('set');
    expect(podSpec.field('containers')!.items()!.field('args')!.listType).toBe('atomic');
    expect([meta.field('labels')!.mapType, meta.field('labels')!.atomic]).toEqual(['granular', false]);
    const selector = builtinApplySchemaFor('apps/v1', 'Deployment')!.field('spec')!.field('selector')!;
    expect([selector.name, selector.mapType, selector.atomic]).toEqual(['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'atomic', true]);
  });

  it('lets a field override its struct atomicity: PersistentVolumeSpec.claimRef is granular, ObjectReference atomic', () => {
    expect(builtinApplySchema('io.k8s.api.core.v1.ObjectReference')!.mapType).toBe('atomic');
    expect(builtinApplySchemaFor('v1', 'PersistentVolume')!.field('spec')!.field('claimRef')!.mapType).toBe('granular');
  });

  it('reads Quantity, IntOrString and Time as untyped scalars, and RawExtension fields as untyped (replaced whole)', () => {
    const container = podSpec.field('containers')!.items()!;
    expect(container.field('resources')!.field('limits')!.field('cpu')!.type).toEqual({ kind: 'scalar', scalar: 'untyped', format: 'quantity' });
    expect(container.field('livenessProbe')!.field('httpGet')!.field('port')!.type).toEqual({ kind: 'scalar', scalar: 'untyped', format: 'int-or-string' });
    // client-go's file types RawExtension fields as `__untyped_atomic_` (its RawExtension type, a
    // map of deduced values, is referred to by no field); the server's kube-openapi hardcodes
    // RawExtension as an untyped scalar. Both are leaves, replaced and owned whole.
    const revision = builtinApplySchemaFor('apps/v1', 'ControllerRevision')!;
    expect([revision.field('data')!.type, revision.field('data')!.atomic]).toEqual([{ kind: 'untyped' }, true]);
  });

  it('reads FieldsV1 as a granular map of deduced values, and deduced values as maps of deduced and atomic lists', () => {
    const entry = builtinApplySchemaFor('v1', 'ConfigMap')!.field('metadata')!.field('managedFields')!;
    expect(entry.listType).toBe('atomic');
    const fieldsV1 = entry.items()!.field('fieldsV1')!;
    expect(fieldsV1.type).toEqual({ kind: 'map', mapType: 'granular', elem: { kind: 'deduced' } });
    const deduced = fieldsV1.field('f:metadata')!;
    expect([deduced.mapType, deduced.field('x')!.type.kind, deduced.listType, deduced.items()!.type.kind]).toEqual(['granular', 'deduced', 'atomic', 'untyped']);
  });

  it('has no apply schema for kinds without an apply configuration, and none for unknown fields of a struct', () => {
    expect(builtinApplySchemaFor('v1', 'Status')).toBeUndefined();
    expect(builtinApplySchemaFor('example.com/v1', 'Widget')).toBeUndefined();
    expect(podSpec.field('noSuchField')).toBeUndefined();
    expect(podSpec.field('nodeName')!.items()).toBeUndefined();
  });
});
