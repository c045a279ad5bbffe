// applySchemaFromOpenAPI: kube-openapi's schemaconv rules on upstream's SMP OpenAPI v3 document
// (../shared/conformance/smp-schemas/swagger-merge-item-v3.json) and on small documents.
import { describe, expect, it } from 'vitest';
import { applySchemaFromOpenAPI } from '../../../src/apply/schema/applySchemaFromOpenAPI.ts';
import { readConformance } from '../../helpers/conformance.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

const mergeItemV3 = readConformance<object>('smp-schemas/swagger-merge-item-v3.json');

function document(property: object): object {
  return { components: { schemas: { T: { type: 'object', properties: { p: property } } } } };
}

describe('applySchemaFromOpenAPI on swagger-merge-item-v3.json', () => {
  const item = applySchemaFromOpenAPI(mergeItemV3, 'mergeItem');

  it('reads patch strategy merge with a merge key as a list map with that key, and merge alone as a set', () => {
    expect([item.field('mergingList')!.listType, item.field('mergingList')!.keys]).toEqual(['map', ['name']]);
    expect(item.field('mergingList')!.items()!.name).toBe('mergeItem');
    expect(item.field('mergingIntList')!.listType).toBe('set');
    expect(item.field('nonMergingList')!.listType).toBe('atomic');
    expect([item.field('retainKeysMergingList')!.listType, item.field('retainKeysMergingList')!.keys]).toEqual(['map', ['name']]);
  });

  it('reads RawExtension as untyped, a schema with no type as deduced, additionalProperties as a granular map', () => {
    expect(item.field('replacingItem')!.type).toEqual({ kind: 'scalar', scalar: 'untyped' });
    expect(item.field('jsonItem')!.type).toEqual({ kind: 'deduced' });
    expect(item.field('simpleMap')!.type).toEqual({ kind: 'map', mapType: 'granular', elem: { kind: 'scalar', scalar: 'string' } });
    // A patch strategy on a non-list changes nothing for apply: retainKeysMap is a granular struct.
    expect([item.field('retainKeysMap')!.name, item.field('retainKeysMap')!.mapType]).toEqual(['retainKeysMergeItem', 'granular']);
  });
});

describe('applySchemaFromOpenAPI rules', () => {
  it('prefers x-kubernetes-list-type over the patch strategy, and reads retainKeys alone as atomic', () => {
    const listed = { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-strategy': 'merge' };
    expect(applySchemaFromOpenAPI(document(listed), 'T').field('p')!.listType).toBe('atomic');
    const retain = { type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'retainKeys' };
    expect(applySchemaFromOpenAPI(document(retain), 'T').field('p')!.listType).toBe('atomic');
  });

  it('applies a field-level x-kubernetes-map-type beside a $ref to that field only', () => {
    const doc = {
      components: {
        schemas: {
          Ref: { type: 'object', 'x-kubernetes-map-type': 'atomic', properties: { a: { type: 'string' } } },
          T: {
            type: 'object',
            properties: {
              granular: { allOf: [{ $ref: '#/components/schemas/Ref' }], 'x-kubernetes-map-type': 'granular' },
              plain: { $ref: '#/components/schemas/Ref' },
            },
          },
        },
      },
    };
    const t = applySchemaFromOpenAPI(doc, 'T');
    expect([t.field('granular')!.mapType, t.field('plain')!.mapType]).toEqual(['granular', 'atomic']);
  });

  it('reads scalars as schemaconv does: string formats other than byte are untyped', () => {
    const types = [
      [{ type: 'integer', format: 'int32' }, { kind: 'scalar', scalar: 'numeric' }],
      [{ type: 'string', format: 'byte' }, { kind: 'scalar', scalar: 'string' }],
      [{ type: 'string', format: 'date-time' }, { kind: 'scalar', scalar: 'untyped', format: 'date-time' }],
      [{ type: 'string', format: 'email' }, { kind: 'scalar', scalar: 'untyped' }],
      [{ type: 'boolean' }, { kind: 'scalar', scalar: 'boolean' }],
    ] as const;
    for (const [schema, expected] of types) expect(applySchemaFromOpenAPI(document(schema), 'T').field('p')!.type).toEqual(expected);
  });

  it('throws INVALID_SCHEMA with path and input where schemaconv reports an error', () => {
    const cases: [object, string][] = [
      [{ type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'bag' }, '/x-kubernetes-list-type'],
      [{ type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'replace' }, '/x-kubernetes-patch-strategy'],
      [{ type: 'array' }, ''],
      [{ type: 'file' }, '/type'],
    ];
    for (const [property, suffix] of cases) {
      expect(thrownKubepatchError('INVALID_SCHEMA', () => applySchemaFromOpenAPI(document(property), 'T'))).toMatchObject({
        path: `/components/schemas/T/properties/p${suffix}`,
        input: 'document',
      });
    }
    expect(thrownKubepatchError('INVALID_SCHEMA', () => applySchemaFromOpenAPI(mergeItemV3, 'Missing'))).toMatchObject({
      path: '/components/schemas/Missing',
    });
  });
});
