import { describe, expect, it } from 'vitest';
import {
  InvalidSchemaError,
  isKubepatchError,
  PatchSchema,
  schemaFromOpenAPI,
  type FieldDef,
  type TypeRef,
} from 'kubepatch';
import { readConformance, readConformanceText } from '../helpers/conformance.js';
import { deepFreeze } from '../helpers/deepFreeze.js';

/** One field of the Go test structs, as smp-vectors.json's `schemas` block describes it. */
interface GoField {
  goType: string;
  type: 'string' | 'number' | 'array' | 'map' | 'object';
  items?: string;
  values?: string;
  ref?: string;
  pointer?: boolean;
  patchStrategy?: string;
  patchMergeKey?: string;
}
const goSchemas = readConformance<{ schemas: Record<string, Record<string, GoField>> }>('smp-vectors.json').schemas;

/**
 * The v2 merge-item document has a trailing comma (`"description": "JSON field",` closing
 * `jsonItem`), as upstream's testdata does; Go's YAML-based loader accepts it, `JSON.parse` does
 * not. schemaFromOpenAPI takes a parsed object, so the test strips that one comma first.
 */
function readSwaggerV2(file: string): object {
  const text = readConformanceText(file);
  const trailing = text.match(/,(\s*[}\]])/g) ?? [];
  expect(trailing.length).toBeLessThanOrEqual(1);
  return JSON.parse(text.replace(/,(\s*[}\]])/, '$1')) as object;
}

/** OpenAPI names the Go struct MergeItem `mergeItem`. */
const openAPIName = (goName: string): string => goName[0]!.toLowerCase() + goName.slice(1);

/** The TypeRef the Go field's schema block entry stands for. */
function expectedType(field: GoField): TypeRef {
  const scalar = (name: string): TypeRef =>
    name === 'string' ? { kind: 'scalar', type: 'string' } : { kind: 'scalar', type: 'integer', format: 'int32' };
  switch (field.type) {
    case 'string':
      return { kind: 'scalar', type: 'string' };
    case 'number': {
      // Go int32/int64/float32/float64; the documents spell the float formats float32/float64.
      const formats: Record<string, TypeRef> = {
        int32: { kind: 'scalar', type: 'integer', format: 'int32' },
        int64: { kind: 'scalar', type: 'integer', format: 'int64' },
        float32: { kind: 'scalar', type: 'number', format: 'float' },
        float64: { kind: 'scalar', type: 'number', format: 'double' },
      };
      return formats[field.goType]!;
    }
    case 'array':
      return { kind: 'list', elem: field.items === 'integer' || field.items === 'string' ? scalar(field.items) : { kind: 'struct', ref: openAPIName(field.items!) } };
    case 'map':
      return { kind: 'map', elem: scalar(field.values!) };
    case 'object':
      // RawExtension and struct{ Raw []byte } have no fields Go's lookups can see.
      return field.ref === undefined ? { kind: 'opaque' } : { kind: 'struct', ref: openAPIName(field.ref) };
  }
}

/**
 * Fields whose OpenAPI schema upstream wrote differently from the Go struct: RetainKeysMergeItem's
 * `simpleMap` is a map[string]string in Go, but both documents give it `items` and no `type`
 * (v2 also `additionalProperties: "object"`, a string), which reads as "no type, no properties":
 * opaque. Its values are strings, so no patch ever looks inside it and patches come out the same.
 */
const documentQuirks: Record<string, TypeRef> = { 'RetainKeysMergeItem.simpleMap': { kind: 'opaque' } };

const documents = [
  ['v3', 'smp-schemas/swagger-merge-item-v3.json', 'smp-schemas/swagger-precision-item-v3.json'],
  ['v2', 'smp-schemas/swagger-merge-item.json', 'smp-schemas/swagger-precision-item.json'],
] as const;

