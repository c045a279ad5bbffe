import { describe, expect, it } from 'vitest';
import type { ApplyTable } from '../../../src/apply/schema/ApplyType.js';
import { builtinApplyTable } from '../../../src/apply/schema/builtinApplyTable.js';
import { smdDeducedSchema, smdSchemaFromTable, UNTYPED_ATOMIC, UNTYPED_DEDUCED } from '../../helpers/smdSchema.js';

// The converter of the updater's Go oracle (test/helpers/smdSchema.ts), without Go: what it writes
// for each kind of type. The oracle test checks the rest (typed.NewParser validates the schema, and
// structured-merge-diff's own scenarios run through it).

describe('smdSchemaFromTable', () => {
  const table = {
    root: {
      fields: {
        s: { kind: 'scalar', scalar: 'string' },
        atomicList: { kind: 'list', listType: 'atomic', elem: { kind: 'scalar', scalar: 'numeric' } },
        set: { kind: 'list', listType: 'set', elem: { kind: 'scalar', scalar: 'string' } },
        ports: { kind: 'list', listType: 'map', keys: ['port', 'protocol'], elem: { kind: 'struct', ref: 'port' } },
        labels: { kind: 'map', mapType: 'granular', elem: { kind: 'scalar', scalar: 'string' } },
        selector: { kind: 'map', mapType: 'atomic', elem: { kind: 'scalar', scalar: 'boolean' } },
        ref: { kind: 'struct', ref: 'port', structType: 'granular' },
        raw: { kind: 'untyped' },
        any: { kind: 'deduced' },
      },
      otherFields: { kind: 'deduced' },
    },
    port: { fields: { port: { kind: 'scalar', scalar: 'numeric' }, protocol: { kind: 'scalar', scalar: 'string' } }, keyDefaults: { protocol: 'TCP' }, structType: 'atomic' },
  } satisfies ApplyTable;

  it('writes every struct as a named map with fields, then the two untyped types', () => {
    const { schema, typeName } = smdSchemaFromTable(table, 'root');
    expect(typeName).toBe('root');
    expect(schema.types.map((t) => t.name)).toEqual(['root', 'port', UNTYPED_ATOMIC, UNTYPED_DEDUCED]);
    expect(schema.types[0]).toEqual({
      name: 'root',
      map: {
        fields: [
          { name: 's', type: { scalar: 'string' } },
          { name: 'atomicList', type: { list: { elementType: { scalar: 'numeric' }, elementRelationship: 'atomic' } } },
          { name: 'set', type: { list: { elementType: { scalar: 'string' }, elementRelationship: 'associative' } } },
          { name: 'ports', type: { list: { elementType: { namedType: 'port' }, elementRelationship: 'associative', keys: ['port', 'protocol'] } } },
          { name: 'labels', type: { map: { elementType: { scalar: 'string' }, elementRelationship: 'separable' } } },
          { name: 'selector', type: { map: { elementType: { scalar: 'boolean' }, elementRelationship: 'atomic' } } },
          { name: 'ref', type: { namedType: 'port', elementRelationship: 'separable' } },
          { name: 'raw', type: { namedType: UNTYPED_ATOMIC } },
          { name: 'any', type: { namedType: UNTYPED_DEDUCED } },
        ],
        elementType: { namedType: UNTYPED_DEDUCED },
      },
    });
    expect(schema.types[1]).toEqual({
      name: 'port',
      map: {
        fields: [
          { name: 'port', type: { scalar: 'numeric' } },
          { name: 'protocol', type: { scalar: 'string' }, default: 'TCP' },
        ],
        elementRelationship: 'atomic',
      },
    });
  });

  it('defines the untyped types as kube-openapi does', () => {
    const { schema, typeName } = smdDeducedSchema();
    expect(typeName).toBe(UNTYPED_DEDUCED);
    expect(schema.types).toEqual([
      {
        name: UNTYPED_ATOMIC,
        scalar: 'untyped',
        list: { elementType: { namedType: UNTYPED_ATOMIC }, elementRelationship: 'atomic' },
        map: { elementType: { namedType: UNTYPED_ATOMIC }, elementRelationship: 'atomic' },
      },
      {
        name: UNTYPED_DEDUCED,
        scalar: 'untyped',
        list: { elementType: { namedType: UNTYPED_ATOMIC }, elementRelationship: 'atomic' },
        map: { elementType: { namedType: UNTYPED_DEDUCED }, elementRelationship: 'separable' },
      },
    ]);
  });

  it('converts the whole built-in table, every named type it refers to defined', () => {
    const { schema } = smdSchemaFromTable(builtinApplyTable(), 'io.k8s.api.apps.v1.Deployment');
    const defined = new Set(schema.types.map((t) => t.name));
    const referred = JSON.stringify(schema).match(/"namedType":"[^"]*"/g) ?? [];
    expect(referred.length).toBeGreaterThan(1000);
    expect(referred.map((r) => r.slice('"namedType":"'.length, -1)).filter((name) => !defined.has(name))).toEqual([]);
  });
});