describe.each(documents)('upstream OpenAPI %s documents against the Go struct schemas', (_version, mergeFile, precisionFile) => {
  const mergeDocument = deepFreeze(readSwaggerV2(mergeFile));
  const precisionDocument = deepFreeze(readSwaggerV2(precisionFile));

  it.each([
    ['MergeItem', () => schemaFromOpenAPI(mergeDocument, 'mergeItem')],
    ['RetainKeysMergeItem', () => schemaFromOpenAPI(mergeDocument, 'mergeItem').field('retainKeysMap')!.schema],
    ['PrecisionItem', () => schemaFromOpenAPI(precisionDocument, 'precisionItem')],
  ] as const)('%s has every field, with its patch metadata', (goName, build) => {
    const schema = build();
    expect(schema.name).toBe(openAPIName(goName));
    for (const [name, goField] of Object.entries(goSchemas[goName]!)) {
      const field = schema.field(name);
      expect(field, name).toBeDefined();
      const meta = field!.meta as FieldDef;
      expect(meta.patchStrategies, name).toEqual(goField.patchStrategy?.split(',') ?? []);
      expect(meta.patchMergeKey, name).toBe(goField.patchMergeKey);
      expect(meta.type, name).toEqual(documentQuirks[`${goName}.${name}`] ?? expectedType(goField));
    }
    expect(schema.field('nosuchfield')).toBeUndefined();
  });

  it('MergeItem is recursive, and the pointer field is its own element type as Go reads it', () => {
    const mergeItem = schemaFromOpenAPI(mergeDocument, 'mergeItem');
    const nested = mergeItem.field('mergingList')!.schema.items().field('mergingList')!.schema.items();
    expect(nested.name).toBe('mergeItem');
    expect(nested.field('mergingList')!.meta).toMatchObject({ patchStrategies: ['merge'], patchMergeKey: 'name' });
    const pointer = mergeItem.field('mergeItemPtr')!;
    expect(pointer.meta).toMatchObject({ patchStrategies: ['merge'], patchMergeKey: 'name' });
    expect(pointer.schema.items().name).toBe('mergeItem');
    // RawExtension is recognised by its id: opaque, as Go reads it, though the document lists a `Raw` field.
    expect(mergeItem.field('replacingItem')!.schema.type).toEqual({ kind: 'opaque' });
    expect(mergeItem.field('replacingItem')!.schema.field('Raw')).toBeUndefined();
  });
});

describe('schemaFromOpenAPI', () => {
  const document = (schemas: Record<string, unknown>): object => deepFreeze({ openapi: '3.0.0', components: { schemas } });
  const fieldOf = (schema: PatchSchema, ...path: string[]): { schema: PatchSchema; meta: FieldDef } => {
    let field = schema.field(path[0]!)!;
    for (const key of path.slice(1)) field = field.schema.field(key)!;
    // Fields of a struct carry their whole FieldDef, type included.
    return { schema: field.schema, meta: field.meta as FieldDef };
  };

  it('reads references wrapped in allOf, with the extensions beside them', () => {
    const schema = schemaFromOpenAPI(
      document({
        Pod: {
          type: 'object',
          properties: {
            spec: { allOf: [{ $ref: '#/components/schemas/PodSpec' }], default: {} },
            owner: { allOf: [{ $ref: '#/components/schemas/Ref' }], 'x-kubernetes-map-type': 'granular' },
          },
        },
        PodSpec: {
          type: 'object',
          properties: {
            containers: {
              type: 'array',
              items: { allOf: [{ $ref: '#/components/schemas/Container' }], default: {} },
              'x-kubernetes-patch-strategy': 'merge',
              'x-kubernetes-patch-merge-key': 'name',
              'x-kubernetes-list-type': 'map',
              'x-kubernetes-list-map-keys': ['name'],
            },
            nodeSelector: { type: 'object', additionalProperties: { type: 'string' }, 'x-kubernetes-map-type': 'atomic' },
          },
        },
        Container: { type: 'object', properties: { name: { type: 'string' } } },
        Ref: { type: 'object', properties: { name: { type: 'string' } }, 'x-kubernetes-map-type': 'atomic' },
      }),
      'Pod',
    );
    const containers = fieldOf(schema, 'spec', 'containers');
    expect(containers.meta).toEqual({
      type: { kind: 'list', elem: { kind: 'struct', ref: 'Container' } },
      patchStrategies: ['merge'],
      patchMergeKey: 'name',
      listType: 'map',
      listMapKeys: ['name'],
    });
    expect(containers.schema.items().field('name')!.schema.type).toEqual({ kind: 'scalar', type: 'string' });
    expect(fieldOf(schema, 'spec', 'nodeSelector').meta).toMatchObject({ mapType: 'atomic' });
    // x-kubernetes-map-type is the struct type of a struct, on the type and overridden on a field.
    expect(fieldOf(schema, 'owner').meta).toMatchObject({ structType: 'granular' });
  });

  it('makes inline object schemas structs of their own, named after where they sit', () => {
    const schema = schemaFromOpenAPI(
      document({
        Root: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              properties: {
                steps: { type: 'array', items: { type: 'object', properties: { pause: { type: 'object', properties: { duration: { type: 'string' } } } } } },
                byName: { type: 'object', additionalProperties: { type: 'object', properties: { weight: { type: 'integer' } } } },
              },
            },
          },
        },
        // Takes the id the inline schema would have had.
        'Root/spec': { type: 'object', properties: {} },
      }),
      'Root',
    );
    const spec = schema.field('spec')!.schema;
    expect(spec.name).toBe('Root/spec~2');
    expect(spec.field('steps')!.schema.items().name).toBe('Root/spec~2/steps[]');
    expect(spec.field('steps')!.schema.items().field('pause')!.schema.name).toBe('Root/spec~2/steps[]/pause');
    expect(spec.field('byName')!.schema.field('canary')!.schema.name).toBe('Root/spec~2/byName{}');
  });

  it('reads x-kubernetes-preserve-unknown-fields and x-kubernetes-int-or-string', () => {
    const schema = schemaFromOpenAPI(
      document({
        Root: {
          type: 'object',
          properties: {
            config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            open: { type: 'object', properties: { known: { type: 'string' } }, 'x-kubernetes-preserve-unknown-fields': true },
            maxSurge: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
            port: { type: 'string', format: 'int-or-string' },
            anything: { description: 'no type, no properties' },
            nullable: { type: ['string', 'null'] },
            cpu: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' },
            at: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time' },
          },
        },
        'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
        'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
      }),
      'Root',
    );
    expect(fieldOf(schema, 'config').schema).toBe(PatchSchema.unknown());
    expect(fieldOf(schema, 'config', 'a', 'b').schema).toBe(PatchSchema.unknown());
    expect(fieldOf(schema, 'open', 'known').schema.type).toEqual({ kind: 'scalar', type: 'string' });
    expect(fieldOf(schema, 'open', 'unlisted').schema).toBe(PatchSchema.unknown());
    expect(fieldOf(schema, 'maxSurge').meta.type).toEqual({ kind: 'scalar', format: 'int-or-string' });
    expect(fieldOf(schema, 'port').meta.type).toEqual({ kind: 'scalar', format: 'int-or-string' });
    expect(fieldOf(schema, 'anything').meta.type).toEqual({ kind: 'opaque' });
    expect(fieldOf(schema, 'nullable').meta.type).toEqual({ kind: 'scalar', type: 'string' });
    expect(fieldOf(schema, 'cpu').meta.type).toEqual({ kind: 'scalar', format: 'quantity' });
    expect(fieldOf(schema, 'at').meta.type).toEqual({ kind: 'scalar', type: 'string', format: 'date-time' });
  });

  it('follows recursion through a list of itself without a struct in between', () => {
    const schema = schemaFromOpenAPI(
      document({
        Root: { type: 'object', properties: { tree: { $ref: '#/components/schemas/Tree' } } },
        Tree: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
      }),
      'Root',
    );
    expect(fieldOf(schema, 'tree').meta.type).toEqual({ kind: 'list', elem: { kind: 'unknown' } });
  });

  it('keeps odd property names as data', () => {
    const schema = schemaFromOpenAPI(document({ Root: { properties: { ['__proto__']: { type: 'string' }, constructor: { type: 'integer' } } } }), 'Root');
    expect(fieldOf(schema, '__proto__').meta.type).toEqual({ kind: 'scalar', type: 'string' });
    expect(fieldOf(schema, 'constructor').meta.type).toEqual({ kind: 'scalar', type: 'integer' });
    expect(schema.field('toString')).toBeUndefined();
  });

  it('gives the unknown schema for a root type that says nothing', () => {
    expect(schemaFromOpenAPI(document({ Any: { description: 'anything' } }), 'Any')).toBe(PatchSchema.unknown());
  });

  it('reads Swagger 2.0 definitions and $ref with siblings', () => {
    const schema = schemaFromOpenAPI(
      deepFreeze({
        swagger: '2.0',
        definitions: {
          A: { properties: { b: { $ref: '#/definitions/B', 'x-kubernetes-patch-strategy': 'retainKeys' } } },
          B: { properties: { c: { type: 'boolean' } } },
        },
      }),
      'A',
    );
    expect(fieldOf(schema, 'b').meta).toEqual({ type: { kind: 'struct', ref: 'B' }, patchStrategies: ['retainKeys'] });
  });

  const invalid: Array<[string, object, string, string]> = [
    ['a missing type', { components: { schemas: {} } }, 'Missing', '/components/schemas/Missing'],
    ['a $ref to nothing', { components: { schemas: { A: { properties: { b: { $ref: '#/components/schemas/B' } } } } } }, 'A', '/components/schemas/A/properties/b/$ref'],
    ['an external $ref', { components: { schemas: { A: { properties: { b: { $ref: 'other.json#/B' } } } } } }, 'A', '/components/schemas/A/properties/b/$ref'],
    ['a deep $ref', { definitions: { A: { properties: { b: { $ref: '#/definitions/A/properties/c' } } } } }, 'A', '/definitions/A/properties/b/$ref'],
    ['a bad list type', { definitions: { A: { properties: { b: { type: 'array', 'x-kubernetes-list-type': 'bag' } } } } }, 'A', '/definitions/A/properties/b/x-kubernetes-list-type'],
    ['a bad patch strategy', { definitions: { A: { properties: { b: { type: 'array', 'x-kubernetes-patch-strategy': 'merge,append' } } } } }, 'A', '/definitions/A/properties/b/x-kubernetes-patch-strategy'],
    ['bad list map keys', { definitions: { A: { properties: { b: { type: 'array', 'x-kubernetes-list-map-keys': 'name' } } } } }, 'A', '/definitions/A/properties/b/x-kubernetes-list-map-keys'],
    ['an unknown type', { definitions: { A: { properties: { b: { type: 'date' } } } } }, 'A', '/definitions/A/properties/b/type'],
    ['a root that is not an object', { definitions: { A: { type: 'array', items: { type: 'string' } } } }, 'A', ''],
    ['no schemas at all', { openapi: '3.0.0', paths: {} }, 'A', ''],
    ['a schema that is not an object', { definitions: { A: { properties: { b: 'string' } } } }, 'A', '/definitions/A/properties/b'],
  ];

  it.each(invalid)('throws InvalidSchemaError for %s', (_what, input, typeName, path) => {
    let thrown: unknown;
    try {
      schemaFromOpenAPI(deepFreeze(input), typeName);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSchemaError);
    expect(isKubepatchError(thrown, 'INVALID_SCHEMA')).toBe(true);
    if (path !== '') expect(thrown).toMatchObject({ code: 'INVALID_SCHEMA', path, name: 'InvalidSchemaError' });
  });

  it('throws InvalidSchemaError for a schema that contains itself', () => {
    const a: Record<string, unknown> = { type: 'object', properties: {} };
    (a.properties as Record<string, unknown>).self = a; // what a YAML alias can make
    expect(() => schemaFromOpenAPI({ definitions: { A: { properties: { a } } } }, 'A')).toThrow(/contains itself/);
  });

  it('does not change the document', () => {
    const input = { components: { schemas: { A: { properties: { b: { allOf: [{ $ref: '#/components/schemas/B' }] } } }, B: { properties: {} } } } };
    const copy = structuredClone(input);
    schemaFromOpenAPI(input, 'A');
    expect(input).toEqual(copy);
  });
});
